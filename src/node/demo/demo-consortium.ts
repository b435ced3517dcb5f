import type { AppManifest } from '../../apps/app-manifest.ts';
import { createOrgCa } from '../../identity/index.ts';
import type { Genesis } from '../../ledger/genesis.ts';
import { saveOrgCa } from '../ca-store.ts';
import { corePolicies, coreRoles, demoOrganizations } from './demo-organizations.ts';

const year = 365 * 24 * 3600_000;

export type IdentityGenesis = Required<Pick<Genesis, 'organizations' | 'roles' | 'policies'>>;

/**
 * Creates the demo consortium's CAs (saved under `<data>/ca/`) and returns
 * the identity part of its genesis: organizations with their CA
 * certificates, roles and policies from the core and from each app.
 */
export async function createDemoConsortium(dataDir: string, now: number, apps: readonly AppManifest[]): Promise<IdentityGenesis> {
  const organizations: IdentityGenesis['organizations'] = [];
  for (const org of demoOrganizations) {
    const ca = await createOrgCa({ org: org.id, name: `${org.id} Root CA`, notBefore: new Date(now - 24 * 3600_000), notAfter: new Date(now + 10 * year) });
    saveOrgCa(dataDir, org.id, ca);
    organizations.push({
      id: org.id,
      name: { ...org.name },
      caCertificate: ca.certificatePem,
      ...('units' in org ? { units: org.units.map((unit) => ({ id: unit.id, name: { ...unit.name } })) } : {}),
    });
  }
  const roles = [...coreRoles, ...apps.flatMap((app) => app.roles)];
  const policies = Object.assign({}, corePolicies, ...apps.map((app) => app.policies)) as Record<string, string>;
  return { organizations, roles, policies };
}
