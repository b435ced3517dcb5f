import { actorMatchesAny } from './actor-pattern.ts';
import type { RejectAction } from './case-action.ts';
import type { CaseContext } from './case-context.ts';
import type { CaseDocument, MutableCase } from './case-document.ts';
import { actorRecord, appendHistory, cloneCase, enterState, refreshDerived } from './case-state.ts';
import { findStep, type ProcedureDefinition } from './definition.ts';
import { procedureError } from './procedure-error.ts';

/**
 * Rejects a step: anyone who may take it, in a state it leaves. Its collected
 * approvals are dropped; if the step has `rejectTo` the case moves there (e.g.
 * back to drafting), otherwise it stays where it is with the rejection on record.
 */
export function rejectStep(definition: ProcedureDefinition, doc: CaseDocument, action: RejectAction, context: CaseContext): MutableCase {
  const { actor, blockTime } = context;
  const step = findStep(definition, action.step);
  if (step === undefined) throw procedureError('PROC_STEP_UNKNOWN', `procedure ${definition.id} has no step '${action.step}'`, { step: action.step });
  if (step.automatic === true || !actorMatchesAny(step.allowed ?? [], actor, doc.org)) {
    throw procedureError('PROC_STEP_NOT_ALLOWED', `member ${actor.memberId} of ${actor.org} may not reject step '${step.id}'`, { step: step.id, memberId: actor.memberId });
  }
  if (!step.from.includes(doc.state)) {
    throw procedureError('PROC_STEP_WRONG_STATE', `step '${step.id}' leaves ${step.from.join(', ')}, but the case is in '${doc.state}'`, { step: step.id, state: doc.state });
  }
  const next = cloneCase(doc);
  delete next.pending[step.id];
  const from = next.state;
  appendHistory(next, {
    at: blockTime,
    by: actorRecord(actor),
    kind: 'reject',
    step: step.id,
    from,
    ...(step.rejectTo === undefined ? {} : { to: step.rejectTo }),
    reason: action.reason,
  });
  if (step.rejectTo === undefined) refreshDerived(definition, next);
  else enterState(definition, next, step.rejectTo, blockTime, context.calendar);
  return next;
}
