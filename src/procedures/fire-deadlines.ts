import { resolvePattern } from './actor-pattern.ts';
import type { CaseResult, DeadlineContext, DeadlineEvent } from './case-context.ts';
import type { CaseDeadline, CaseDocument, MutableCase } from './case-document.ts';
import { appendHistory, cloneCase, enterState, refreshDerived, requireGuard } from './case-state.ts';
import { findStep, type ProcedureDefinition } from './definition.ts';
import { isCustosError } from '../errors/custos-error.ts';
import { checkCaseMatches } from './check-case-matches.ts';

/** The running deadlines that have passed at `blockTime`, earliest first (then in the order they were armed). */
export function dueDeadlines(doc: CaseDocument, blockTime: number): CaseDeadline[] {
  return doc.deadlines
    .map((deadline, index) => ({ deadline, index }))
    .filter(({ deadline }) => deadline.status === 'running' && deadline.dueAt <= blockTime)
    .sort((a, b) => a.deadline.dueAt - b.deadline.dueAt || a.index - b.index)
    .map(({ deadline }) => deadline);
}

/**
 * Fires every deadline of the case that has passed at `blockTime`. Each one
 * takes its automatic step — at block time, with the step's guard — or, when it
 * has none or the step cannot be taken (guard false or failing, calendar out of
 * range for the next state's deadlines), flags the case overdue and escalates
 * to the named role. A case with nothing due comes back unchanged.
 */
export function fireDeadlines(definition: ProcedureDefinition, doc: CaseDocument, context: DeadlineContext): CaseResult {
  try {
    checkCaseMatches(definition, doc);
    const next = cloneCase(doc);
    const events = fireDueDeadlines(definition, next, context);
    return { ok: true, case: events.length === 0 ? doc : next, events };
  } catch (error: unknown) {
    if (isCustosError(error)) return { ok: false, error };
    throw error;
  }
}

/** `fireDeadlines` on a private clone, changed in place; returns what happened. */
export function fireDueDeadlines(definition: ProcedureDefinition, doc: MutableCase, context: DeadlineContext): DeadlineEvent[] {
  const events: DeadlineEvent[] = [];
  // Each pass closes at least one running deadline, so this ends; the bound is a guard against a bug.
  for (let pass = 0; pass <= doc.deadlines.length + 1 && !doc.closed; pass++) {
    const due = dueDeadlines(doc, context.blockTime)[0];
    if (due === undefined) break;
    events.push(fireOne(definition, doc, due, context));
  }
  return events;
}

function fireOne(definition: ProcedureDefinition, doc: MutableCase, due: CaseDeadline, context: DeadlineContext): DeadlineEvent {
  const { blockTime } = context;
  const rule = (definition.deadlines ?? []).find((deadline) => deadline.id === due.id);
  const index = doc.deadlines.indexOf(due);
  const stepId = rule?.onExpiry.step;
  const step = stepId === undefined ? undefined : findStep(definition, stepId);
  let reason: string | undefined;

  if (step !== undefined && step.from.includes(doc.state)) {
    // Try the automatic step on a scratch copy, so a failure leaves no trace but the overdue flag.
    const attempt = cloneCase(doc);
    try {
      requireGuard(step.guard, attempt, { form: {}, subject: context.subject, actor: { memberId: '', org: '', roles: [] }, approvals: [], blockTime }, `step '${step.id}'`);
      attempt.deadlines[index] = { ...due, status: 'fired', closedAt: blockTime };
      const from = attempt.state;
      appendHistory(attempt, { at: blockTime, by: null, kind: 'deadline', deadline: due.id, outcome: 'step', step: step.id, from, to: step.to });
      enterState(definition, attempt, step.to, blockTime, context.calendar);
      Object.assign(doc, attempt);
      return { deadline: due.id, outcome: 'step', step: step.id, from, to: step.to };
    } catch (error: unknown) {
      if (!isCustosError(error)) throw error;
      reason = `${error.code}: ${error.message}`;
    }
  }

  const escalatedTo = rule?.onExpiry.escalate === undefined ? undefined : resolvePattern(rule.onExpiry.escalate, doc.org);
  doc.deadlines[index] = { ...due, status: 'overdue', ...(escalatedTo === undefined ? {} : { escalatedTo }) };
  appendHistory(doc, {
    at: blockTime,
    by: null,
    kind: 'deadline',
    deadline: due.id,
    outcome: 'overdue',
    ...(escalatedTo === undefined ? {} : { escalatedTo }),
    ...(reason === undefined ? {} : { reason }),
  });
  refreshDerived(definition, doc);
  return { deadline: due.id, outcome: 'overdue', ...(escalatedTo === undefined ? {} : { escalatedTo }), ...(reason === undefined ? {} : { reason }) };
}
