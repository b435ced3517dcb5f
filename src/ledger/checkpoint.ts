import { base64urlToBytes, bytesToBase64url } from '../crypto/bytes.ts';
import { canonicalBytes } from '../crypto/canonical-json.ts';
import { taggedBytes } from '../crypto/domain-tags.ts';
import type { CryptoSuite, SigningKey } from '../crypto/suite.ts';

/**
 * What a node signs after committing a block: it saw this block and got these
 * results and this state. Matching checkpoints from the finality policy's
 * organizations make a block final; two different ones for a height are
 * divergence. See docs/FORMATS.md § Checkpoint.
 */
export interface UnsignedCheckpoint {
  v: 1;
  network: string;
  height: number;
  blockHash: string;
  /** RFC 9162 tree hash over the block's result leaves, in transaction order. */
  resultsRoot: string;
  /** Commitment to the whole world state after the block (see state-root.ts). */
  stateRoot: string;
  /** Public key of the signing node. */
  signer: string;
}

export interface Checkpoint extends UnsignedCheckpoint {
  sig: string;
}

export function checkpointSigningBytes(checkpoint: UnsignedCheckpoint): Uint8Array {
  const { v, network, height, blockHash, resultsRoot, stateRoot, signer } = checkpoint;
  return taggedBytes('checkpoint', canonicalBytes({ v, network, height, blockHash, resultsRoot, stateRoot, signer }));
}

export function signCheckpoint(checkpoint: UnsignedCheckpoint, key: SigningKey): Checkpoint {
  return { ...checkpoint, sig: bytesToBase64url(key.sign(checkpointSigningBytes(checkpoint))) };
}

export function verifyCheckpointSignature(suite: CryptoSuite, checkpoint: Checkpoint): boolean {
  const sig = base64urlToBytes(checkpoint.sig);
  return sig !== undefined && suite.verify(checkpoint.signer, checkpointSigningBytes(checkpoint), sig);
}
