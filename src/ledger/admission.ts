import { base64urlToBytes, base64urlToBytesInto, bytesToHex } from '../crypto/bytes.ts';
import { canonicalize } from '../crypto/canonical-json.ts';
import { transientTaggedText } from '../crypto/domain-tags.ts';
import { digestLength, type CryptoSuite } from '../crypto/suite.ts';
import { custosError } from '../errors/custos-error.ts';
import { transactionLeafHashInto } from './leaves.ts';
import { decodeTransaction, type SignedTransaction, type TransactionLimits } from './transaction.ts';

/**
 * JCS of a decoded transaction's body and of the whole signed transaction,
 * written field by field in JCS key order (args, contract, fn, network,
 * nonce, [sig,] signer, ts, v). `decodeTransaction` has already fixed the
 * field set and types, refused lone surrogates and non-integer numbers, so
 * JSON.stringify of each field is its JCS form. PERF: the generic
 * canonicalizer copied the body, sorted its keys and dispatched on every
 * value, about 2 µs per transaction; `admission.test.ts` checks these texts
 * against `canonicalize` on random input.
 */
export function transactionCanonicalTexts(tx: SignedTransaction): { body: string; signed: string } {
  const head = `{"args":${canonicalize(tx.args)},"contract":${JSON.stringify(tx.contract)},"fn":${JSON.stringify(tx.fn)},"network":${JSON.stringify(tx.network)},"nonce":${JSON.stringify(tx.nonce)},`;
  const tail = `"signer":${JSON.stringify(tx.signer)},"ts":${JSON.stringify(tx.ts)},"v":${JSON.stringify(tx.v)}}`;
  return { body: head + tail, signed: `${head}"sig":${JSON.stringify(tx.sig)},${tail}` };
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A transaction whose form and signature have been checked. */
export interface AdmittedTransaction {
  txId: string;
  /**
   * The transaction as its canonical text parses (`admittedTransaction`):
   * objects keep JCS key order, whatever order the signer sent, so every node
   * hands contracts the same objects.
   */
  tx: SignedTransaction;
  /** JCS of the signed transaction, as stored in the block. */
  canonical: string;
  /**
   * RFC 9162 leaf hash of the transaction (leaves.ts). PERF: computed here,
   * on the admission worker, rather than on the thread that commits blocks;
   * a wrong one cannot pass, since the block's txRoot and logRoot are checked.
   */
  leafHash: Uint8Array;
}

export interface AdmissionContext {
  suite: CryptoSuite;
  network: string;
  limits: TransactionLimits;
}

/**
 * Everything about a transaction that can be checked without the ledger's
 * state: size, form, network, signer key form and signature. Pure and
 * CPU-bound, so the node runs it on worker threads.
 */
export function admitTransaction(raw: string | unknown, context: AdmissionContext): AdmittedTransaction {
  const leafHash = new Uint8Array(digestLength);
  const { txId, canonical } = admitTransactionInto(raw, context, leafHash, 0);
  return admittedTransaction(txId, canonical, leafHash);
}

/** What admission establishes, apart from the leaf hash: the id and the canonical text. */
export interface CheckedTransaction {
  txId: string;
  canonical: string;
}

/**
 * The admitted transaction of a checked canonical text. PERF: an admission
 * worker sends back only the text, which crosses threads as one flat string
 * and parses faster than a cloned object graph deserializes.
 */
export function admittedTransaction(txId: string, canonical: string, leafHash: Uint8Array): AdmittedTransaction {
  return { txId, tx: JSON.parse(canonical) as SignedTransaction, canonical, leafHash };
}

// Signatures of both suites fit (Ed25519 64 bytes, SM2 DER at most 72).
const signatureScratch = new Uint8Array(128);

/** The signature's bytes, in reused memory when they fit; `decodeTransaction` has checked it is base64url. */
function decodedSignature(sig: string): Uint8Array {
  const length = base64urlToBytesInto(sig, signatureScratch, 0);
  return length < 0 ? base64urlToBytes(sig)! : signatureScratch.subarray(0, length);
}

// The txId's digest, reused: it is turned into hex and into leaf input within one call.
const txIdScratch = new Uint8Array(digestLength);

/**
 * `admitTransaction`, with the leaf hash written at `leafHashes[offset…]`.
 * PERF: an admission worker writes a whole batch's leaf hashes into the one
 * buffer it transfers back, and hashes without allocating a digest each.
 */
export function admitTransactionInto(raw: string | unknown, context: AdmissionContext, leafHashes: Uint8Array, offset: number): CheckedTransaction {
  if (typeof raw === 'string' && raw.length > context.limits.maxBytes * 2) {
    throw custosError('LEDGER_TX_TOO_LARGE', `transaction exceeds ${context.limits.maxBytes} bytes`);
  }
  let parsed: unknown = raw;
  if (typeof raw === 'string') {
    try {
      parsed = JSON.parse(raw);
    } catch (error) {
      throw custosError('LEDGER_TX_MALFORMED', 'transaction is not valid JSON', {}, error);
    }
  }
  const tx = decodeTransaction(parsed);
  const { body: bodyCanonical, signed: canonical } = transactionCanonicalTexts(tx);
  // PERF: the UTF-8 length is at most 3 per UTF-16 unit, so most transactions skip counting.
  const bytes = canonical.length * 3 <= context.limits.maxBytes ? canonical.length : utf8Length(canonical);
  if (bytes > context.limits.maxBytes) {
    throw custosError('LEDGER_TX_TOO_LARGE', `transaction exceeds ${context.limits.maxBytes} bytes`, { bytes });
  }
  if (tx.network !== context.network) {
    throw custosError('LEDGER_TX_WRONG_NETWORK', `transaction is for network ${JSON.stringify(tx.network)}, this is ${JSON.stringify(context.network)}`);
  }
  if (!context.suite.isPublicKey(tx.signer)) {
    throw custosError('LEDGER_TX_BAD_SIGNER', `signer is not a ${context.suite.id} public key`);
  }
  const sig = decodedSignature(tx.sig);
  // Transient: hashed and verified right here, before anything else uses the shared buffer.
  const signingBytes = transientTaggedText('transaction', bodyCanonical);
  context.suite.hashInto(signingBytes, txIdScratch, 0);
  const txId = bytesToHex(txIdScratch);
  if (!context.suite.verify(tx.signer, signingBytes, sig)) {
    throw custosError('LEDGER_TX_BAD_SIGNATURE', 'signature does not verify', { txId });
  }
  transactionLeafHashInto(context.suite.hashInto, txIdScratch, sig, leafHashes, offset);
  return { txId, canonical };
}
