import { checkActorScope } from './actor-scope.ts';
import { isCustosError } from '../errors/custos-error.ts';
import { validateAction } from './case-action.ts';
import type { CaseContext, CaseResult } from './case-context.ts';
import type { CaseDocument, MutableCase } from './case-document.ts';
import { cloneCase } from './case-state.ts';
import { checkCaseMatches } from './check-case-matches.ts';
import { commentCase } from './comment-case.ts';
import type { ProcedureDefinition } from './definition.ts';
import { extendDeadline } from './extend-deadline.ts';
import { fireDueDeadlines } from './fire-deadlines.ts';
import { procedureError } from './procedure-error.ts';
import { rejectStep } from './reject-step.ts';
import { takeStep } from './take-step.ts';
import { validateContext } from './validate-context.ts';
import { withdrawCase } from './withdraw-case.ts';

/**
 * Applies one member's action to a case at block time: a pure function of its
 * arguments. Deadlines that have passed at `blockTime` fire first (so a step
 * after the window closed finds the case already moved on); then the action is
 * checked and applied. On success the new case comes back with the deadline
 * events; on rejection a coded CustosError comes back and the caller writes
 * nothing — the caller's case object is never modified either way. Guards never
 * throw past this function; only a bug in the engine itself would.
 *
 * Order of checks: action and context shape (PROC_ACTION_INVALID), definition
 * version (PROC_DEFINITION_MISMATCH), closed case (PROC_CASE_CLOSED), then the
 * action's own checks (see takeStep, rejectStep, withdrawCase, commentCase,
 * extendDeadline).
 */
export function applyAction(definition: ProcedureDefinition, doc: CaseDocument, action: unknown, context: CaseContext): CaseResult {
  try {
    const checked = validateAction(action);
    validateContext(context);
    checkCaseMatches(definition, doc);
    checkActorScope(definition, context.actor, context.subject);
    closedCheck(doc);
    const current: MutableCase = cloneCase(doc);
    const events = fireDueDeadlines(definition, current, context);
    closedCheck(current);
    let next: MutableCase;
    switch (checked.kind) {
      case 'step':
        next = takeStep(definition, current, checked, context);
        break;
      case 'reject':
        next = rejectStep(definition, current, checked, context);
        break;
      case 'withdraw':
        next = withdrawCase(definition, current, checked, context);
        break;
      case 'comment':
        next = commentCase(definition, current, checked, context);
        break;
      case 'extend':
        next = extendDeadline(definition, current, checked, context);
        break;
    }
    return { ok: true, case: next, events };
  } catch (error: unknown) {
    if (isCustosError(error)) return { ok: false, error };
    throw error;
  }
}

function closedCheck(doc: CaseDocument): void {
  if (doc.closed) throw procedureError('PROC_CASE_CLOSED', `case ${doc.id} is closed (state '${doc.state}')`, { caseId: doc.id, state: doc.state });
}
