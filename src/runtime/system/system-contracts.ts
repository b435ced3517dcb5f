import type { Genesis } from '../../ledger/genesis.ts';
import type { Contract } from '../contract.ts';
import { createGovernanceContract } from './governance-contract.ts';
import { createIdentityContract } from './identity-contract.ts';

/** The contracts every network runs, whatever its apps: identity and governance. */
export function systemContracts(genesis: Genesis): Contract[] {
  return [createIdentityContract(genesis), createGovernanceContract(genesis)];
}
