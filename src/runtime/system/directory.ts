import type { JsonObject } from '../../crypto/canonical-json.ts';
import type { Genesis, GenesisOrganization } from '../../ledger/genesis.ts';
import type { StateDocument } from '../../ledger/store/state-store.ts';
import { valueAt } from './scheduled-value.ts';

export const organizationsCollection = 'identity.organizations';
export const membersCollection = 'identity.members';
export const revocationsCollection = 'identity.revocations';
export const policiesCollection = 'governance.policies';
export const proposalsCollection = 'governance.proposals';

/** A member as the ledger knows them after enrollment, keyed by public key. */
export interface MemberRecord extends JsonObject {
  publicKey: string;
  memberId: string;
  org: string;
  roles: string[];
  attributes: Record<string, string>;
  serial: string;
  notBefore: number;
  notAfter: number;
  fingerprint: string;
  certificate: string;
  enrolledAt: number;
  /** Height from which the member's certificate is revoked, or null. */
  revokedFrom: number | null;
}

type Get = (collection: string, id: string) => StateDocument | undefined;

/**
 * Reads of identity and governance data as of a height: genesis values
 * unless governance scheduled others. Shared by the runtime's access checks
 * and the system contracts, so both see the same network.
 */
/** Whether the network enrolls its members: decided by the genesis alone (any organizations in it). */
export function identityEnabledIn(genesis: Genesis): boolean {
  return (genesis.organizations ?? []).length > 0;
}

export function createDirectory(genesis: Genesis, get: Get) {
  const genesisOrgs = new Map((genesis.organizations ?? []).map((org) => [org.id, org]));
  return {
    identityEnabled: identityEnabledIn(genesis),
    organizationAt(id: string, height: number): GenesisOrganization | undefined {
      const doc = get(organizationsCollection, id);
      if (doc === undefined) return genesisOrgs.get(id);
      const value = valueAt(doc.doc, height);
      return value === null || value === undefined ? undefined : (value as unknown as GenesisOrganization);
    },
    policyAt(name: string, height: number): string | undefined {
      const doc = get(policiesCollection, name);
      if (doc === undefined) return genesis.policies?.[name];
      const value = valueAt(doc.doc, height);
      return typeof value === 'string' ? value : undefined;
    },
    member(publicKey: string): MemberRecord | undefined {
      return get(membersCollection, publicKey)?.doc as MemberRecord | undefined;
    },
    isRevoked(org: string, serial: string, height: number): boolean {
      const doc = get(revocationsCollection, `${org}:${serial}`);
      return doc !== undefined && typeof doc.doc['from'] === 'number' && doc.doc['from'] <= height;
    },
    knownRoles: (): Set<string> | undefined => (genesis.roles === undefined ? undefined : new Set(genesis.roles.map((role) => role.name))),
  };
}

export type Directory = ReturnType<typeof createDirectory>;
