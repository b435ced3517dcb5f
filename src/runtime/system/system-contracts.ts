import type { Genesis } from '../../ledger/genesis.ts';
import type { Contract } from '../contract.ts';
import { createGovernanceContract, type GovernanceOptions } from './governance-contract.ts';
import { createIdentityContract } from './identity-contract.ts';

/**
 * The contracts every network runs, whatever its apps: identity and
 * governance. `governance` carries the hooks the node injects (the procedure
 * engine's checks); every node of a network must pass the same ones.
 */
export function systemContracts(genesis: Genesis, governance: GovernanceOptions = {}): Contract[] {
  return [createIdentityContract(genesis), createGovernanceContract(genesis, governance)];
}
