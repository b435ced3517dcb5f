import { canonicalBytes, canonicalize, type JsonObject, type JsonValue } from '../crypto/canonical-json.ts';
import { bytesToBase64url, bytesToHex, isBase64url } from '../crypto/bytes.ts';
import { taggedBytes } from '../crypto/domain-tags.ts';
import type { CryptoSuite, SigningKey } from '../crypto/suite.ts';
import { custosError } from '../errors/custos-error.ts';

export const transactionVersion = 1;

/** What a member signs. See docs/FORMATS.md § Transaction. */
export interface TransactionBody {
  v: 1;
  network: string;
  contract: string;
  fn: string;
  args: JsonObject;
  signer: string;
  nonce: string;
  /** Milliseconds since the Unix epoch, the signer's clock. */
  ts: number;
}

export interface SignedTransaction extends TransactionBody {
  /** base64url signature over `transactionSigningBytes(body)`. */
  sig: string;
}

export interface TransactionLimits {
  /** Bytes of the canonical signed transaction. */
  maxBytes: number;
}

export const defaultTransactionLimits: TransactionLimits = { maxBytes: 64 * 1024 };

const namePattern = /^[a-z][a-z0-9_.-]{0,63}$/;
const noncePattern = /^[A-Za-z0-9_-]{1,64}$/;
const bodyKeys = new Set(['v', 'network', 'contract', 'fn', 'args', 'signer', 'nonce', 'ts', 'sig']);

function malformed(message: string, details: Record<string, unknown> = {}): never {
  throw custosError('LEDGER_TX_MALFORMED', message, details);
}

/** Args nest at most this deep (the whole transaction then stays within JCS's limit of 64). */
export const maxArgsDepth = 32;

/**
 * Checks that args can be canonicalized and hold only safe integers: no
 * nesting deeper than `maxArgsDepth`, no lone surrogates, every number a safe
 * integer. Custos keeps money and points as integers (DESIGN.md, determinism
 * rules), and integers are the one number form every auditor's language
 * canonicalizes alike.
 */
function assertArgsForm(value: JsonValue, path: string, depth: number): void {
  if (depth > maxArgsDepth) malformed(`args nest deeper than ${maxArgsDepth} levels`, { path });
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) malformed(`${path} is not a safe integer`, { path });
  } else if (typeof value === 'string') {
    if (!value.isWellFormed()) malformed(`${path} holds a lone surrogate`, { path });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => assertArgsForm(item, `${path}[${i}]`, depth + 1));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!key.isWellFormed()) malformed(`a key under ${path} holds a lone surrogate`, { path });
      assertArgsForm(item, `${path}.${key}`, depth + 1);
    }
  }
}

/**
 * Structural validation of a parsed transaction: exact field set and types,
 * name patterns, integer-only numbers. Signature, network and time window
 * are checked by `admitTransaction`, which needs the network's context.
 */
export function decodeTransaction(value: unknown): SignedTransaction {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) malformed('transaction must be a JSON object');
  const tx = value as Record<string, unknown>;
  for (const key of Object.keys(tx)) if (!bodyKeys.has(key)) malformed(`unknown field ${JSON.stringify(key)}`, { field: key });
  if (tx['v'] !== transactionVersion) {
    throw custosError('LEDGER_TX_BAD_VERSION', `transaction version must be ${transactionVersion}`, { v: tx['v'] ?? null });
  }
  const { network, contract, fn, args, signer, nonce, ts, sig } = tx;
  if (typeof network !== 'string' || !namePattern.test(network)) malformed('network must be a short lowercase name');
  if (typeof contract !== 'string' || !namePattern.test(contract)) malformed('contract must be a short lowercase name');
  if (typeof fn !== 'string' || !/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/.test(fn)) malformed('fn must be an identifier');
  if (args === null || typeof args !== 'object' || Array.isArray(args)) malformed('args must be a JSON object');
  if (typeof signer !== 'string' || signer.length === 0 || signer.length > 256) malformed('signer must be a string');
  if (typeof nonce !== 'string' || !noncePattern.test(nonce)) malformed('nonce must be 1-64 base64url characters');
  if (typeof ts !== 'number' || !Number.isSafeInteger(ts) || ts < 0) malformed('ts must be milliseconds since the epoch');
  if (typeof sig !== 'string' || !isBase64url(sig)) malformed('sig must be base64url');
  for (const [name, text] of [['network', network], ['signer', signer]] as const) if (!text.isWellFormed()) malformed(`${name} holds a lone surrogate`);
  assertArgsForm(args as JsonObject, 'args', 1);
  return tx as unknown as SignedTransaction;
}

export function transactionBody(tx: SignedTransaction): TransactionBody {
  const { sig: _sig, ...body } = tx;
  return body;
}

/** The exact bytes a signer signs and the txId hashes: tag || JCS(body). */
export function transactionSigningBytes(body: TransactionBody): Uint8Array {
  return taggedBytes('transaction', canonicalBytes(body));
}

export function computeTxId(suite: CryptoSuite, body: TransactionBody): string {
  return bytesToHex(suite.hash(transactionSigningBytes(body)));
}

export function signTransaction(body: TransactionBody, key: SigningKey): SignedTransaction {
  return { ...body, sig: bytesToBase64url(key.sign(transactionSigningBytes(body))) };
}

/** The canonical text stored in blocks and served by the API. */
export function transactionToCanonical(tx: SignedTransaction): string {
  return canonicalize(tx);
}
