import { actorMatchesAny } from './actor-pattern.ts';
import type { WithdrawAction } from './case-action.ts';
import type { CaseContext } from './case-context.ts';
import type { CaseDocument, MutableCase } from './case-document.ts';
import { actorRecord, appendHistory, cloneCase, enterState } from './case-state.ts';
import type { ProcedureDefinition } from './definition.ts';
import { procedureError } from './procedure-error.ts';

/**
 * Withdraws the case into the definition's withdrawal state (final). Codes:
 * PROC_STEP_UNKNOWN when the procedure has no withdrawal, PROC_STEP_NOT_ALLOWED
 * for an actor it does not name, PROC_STEP_WRONG_STATE outside its `from` states.
 */
export function withdrawCase(definition: ProcedureDefinition, doc: CaseDocument, action: WithdrawAction, context: CaseContext): MutableCase {
  const { actor, blockTime } = context;
  const rule = definition.withdraw;
  if (rule === undefined) throw procedureError('PROC_STEP_UNKNOWN', `procedure ${definition.id} has no withdrawal`);
  if (!actorMatchesAny(rule.allowed, actor, doc.org)) {
    throw procedureError('PROC_STEP_NOT_ALLOWED', `member ${actor.memberId} of ${actor.org} may not withdraw the case`, { memberId: actor.memberId });
  }
  if (rule.from !== undefined && !rule.from.includes(doc.state)) {
    throw procedureError('PROC_STEP_WRONG_STATE', `a case in '${doc.state}' cannot be withdrawn (only from ${rule.from.join(', ')})`, { state: doc.state });
  }
  const next = cloneCase(doc);
  appendHistory(next, { at: blockTime, by: actorRecord(actor), kind: 'withdraw', from: next.state, to: rule.to, reason: action.reason });
  enterState(definition, next, rule.to, blockTime, context.calendar);
  return next;
}
