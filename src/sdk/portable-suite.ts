import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { base64urlToBytes } from '../crypto/bytes.ts';
import type { CryptoSuite } from '../crypto/suite.ts';

/**
 * Hash and verify for the default Ed25519/SHA-256 suite in pure JavaScript
 * (audited @noble libraries), so proofs are checked the same way in a
 * browser as on a server — without trusting the node that served them.
 */
export const portableEd25519Suite: Pick<CryptoSuite, 'id' | 'hash' | 'verify' | 'isPublicKey'> = {
  id: 'ed25519-sha256',
  hash: (data) => sha256(data),
  verify(publicKey, message, signature) {
    if (!publicKey.startsWith('ed25519:') || signature.length !== 64) return false;
    const raw = base64urlToBytes(publicKey.slice('ed25519:'.length));
    if (raw === undefined || raw.length !== 32) return false;
    try {
      // Strict RFC 8032 (no ZIP-215 leniency), as OpenSSL on the nodes: both sides accept the same signatures.
      return ed25519.verify(signature, message, raw, { zip215: false });
    } catch {
      return false;
    }
  },
  isPublicKey(publicKey) {
    const raw = publicKey.startsWith('ed25519:') ? base64urlToBytes(publicKey.slice('ed25519:'.length)) : undefined;
    return raw !== undefined && raw.length === 32;
  },
};
