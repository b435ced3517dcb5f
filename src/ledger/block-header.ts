import { base64urlToBytes, bytesToBase64url, bytesToHex } from '../crypto/bytes.ts';
import { canonicalBytes } from '../crypto/canonical-json.ts';
import { taggedBytes } from '../crypto/domain-tags.ts';
import type { CryptoSuite, SigningKey } from '../crypto/suite.ts';

/** See docs/FORMATS.md § Block header. Hashes are lowercase hex. */
export interface UnsignedBlockHeader {
  v: 1;
  network: string;
  height: number;
  /** Hash of the previous block's header; block 1 links to the genesis hash. */
  prevHash: string;
  /** Block time, ms since the epoch: the only clock contracts ever see. */
  time: number;
  /** RFC 9162 tree hash over this block's transaction leaves. */
  txRoot: string;
  /** Number of transaction leaves in the ledger's log after this block. */
  logSize: number;
  /** RFC 9162 root of the log over every transaction leaf since genesis. */
  logRoot: string;
  /** The orderer's public key. */
  orderer: string;
}

export interface BlockHeader extends UnsignedBlockHeader {
  sig: string;
}

export function blockHeaderSigningBytes(header: UnsignedBlockHeader): Uint8Array {
  const { v, network, height, prevHash, time, txRoot, logSize, logRoot, orderer } = header;
  return taggedBytes('blockHeader', canonicalBytes({ v, network, height, prevHash, time, txRoot, logSize, logRoot, orderer }));
}

/** The block's identity: hash of the tagged, unsigned header. */
export function blockHash(suite: CryptoSuite, header: UnsignedBlockHeader): string {
  return bytesToHex(suite.hash(blockHeaderSigningBytes(header)));
}

export function signBlockHeader(header: UnsignedBlockHeader, orderer: SigningKey): BlockHeader {
  return { ...header, sig: bytesToBase64url(orderer.sign(blockHeaderSigningBytes(header))) };
}

export function verifyBlockHeaderSignature(suite: CryptoSuite, header: BlockHeader): boolean {
  const sig = base64urlToBytes(header.sig);
  return sig !== undefined && suite.verify(header.orderer, blockHeaderSigningBytes(header), sig);
}
