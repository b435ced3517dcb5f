import { hash as oneShotHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { custosError } from '../errors/custos-error.ts';
import { base64urlToBytes, bytesToBase64url, concatBytes } from './bytes.ts';
import { digestInto } from './digest-into.ts';
import { createKeyCache } from './key-cache.ts';
import type { CryptoSuite, SigningKey } from './suite.ts';

const keyPrefix = 'sm2';

// SubjectPublicKeyInfo DER prefix for an uncompressed SM2 point (id-ecPublicKey,
// curve sm2p256v1 1.2.156.10197.1.301); the 65-byte point follows it.
const sm2SpkiPrefix = new Uint8Array([
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf,
  0x55, 0x01, 0x82, 0x2d, 0x03, 0x42, 0x00,
]);

function publicKeyToString(key: KeyObject): string {
  const spki = new Uint8Array(key.export({ format: 'der', type: 'spki' }));
  return `${keyPrefix}:${bytesToBase64url(spki.subarray(sm2SpkiPrefix.length))}`;
}

function parsePublicKey(publicKey: string): KeyObject | undefined {
  if (!publicKey.startsWith(`${keyPrefix}:`)) return undefined;
  const point = base64urlToBytes(publicKey.slice(keyPrefix.length + 1));
  if (point === undefined || point.length !== 65 || point[0] !== 0x04) return undefined;
  try {
    return createPublicKey({ key: Buffer.from(concatBytes(sm2SpkiPrefix, point)), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

function signingKeyFromKeyObject(privateKey: KeyObject): SigningKey {
  // Node reports no key type for SM2 keys read from PKCS#8; the curve OID in the public key's SPKI tells.
  const spki = new Uint8Array(createPublicKey(privateKey).export({ format: 'der', type: 'spki' }));
  if (spki.length !== sm2SpkiPrefix.length + 65 || !sm2SpkiPrefix.every((byte, i) => spki[i] === byte)) {
    throw custosError('CRYPTO_BAD_KEY', 'not an SM2 private key');
  }
  const publicKey = publicKeyToString(createPublicKey(privateKey));
  return {
    publicKey,
    sign: (message) => new Uint8Array(sign('sm3', message, privateKey)),
    exportPkcs8: () => new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })),
  };
}

const cachedKey = createKeyCache(parsePublicKey);

/**
 * The national suite: SM2 signatures (DER-encoded, over SM3) and SM3 hashing,
 * through this Node's OpenSSL. OpenSSL's default SM2 distinguishing ID is used;
 * interoperating with signers that set another ID is future work (see FORMATS.md).
 */
export const sm2Suite: CryptoSuite = {
  id: 'sm2-sm3',
  keyPrefix,
  hash: (data) => oneShotHash('sm3', data, 'buffer'),
  hashInto: (data, out, offset) => digestInto('sm3', data, out, offset),
  // A key fresh from generateKeyPairSync('ec') signs as ECDSA-with-SM3; the
  // same key reloaded from PKCS#8 is an SM2 key and signs real SM2. Reload it.
  generateSigningKey: () =>
    signingKeyFromKeyObject(
      createPrivateKey({ key: generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey.export({ format: 'der', type: 'pkcs8' }), format: 'der', type: 'pkcs8' }),
    ),
  signingKeyFromPkcs8(der) {
    try {
      return signingKeyFromKeyObject(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }));
    } catch (error) {
      throw custosError('CRYPTO_BAD_KEY', 'cannot read SM2 private key', {}, error);
    }
  },
  verify(publicKey, message, signature) {
    const key = cachedKey(publicKey);
    if (key === undefined || signature.length < 8 || signature.length > 72) return false;
    try {
      return verify('sm3', message, key, signature);
    } catch {
      return false;
    }
  },
  isPublicKey: (publicKey) => cachedKey(publicKey) !== undefined,
};
