import type { Genesis } from '../ledger/genesis.ts';
import type { TransactionExecutor } from '../ledger/executor.ts';
import { procedureGovernanceHooks } from '../procedures/contract/index.ts';
import type { Contract } from '../runtime/contract.ts';
import { createRuntime } from '../runtime/runtime.ts';
import { systemContracts } from '../runtime/system/system-contracts.ts';

/**
 * The one way a node builds its runtime: the system contracts (identity,
 * governance with the procedure engine's checks), then the given ones, with
 * access checks from the genesis. Solo nodes, consortium nodes and `verify`'s
 * replay must all execute alike, or they disagree on results.
 */
export function createNodeRuntime(genesis: Genesis, contracts: readonly Contract[]): { executor: TransactionExecutor; contracts: Contract[] } {
  const all = [...systemContracts(genesis, { procedures: procedureGovernanceHooks }), ...contracts];
  return { executor: createRuntime(all, { genesis }), contracts: all };
}
