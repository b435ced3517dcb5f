import { actorMatchesAny } from './actor-pattern.ts';
import type { ExtendAction } from './case-action.ts';
import type { CaseContext } from './case-context.ts';
import type { CaseDocument, MutableCase } from './case-document.ts';
import { actorRecord, appendHistory, cloneCase } from './case-state.ts';
import { extendDeadlineBy } from './deadline-due.ts';
import type { ProcedureDefinition } from './definition.ts';
import { procedureError } from './procedure-error.ts';

/**
 * Extends a running deadline of the current state by the definition's
 * extension (e.g. the procuratorate's 10 + 10 days). Codes:
 * PROC_DEADLINE_UNKNOWN (no such running deadline), PROC_DEADLINE_NOT_EXTENSIBLE
 * (no extension, or all used), PROC_STEP_NOT_ALLOWED (actor not named).
 */
export function extendDeadline(definition: ProcedureDefinition, doc: CaseDocument, action: ExtendAction, context: CaseContext): MutableCase {
  const { actor, blockTime } = context;
  const rule = (definition.deadlines ?? []).find((deadline) => deadline.id === action.deadline);
  const index = doc.deadlines.findIndex((deadline) => deadline.id === action.deadline && deadline.status === 'running');
  const armed = doc.deadlines[index];
  if (rule === undefined || armed === undefined) {
    throw procedureError('PROC_DEADLINE_UNKNOWN', `case has no running deadline '${action.deadline}'`, { deadline: action.deadline });
  }
  const extension = rule.extension;
  if (extension === undefined || armed.extensions >= extension.max) {
    throw procedureError('PROC_DEADLINE_NOT_EXTENSIBLE', `deadline '${rule.id}' ${extension === undefined ? 'cannot be extended' : `was already extended ${armed.extensions} time(s)`}`, {
      deadline: rule.id,
    });
  }
  if (!actorMatchesAny(extension.allowed, actor, doc.org)) {
    throw procedureError('PROC_STEP_NOT_ALLOWED', `member ${actor.memberId} of ${actor.org} may not extend deadline '${rule.id}'`, { deadline: rule.id, memberId: actor.memberId });
  }
  const extended = extendDeadlineBy(armed, extension.by, rule.endsOnWorkingDay === true, context.calendar);
  const next = cloneCase(doc);
  next.deadlines[index] = extended;
  appendHistory(next, { at: blockTime, by: actorRecord(actor), kind: 'extend', deadline: rule.id, lastDay: extended.lastDay, reason: action.reason });
  return next;
}
