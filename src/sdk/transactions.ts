import { bytesToBase64url } from '../crypto/bytes.ts';
import type { JsonObject } from '../crypto/canonical-json.ts';
import { transactionSigningBytes, type SignedTransaction, type TransactionBody } from '../ledger/transaction.ts';

/** Signs bytes anywhere: a key file, a browser's WebCrypto key, a hardware token. */
export type Signer = (message: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export interface TransactionRequest {
  network: string;
  contract: string;
  fn: string;
  args: JsonObject;
  /** Public key of the signer, e.g. `ed25519:…`. */
  signer: string;
  /** Defaults to 16 random bytes, base64url. */
  nonce?: string;
  /** Defaults to now. */
  ts?: number;
}

export function randomNonce(): string {
  return bytesToBase64url(globalThis.crypto.getRandomValues(new Uint8Array(16)));
}

export function createTransaction(request: TransactionRequest): TransactionBody {
  return {
    v: 1,
    network: request.network,
    contract: request.contract,
    fn: request.fn,
    args: request.args,
    signer: request.signer,
    nonce: request.nonce ?? randomNonce(),
    ts: request.ts ?? Date.now(),
  };
}

export async function signTransactionWith(body: TransactionBody, signer: Signer): Promise<SignedTransaction> {
  const sig = await signer(transactionSigningBytes(body));
  return { ...body, sig: bytesToBase64url(sig) };
}

/**
 * A Signer from a WebCrypto Ed25519 private key (browsers; Node 20's
 * globalThis.crypto.subtle too): the key never leaves the client.
 */
export function webCryptoSigner(privateKey: CryptoKey): Signer {
  return async (message) => new Uint8Array(await globalThis.crypto.subtle.sign('Ed25519', privateKey, message as BufferSource));
}
