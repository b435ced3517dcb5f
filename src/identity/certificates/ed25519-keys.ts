import { createHash } from 'node:crypto';
import { base64urlToBytes, bytesToBase64url, bytesToHex, concatBytes, equalBytes, hexToBytes } from '../../crypto/bytes.ts';
import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import type { SigningKey } from '../../crypto/suite.ts';
import { custosError } from '../../errors/custos-error.ts';
import { webCrypto } from './x509.ts';

// SubjectPublicKeyInfo of an Ed25519 key is this fixed 12-byte header and
// the 32 raw key bytes (RFC 8410 §4).
const ed25519SpkiPrefix = hexToBytes('302a300506032b6570032100')!;
/** DER AlgorithmIdentifier of Ed25519 (RFC 8410 §3: no parameters). */
export const ed25519AlgorithmDer = hexToBytes('300506032b6570')!;
export const ed25519Algorithm = { name: 'Ed25519' } as const;

/** `ed25519:<base64url>` → raw 32 bytes. @throws CRYPTO_BAD_KEY */
export function publicKeyToRaw(publicKey: string): Uint8Array {
  if (!ed25519Suite.isPublicKey(publicKey)) throw custosError('CRYPTO_BAD_KEY', 'not an Ed25519 public key (ed25519:…)', { publicKey });
  return base64urlToBytes(publicKey.slice(ed25519Suite.keyPrefix.length + 1))!;
}

export function publicKeyToSpki(publicKey: string): Uint8Array {
  return concatBytes(ed25519SpkiPrefix, publicKeyToRaw(publicKey));
}

/** The `ed25519:…` string of an SPKI, or undefined when it is not an Ed25519 key. */
export function spkiToPublicKey(spki: Uint8Array): string | undefined {
  if (spki.length !== ed25519SpkiPrefix.length + 32 || !equalBytes(spki.subarray(0, ed25519SpkiPrefix.length), ed25519SpkiPrefix)) return undefined;
  return `${ed25519Suite.keyPrefix}:${bytesToBase64url(spki.subarray(ed25519SpkiPrefix.length))}`;
}

/**
 * Key identifier for subject/authority key identifier extensions: the
 * leftmost 160 bits of SHA-256 over the raw public key (RFC 7093 §2,
 * method 1), lower-case hex.
 */
export function keyIdOf(publicKey: string): string {
  return bytesToHex(createHash('sha256').update(publicKeyToRaw(publicKey)).digest().subarray(0, 20));
}

/** A crypto-suite signing key as a WebCrypto key the certificate library can sign with. */
export async function signingKeyToCryptoKey(signingKey: SigningKey): Promise<CryptoKey> {
  if (!signingKey.publicKey.startsWith(`${ed25519Suite.keyPrefix}:`)) {
    throw custosError('CRYPTO_BAD_KEY', 'certificates are signed with Ed25519 keys only', { publicKey: signingKey.publicKey });
  }
  // Copied into a fresh ArrayBuffer-backed array, the only kind WebCrypto's types accept.
  return webCrypto.subtle.importKey('pkcs8', new Uint8Array(signingKey.exportPkcs8()), ed25519Algorithm, false, ['sign']);
}
