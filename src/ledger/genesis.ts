import { bytesToHex } from '../crypto/bytes.ts';
import { canonicalBytes, type JsonObject } from '../crypto/canonical-json.ts';
import { taggedBytes } from '../crypto/domain-tags.ts';
import type { CryptoSuite } from '../crypto/suite.ts';
import { getSuite } from '../crypto/suites.ts';
import { custosError } from '../errors/custos-error.ts';

/**
 * The document a network is born from. Its hash is the `prevHash` of block 1,
 * so every block commits to it. Identity (issue 3) adds organizations and
 * policies under `extensions`; the ledger core reads only what is here.
 */
export interface Genesis {
  v: 1;
  network: string;
  /** Human title of the network. */
  title: string;
  suite: string;
  /** Creation time, ms since the epoch. */
  time: number;
  /** Public keys allowed to sign block headers. */
  orderers: string[];
  /** Public keys of nodes whose checkpoints count. */
  nodes: string[];
  /** Accepted transaction timestamps: block time − maxAgeMs … block time + maxSkewMs. */
  txWindow: { maxAgeMs: number; maxSkewMs: number };
  /**
   * Identity (issue 3). A network with organizations admits only enrolled
   * members whose certificates chain to their organization's CA; without
   * them it is an open network where any key may sign (solo development).
   */
  organizations?: GenesisOrganization[];
  /** Roles the network knows, with a human title; procedures and policies may name only these. */
  roles?: { name: string; title: string }[];
  /**
   * Access policies by action: `<contract>.<fn>` for contract functions,
   * `governance.<action>` for governance actions, `admin.<endpoint>` for node
   * administration. Text in the policy language, or `ANY MEMBER`.
   */
  policies?: Record<string, string>;
  /** Which organizations' matching checkpoints make a block final (policy over `node@Org`). */
  finality?: string;
  extensions: JsonObject;
}

export interface GenesisOrganization {
  id: string;
  /** Display names, e.g. `{ zh: '江苏省监狱管理局', en: 'Jiangsu Prison Administration Bureau' }`. */
  name: { zh: string; en: string };
  /** PEM of the organization's root CA certificate. */
  caCertificate: string;
  /** Units (e.g. the bureau's 21 prisons), optional. */
  units?: { id: string; name: { zh: string; en: string } }[];
}

export function genesisHash(suite: CryptoSuite, genesis: Genesis): string {
  return bytesToHex(suite.hash(taggedBytes('genesis', canonicalBytes(genesis))));
}

function invalid(message: string): never {
  throw custosError('LEDGER_GENESIS_INVALID', message);
}

export function decodeGenesis(value: unknown): Genesis {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) invalid('genesis must be a JSON object');
  const g = value as Partial<Genesis>;
  if (g.v !== 1) invalid('genesis version must be 1');
  if (typeof g.network !== 'string' || !/^[a-z][a-z0-9_.-]{0,63}$/.test(g.network)) invalid('network must be a short lowercase name');
  if (typeof g.title !== 'string') invalid('title must be a string');
  if (typeof g.suite !== 'string') invalid('suite must be a string');
  const suite = getSuite(g.suite);
  if (typeof g.time !== 'number' || !Number.isSafeInteger(g.time)) invalid('time must be ms since the epoch');
  for (const field of ['orderers', 'nodes'] as const) {
    const keys = g[field];
    if (!Array.isArray(keys) || keys.length === 0) invalid(`${field} must list at least one public key`);
    for (const key of keys) if (typeof key !== 'string' || !suite.isPublicKey(key)) invalid(`${field} holds a key that is not a ${suite.id} public key`);
  }
  const window = g.txWindow;
  if (!window || !Number.isSafeInteger(window.maxAgeMs) || !Number.isSafeInteger(window.maxSkewMs) || window.maxAgeMs <= 0 || window.maxSkewMs < 0) {
    invalid('txWindow needs positive integer maxAgeMs and maxSkewMs');
  }
  if (g.extensions === null || typeof g.extensions !== 'object' || Array.isArray(g.extensions)) invalid('extensions must be an object');
  if (g.organizations !== undefined) {
    if (!Array.isArray(g.organizations)) invalid('organizations must be a list');
    const ids = new Set<string>();
    for (const org of g.organizations) {
      if (typeof org?.id !== 'string' || ids.has(org.id)) invalid('each organization needs a unique id');
      ids.add(org.id);
      if (typeof org.caCertificate !== 'string' || !org.caCertificate.includes('BEGIN CERTIFICATE')) invalid(`organization ${org.id} needs a PEM caCertificate`);
      if (typeof org.name?.zh !== 'string' || typeof org.name?.en !== 'string') invalid(`organization ${org.id} needs name.zh and name.en`);
    }
  }
  if (g.policies !== undefined && (g.policies === null || typeof g.policies !== 'object' || Object.values(g.policies).some((p) => typeof p !== 'string'))) {
    invalid('policies must map action names to policy text');
  }
  if (g.roles !== undefined && (!Array.isArray(g.roles) || g.roles.some((r) => typeof r?.name !== 'string' || typeof r.title !== 'string'))) invalid('roles must be a list of {name, title}');
  if (g.finality !== undefined && typeof g.finality !== 'string') invalid('finality must be policy text');
  return g as Genesis;
}

export const defaultTxWindow = { maxAgeMs: 10 * 60_000, maxSkewMs: 60_000 };
