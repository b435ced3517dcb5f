import type { CaseContext } from './case-context.ts';
import { procedureError } from './procedure-error.ts';

/**
 * The context comes from the contract, but its actor and time come from a
 * transaction and a block: check them rather than trust them
 * (PROC_ACTION_INVALID).
 */
export function validateContext(context: CaseContext): void {
  const { actor, blockTime } = context;
  if (!Number.isSafeInteger(blockTime) || blockTime < 0) throw procedureError('PROC_ACTION_INVALID', `block time ${String(blockTime)} is not a non-negative integer of milliseconds`);
  const ok =
    typeof actor === 'object' &&
    actor !== null &&
    typeof actor.memberId === 'string' &&
    actor.memberId.length > 0 &&
    typeof actor.org === 'string' &&
    actor.org.length > 0 &&
    Array.isArray(actor.roles) &&
    actor.roles.every((role) => typeof role === 'string');
  if (!ok) throw procedureError('PROC_ACTION_INVALID', 'actor must be {memberId, org, roles} with non-empty strings');
}
