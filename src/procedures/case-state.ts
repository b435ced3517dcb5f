import { resolvePattern, type Actor } from './actor-pattern.ts';
import type { ActorRecord, CaseDocument, HistoryEntry, JsonObject, MutableCase } from './case-document.ts';
import { chinaDayOf, dayToIsoDate } from './civil-date.ts';
import { armDeadline } from './deadline-due.ts';
import { isFinalState, type ProcedureDefinition } from './definition.ts';
import { evaluateGuard } from './guard.ts';
import { procedureError } from './procedure-error.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

/** A private deep copy to change; the caller's case is never touched. */
export function cloneCase(doc: CaseDocument): MutableCase {
  return structuredClone(doc) as MutableCase;
}

/** The actor as the case records it (a copy, so later changes to the caller's object do not leak in). */
export function actorRecord(actor: Actor): ActorRecord {
  return { memberId: actor.memberId, org: actor.org, roles: [...actor.roles] };
}

/** Appends to the case history with the next sequence number. */
export function appendHistory(doc: MutableCase, entry: Omit<HistoryEntry, 'seq'>): void {
  doc.history.push({ seq: doc.history.length + 1, ...entry });
  doc.updatedAt = entry.at;
}

/**
 * Moves the case into `to` at block time `at`: the deadlines of the state it
 * leaves close (`running` → `met`, `overdue` → `late`), pending approvals are
 * dropped, a final state closes the case, and the new state's deadlines are
 * armed. Throws PROC_CALENDAR_OUT_OF_RANGE when a deadline runs past the calendar.
 */
export function enterState(definition: ProcedureDefinition, doc: MutableCase, to: string, at: number, calendar: WorkingDayCalendar): void {
  doc.deadlines = doc.deadlines.map((deadline) => {
    if (deadline.status === 'running') return { ...deadline, status: 'met', closedAt: at };
    if (deadline.status === 'overdue') return { ...deadline, status: 'late', closedAt: at };
    return deadline;
  });
  doc.pending = {};
  doc.state = to;
  doc.closed = isFinalState(definition, to);
  if (!doc.closed) {
    for (const deadline of definition.deadlines ?? []) {
      if (deadline.state === to) doc.deadlines.push(armDeadline(deadline, at, calendar));
    }
  }
  doc.updatedAt = at;
  refreshDerived(definition, doc);
}

/** Recomputes `awaiting` and `overdue` from the state, the definition and the deadlines. */
export function refreshDerived(definition: ProcedureDefinition, doc: MutableCase): void {
  doc.overdue = !doc.closed && doc.deadlines.some((deadline) => deadline.status === 'overdue');
  if (doc.closed) {
    doc.awaiting = [];
    return;
  }
  const awaiting = new Set<string>();
  for (const step of definition.steps) {
    if (step.automatic === true || !step.from.includes(doc.state)) continue;
    for (const pattern of step.allowed ?? []) awaiting.add(resolvePattern(pattern, doc.org));
  }
  for (const deadline of doc.deadlines) {
    if (deadline.status === 'overdue' && deadline.escalatedTo !== undefined) awaiting.add(deadline.escalatedTo);
  }
  doc.awaiting = [...awaiting].sort();
}

/** The inputs of one guard evaluation. */
export interface GuardInputs {
  readonly form: JsonObject;
  readonly subject: JsonObject | undefined;
  readonly actor: ActorRecord;
  readonly approvals: readonly { memberId: string; org: string }[];
  readonly blockTime: number;
}

/**
 * Evaluates a guard over the case; throws PROC_GUARD_ERROR when it cannot be
 * evaluated and PROC_GUARD_FALSE when it is false. No guard passes.
 */
export function requireGuard(expression: string | undefined, doc: CaseDocument, inputs: GuardInputs, where: string): void {
  if (expression === undefined) return;
  const outcome = evaluateGuard(expression, {
    case: {
      id: doc.id,
      state: doc.state,
      org: doc.org,
      subject: doc.subject,
      data: doc.data,
      evidence: doc.evidence.map((item) => ({ type: item.type, hash: item.hash, step: item.step })),
      openedAt: doc.openedAt,
    },
    form: inputs.form,
    subject: inputs.subject ?? {},
    actor: inputs.actor,
    approvals: inputs.approvals,
    now: inputs.blockTime,
    today: dayToIsoDate(chinaDayOf(inputs.blockTime)),
  });
  if (!outcome.ok) throw procedureError('PROC_GUARD_ERROR', `guard of ${where} failed to evaluate: ${outcome.reason}`, { where, guard: expression, reason: outcome.reason });
  if (!outcome.value) throw procedureError('PROC_GUARD_FALSE', `guard of ${where} is false: ${expression}`, { where, guard: expression });
}
