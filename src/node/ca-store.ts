import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { custosError } from '../errors/custos-error.ts';
import type { OrgCa } from '../identity/index.ts';
import { keyFileToSigningKey, signingKeyToKeyFile, type KeyFile } from './key-file.ts';

/**
 * Organization CAs whose keys this node holds, under `<data>/ca/<org>.json`
 * (mode 0600). In a real consortium each organization's node holds only its
 * own CA; the single-node demo holds all five.
 */
export function caDir(dataDir: string): string {
  return join(dataDir, 'ca');
}

export function saveOrgCa(dataDir: string, org: string, ca: OrgCa): void {
  mkdirSync(caDir(dataDir), { recursive: true, mode: 0o700 });
  const file: { org: string; certificatePem: string; key: KeyFile } = { org, certificatePem: ca.certificatePem, key: signingKeyToKeyFile('ed25519-sha256', ca.signingKey) };
  writeFileSync(join(caDir(dataDir), `${org}.json`), JSON.stringify(file, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
}

export function loadOrgCa(dataDir: string, org: string): OrgCa {
  const path = join(caDir(dataDir), `${org}.json`);
  if (!existsSync(path)) throw custosError('NODE_DATA_DIR_INVALID', `this node holds no CA for ${org}`, { org });
  const file = JSON.parse(readFileSync(path, 'utf8')) as { certificatePem: string; key: KeyFile };
  return { certificatePem: file.certificatePem, signingKey: keyFileToSigningKey(file.key) };
}

export function heldCaOrgs(dataDir: string): string[] {
  if (!existsSync(caDir(dataDir))) return [];
  return readdirSync(caDir(dataDir)).filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -5)).sort();
}
