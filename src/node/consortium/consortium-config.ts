import type { Genesis } from '../../ledger/genesis.ts';
import { isOrgId, parsePolicy, type Policy } from '../../identity/index.ts';
import { consortiumError } from './consortium-error.ts';

/** One organization of the consortium: its node's checkpoint key and, if it may cut blocks, its orderer key. */
export interface ConsortiumOrganization {
  id: string;
  nodeKey: string;
  ordererKey?: string;
}

/**
 * `genesis.extensions.consortium`, version 1:
 *
 *   { "v": 1,
 *     "organizations": [{ "id": "bureau", "nodeKey": "ed25519:…", "ordererKey": "ed25519:…" }, …],
 *     "finality": "3 OF (node@bureau, node@procuratorate, node@court, node@health)" }
 *
 * `finality` is a policy in the identity layer's language over principals
 * `node@<org>`: a block is final when the organizations whose nodes signed
 * one and the same checkpoint for it satisfy the policy. Every node key must
 * be in `genesis.nodes` and every orderer key in `genesis.orderers`.
 * (Organizations move to a first-class genesis section with identity; this
 * reader is then the only thing to change.)
 */
export interface ConsortiumConfig {
  v: 1;
  organizations: ConsortiumOrganization[];
  finality: string;
}

export interface Consortium {
  config: ConsortiumConfig;
  finality: Policy;
  organizationOfNode(nodeKey: string): ConsortiumOrganization | undefined;
  organization(id: string): ConsortiumOrganization | undefined;
}

function invalid(message: string): never {
  throw consortiumError('CONSORTIUM_CONFIG_INVALID', message);
}

/** The finality policy an n-organization network gets by default: more than two thirds of its organizations. */
export function defaultFinalityPolicy(orgIds: readonly string[]): string {
  const n = Math.floor((2 * orgIds.length) / 3) + 1;
  return `${Math.min(n, orgIds.length)} OF (${orgIds.map((id) => `node@${id}`).join(', ')})`;
}

export function readConsortium(genesis: Genesis): Consortium {
  const raw = genesis.extensions['consortium'];
  if (raw === undefined || raw === null || typeof raw !== 'object' || Array.isArray(raw)) invalid('genesis has no extensions.consortium object');
  const config = raw as unknown as Partial<ConsortiumConfig>;
  if (config.v !== 1) invalid('extensions.consortium.v must be 1');
  if (!Array.isArray(config.organizations) || config.organizations.length === 0) invalid('organizations must list at least one organization');
  const ids = new Set<string>();
  const nodeKeys = new Map<string, ConsortiumOrganization>();
  for (const org of config.organizations) {
    if (typeof org?.id !== 'string' || !isOrgId(org.id)) invalid(`organization id ${JSON.stringify(org?.id)} is not a valid organization id`);
    if (ids.has(org.id)) invalid(`organization ${org.id} is listed twice`);
    ids.add(org.id);
    if (typeof org.nodeKey !== 'string' || !genesis.nodes.includes(org.nodeKey)) invalid(`organization ${org.id}: nodeKey must be one of genesis.nodes`);
    if (nodeKeys.has(org.nodeKey)) invalid(`organization ${org.id}: nodeKey is used twice`);
    nodeKeys.set(org.nodeKey, org);
    if (org.ordererKey !== undefined && (typeof org.ordererKey !== 'string' || !genesis.orderers.includes(org.ordererKey))) {
      invalid(`organization ${org.id}: ordererKey must be one of genesis.orderers`);
    }
  }
  if (typeof config.finality !== 'string') invalid('finality must be a policy text, e.g. "3 OF (node@a, node@b, node@c, node@d)"');
  let finality: Policy;
  try {
    finality = parsePolicy(config.finality);
  } catch (error) {
    throw consortiumError('CONSORTIUM_CONFIG_INVALID', `finality policy: ${error instanceof Error ? error.message : String(error)}`, {}, error);
  }
  const organizations = config.organizations;
  return {
    config: config as ConsortiumConfig,
    finality,
    organizationOfNode: (nodeKey) => nodeKeys.get(nodeKey),
    organization: (id) => organizations.find((org) => org.id === id),
  };
}
