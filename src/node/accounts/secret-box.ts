import { createCipheriv, createDecipheriv, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { base64urlToBytes, bytesToBase64url } from '../../crypto/bytes.ts';

/**
 * scrypt parameters (RFC 7914): N=2^15, r=8, p=1 — about 50 ms and 32 MiB per
 * derivation here, which makes offline guessing of a stolen accounts file slow
 * while keeping sign-in quick. Stored with each hash so they can be raised.
 */
export const scryptParams = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;

function derive(secret: string, salt: Uint8Array, params: { N: number; r: number; p: number }): Buffer {
  return scryptSync(secret.normalize('NFKC'), salt, 32, { ...params, maxmem: scryptParams.maxmem });
}

/** `scrypt$N$r$p$salt$hash` */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const { N, r, p } = scryptParams;
  return `scrypt$${N}$${r}$${p}$${bytesToBase64url(salt)}$${bytesToBase64url(derive(password, salt, scryptParams))}`;
}

export function checkPassword(password: string, stored: string): boolean {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = base64urlToBytes(hash);
  const saltBytes = base64urlToBytes(salt);
  if (expected === undefined || saltBytes === undefined) return false;
  const actual = derive(password, saltBytes, { N: Number(N), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * Seals bytes under a key derived from a secret (a password or an API
 * token): `v1$salt$iv$ciphertext$tag`, AES-256-GCM. The node can open a
 * member's private key only while it holds the secret, i.e. while the
 * member is signed in.
 */
export function seal(secret: string, plaintext: Uint8Array): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', derive(secret, salt, scryptParams), iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return ['v1', salt, iv, ciphertext, cipher.getAuthTag()].map((part) => (typeof part === 'string' ? part : bytesToBase64url(part))).join('$');
}

/** Undefined when the secret is wrong or the box was tampered with. */
export function open(secret: string, box: string): Uint8Array | undefined {
  const [version, ...parts] = box.split('$');
  const [salt, iv, ciphertext, tag] = parts.map(base64urlToBytes);
  if (version !== 'v1' || salt === undefined || iv === undefined || ciphertext === undefined || tag === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', derive(secret, salt, scryptParams), iv);
    decipher.setAuthTag(tag);
    return new Uint8Array(Buffer.concat([decipher.update(ciphertext), decipher.final()]));
  } catch {
    return undefined;
  }
}
