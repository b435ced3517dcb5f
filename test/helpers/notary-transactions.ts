// Signed notary transactions built from seeded randomness, so that a seed
// replays the same keys, hashes and nonces.
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import type { SigningKey } from '../../src/crypto/suite.ts';
import type { JsonObject } from '../../src/crypto/canonical-json.ts';
import { bytesToBase64url } from '../../src/crypto/bytes.ts';
import { signTransaction, type SignedTransaction } from '../../src/ledger/transaction.ts';
import type { SeededRandom } from './seeded-random.ts';

/** PKCS#8 DER prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows. */
const ed25519Pkcs8Prefix = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 key whose private seed comes from `random`. */
export function seededSigningKey(random: SeededRandom): SigningKey {
  return ed25519Suite.signingKeyFromPkcs8(new Uint8Array(Buffer.concat([ed25519Pkcs8Prefix, Buffer.from(random.bytes(32))])));
}

export interface CallRequest {
  network: string;
  signer: SigningKey;
  contract?: string;
  fn?: string;
  args: JsonObject;
  ts: number;
  random: SeededRandom;
}

/** A signed transaction with a seeded nonce. */
export function signedCall(request: CallRequest): SignedTransaction {
  return signTransaction(
    {
      v: 1,
      network: request.network,
      contract: request.contract ?? 'notary',
      fn: request.fn ?? 'anchor',
      args: request.args,
      signer: request.signer.publicKey,
      nonce: bytesToBase64url(request.random.bytes(12)),
      ts: request.ts,
    },
    request.signer,
  );
}

const documentTypes = ['court.ruling', 'prison.public-notice', 'procuratorate.opinion', 'relief.receipt', 'test.doc'];

/** Args of a valid notary anchor of a fresh random hash. */
export function anchorArgs(random: SeededRandom, title?: string): { hash: string; title: string; type: string } {
  const hash = random.hex(32);
  return { hash, title: title ?? `document ${hash.slice(0, 8)}`, type: random.pick(documentTypes) };
}
