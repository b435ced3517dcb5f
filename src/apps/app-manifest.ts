import type { Contract } from '../runtime/contract.ts';

/**
 * What an application brings to a network, as data: its contracts, the
 * roles it introduces and the access policy for each of its actions
 * (`<contract>.<fn>` → policy text). Genesis is assembled from manifests,
 * so no app's rules are written into engine code.
 */
export interface AppManifest {
  name: string;
  contracts: Contract[];
  roles: { name: string; title: string }[];
  policies: Record<string, string>;
}
