import { hash as oneShotHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { custosError } from '../errors/custos-error.ts';
import { base64urlToBytes } from './bytes.ts';
import { digestInto } from './digest-into.ts';
import { createKeyCache } from './key-cache.ts';
import type { CryptoSuite, SigningKey } from './suite.ts';

const keyPrefix = 'ed25519';

function publicKeyToString(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  return `${keyPrefix}:${jwk.x}`;
}

function parsePublicKey(publicKey: string): KeyObject | undefined {
  if (!publicKey.startsWith(`${keyPrefix}:`)) return undefined;
  const x = publicKey.slice(keyPrefix.length + 1);
  const raw = base64urlToBytes(x);
  if (raw === undefined || raw.length !== 32) return undefined;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  } catch {
    return undefined;
  }
}

function signingKeyFromKeyObject(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw custosError('CRYPTO_BAD_KEY', 'not an Ed25519 private key');
  const publicKey = publicKeyToString(createPublicKey(privateKey));
  return {
    publicKey,
    sign: (message) => new Uint8Array(sign(null, message, privateKey)),
    exportPkcs8: () => new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' })),
  };
}

const cachedKey = createKeyCache(parsePublicKey);

/** The default suite: Ed25519 (RFC 8032, pure) signatures and SHA-256. */
export const ed25519Suite: CryptoSuite = {
  id: 'ed25519-sha256',
  keyPrefix,
  // PERF: the one-shot hash skips creating a Hash object per call.
  hash: (data) => oneShotHash('sha256', data, 'buffer'),
  hashInto: (data, out, offset) => digestInto('sha256', data, out, offset),
  generateSigningKey: () => signingKeyFromKeyObject(generateKeyPairSync('ed25519').privateKey),
  signingKeyFromPkcs8(der) {
    try {
      return signingKeyFromKeyObject(createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' }));
    } catch (error) {
      throw custosError('CRYPTO_BAD_KEY', 'cannot read Ed25519 private key', {}, error);
    }
  },
  verify(publicKey, message, signature) {
    const key = cachedKey(publicKey);
    if (key === undefined || signature.length !== 64) return false;
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  },
  isPublicKey: (publicKey) => cachedKey(publicKey) !== undefined,
};
