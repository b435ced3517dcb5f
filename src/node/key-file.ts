import { readFileSync, writeFileSync } from 'node:fs';
import { base64urlToBytes, bytesToBase64url } from '../crypto/bytes.ts';
import type { SigningKey } from '../crypto/suite.ts';
import { getSuite } from '../crypto/suites.ts';
import { custosError } from '../errors/custos-error.ts';

/** On-disk form of a signing key: `{suite, publicKey, pkcs8}` (pkcs8 = base64url DER). */
export interface KeyFile {
  suite: string;
  publicKey: string;
  pkcs8: string;
}

export function signingKeyToKeyFile(suite: string, key: SigningKey): KeyFile {
  return { suite, publicKey: key.publicKey, pkcs8: bytesToBase64url(key.exportPkcs8()) };
}

export function keyFileToSigningKey(file: KeyFile): SigningKey {
  const der = base64urlToBytes(file.pkcs8);
  if (der === undefined) throw custosError('CRYPTO_BAD_KEY', 'key file pkcs8 is not base64url');
  const key = getSuite(file.suite).signingKeyFromPkcs8(der);
  if (key.publicKey !== file.publicKey) throw custosError('CRYPTO_BAD_KEY', 'key file public key does not match its private key');
  return key;
}

/** Refuses to overwrite an existing key unless `replace` says the old one was never used. */
export function writeKeyFile(path: string, file: KeyFile, options: { replace?: boolean } = {}): void {
  writeFileSync(path, JSON.stringify(file, null, 2) + '\n', { mode: 0o600, flag: options.replace === true ? 'w' : 'wx' });
}

export function readKeyFile(path: string): SigningKey {
  let parsed: KeyFile;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
  } catch (error) {
    throw custosError('CRYPTO_BAD_KEY', `cannot read key file ${path}`, { path }, error);
  }
  return keyFileToSigningKey(parsed);
}
