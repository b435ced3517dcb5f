/**
 * A crypto suite bundles the hash and signature algorithms a network uses.
 * The ledger only ever talks to this interface, so the national SM2/SM3 suite
 * and the default Ed25519/SHA-256 suite are interchangeable per network.
 *
 * Public keys travel as strings `<suite-key-prefix>:<base64url>`, so a key
 * names its own algorithm and a key of one suite is never verified with
 * another's algorithm.
 */
export type SuiteId = 'ed25519-sha256' | 'sm2-sm3';

export type HashFn = (data: Uint8Array) => Uint8Array;

/** Length in bytes of every suite's digest (SHA-256 and SM3 alike). */
export const digestLength = 32;

/** Writes the digest of `data` at `out[offset, offset + 32)`, allocating no ArrayBuffer (hot paths: see digest-into.ts). */
export type HashIntoFn = (data: Uint8Array, out: Uint8Array, offset: number) => void;

export interface SigningKey {
  /** Encoded public key, e.g. `ed25519:…`. */
  readonly publicKey: string;
  sign(message: Uint8Array): Uint8Array;
  /** PKCS#8 DER of the private key, for key files. */
  exportPkcs8(): Uint8Array;
}

export interface CryptoSuite {
  readonly id: SuiteId;
  /** Prefix of this suite's encoded public keys, e.g. `ed25519`. */
  readonly keyPrefix: string;
  /** 32-byte digest (SHA-256 or SM3). */
  readonly hash: HashFn;
  /** The same digest as `hash`, written into the caller's memory. */
  readonly hashInto: HashIntoFn;
  generateSigningKey(): SigningKey;
  signingKeyFromPkcs8(der: Uint8Array): SigningKey;
  /** False for a bad signature *and* for a malformed key or signature: never throws. */
  verify(publicKey: string, message: Uint8Array, signature: Uint8Array): boolean;
  /** True when `publicKey` is a well-formed key of this suite. */
  isPublicKey(publicKey: string): boolean;
}
