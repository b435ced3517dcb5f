import { base64urlToBytes, hexToBytes } from '../crypto/bytes.ts';
import type { CryptoSuite } from '../crypto/suite.ts';
import { leafHash, verifyInclusion } from '../merkle/index.ts';
import { blockHash, verifyBlockHeaderSignature } from './block-header.ts';
import { verifyCheckpointSignature } from './checkpoint.ts';
import { resultLeafData, transactionLeafData } from './leaves.ts';
import type { TransactionProof } from './proof.ts';
import { transactionBody, transactionSigningBytes } from './transaction.ts';
import { bytesToHex } from '../crypto/bytes.ts';

/** The keys a verifier trusts, normally taken from the network's genesis. */
export interface ProofTrust {
  network: string;
  orderers: readonly string[];
  nodes: readonly string[];
}

export interface ProofCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ProofVerdict {
  ok: boolean;
  checks: ProofCheck[];
  /** Plain words for people: what a valid proof shows, and what it does not. */
  proves: string[];
  doesNotProve: string[];
}

/**
 * Checks a transaction proof trusting nothing but `trust` and `crypto`
 * (hash and signature verification). Portable: runs in Node and browsers.
 * Never throws; a malformed proof fails its checks.
 */
export function verifyTransactionProof(proof: TransactionProof, trust: ProofTrust, crypto: Pick<CryptoSuite, 'hash' | 'verify'>): ProofVerdict {
  const checks: ProofCheck[] = [];
  const check = (name: string, run: () => boolean | string) => {
    try {
      const outcome = run();
      checks.push({ name, ok: outcome === true, detail: outcome === true ? 'ok' : outcome === false ? 'failed' : outcome });
    } catch {
      checks.push({ name, ok: false, detail: 'proof is malformed' });
    }
  };
  const hash = crypto.hash;
  const suite = crypto as CryptoSuite;

  check('network', () => {
    if (proof.v !== 1 || proof.header.v !== 1 || proof.checkpoint.v !== 1) return 'unsupported proof version';
    const networks = [proof.network, proof.tx.network, proof.header.network, proof.checkpoint.network];
    return networks.every((n) => n === trust.network) || `proof is for ${proof.network}, expected ${trust.network}`;
  });
  check('transaction id', () => bytesToHex(hash(transactionSigningBytes(transactionBody(proof.tx)))) === proof.txId || 'txId is not the hash of the transaction');
  check('transaction signature', () => {
    const sig = base64urlToBytes(proof.tx.sig);
    return (sig !== undefined && crypto.verify(proof.tx.signer, transactionSigningBytes(transactionBody(proof.tx)), sig)) || 'signer did not sign this transaction';
  });
  check('block header signature', () => {
    if (!trust.orderers.includes(proof.header.orderer)) return 'header is signed by a key that is not a trusted orderer';
    return verifyBlockHeaderSignature(suite, proof.header) || 'orderer signature does not verify';
  });
  check('inclusion in the ledger log', () => {
    const leaf = leafHash(hash, transactionLeafData(hash, proof.txId, proof.tx.sig));
    const path = proof.inclusion.map((h) => hexToBytes(h)!);
    const root = hexToBytes(proof.header.logRoot);
    if (root === undefined || path.some((p) => p === undefined)) return 'proof holds a value that is not hex';
    return verifyInclusion(hash, leaf, proof.seq, proof.header.logSize, path, root) || 'audit path does not lead to the signed log root';
  });
  check('checkpoint signature', () => {
    if (!trust.nodes.includes(proof.checkpoint.signer)) return 'checkpoint is signed by a key that is not a trusted node';
    if (proof.checkpoint.height !== proof.header.height || proof.checkpoint.blockHash !== blockHash(suite, proof.header)) return 'checkpoint is for another block';
    return verifyCheckpointSignature(suite, proof.checkpoint) || 'node signature does not verify';
  });
  check('result in the checkpoint', () => {
    const leaf = leafHash(hash, resultLeafData(proof.txId, proof.result));
    const path = proof.resultProof.map((h) => hexToBytes(h)!);
    const root = hexToBytes(proof.checkpoint.resultsRoot);
    const blockSize = proof.header.logSize - (proof.seq - proof.resultIndex);
    if (root === undefined || path.some((p) => p === undefined)) return 'proof holds a value that is not hex';
    if (proof.resultIndex < 0 || proof.resultIndex > proof.seq) return 'result index is out of range';
    // Block size = transactions in the block: its last leaf is logSize − 1, its first is seq − resultIndex.
    return verifyInclusion(hash, leaf, proof.resultIndex, blockSize, path, root) || 'result is not the one the node signed';
  });

  const ok = checks.every((c) => c.ok);
  return {
    ok,
    checks,
    proves: ok
      ? [
          `The holder of key ${proof.tx.signer} signed this ${proof.tx.contract}.${proof.tx.fn} transaction for network ${proof.network}.`,
          `It is transaction #${proof.seq} of the ledger, in block ${proof.header.height} (block time ${new Date(proof.header.time).toISOString()}), whose header a trusted orderer signed.`,
          `A trusted node executed it with result "${proof.result.status}"${proof.result.status === 'failed' ? ` (${proof.result.code})` : ''}.`,
        ]
      : [],
    doesNotProve: [
      'That the signer is who they claim to be beyond their key (identity certificates say that).',
      'That the ledger has not grown since: fetch a newer head and a consistency proof for that.',
      'That the facts stated in the transaction are true — only who recorded them and when.',
    ],
  };
}
