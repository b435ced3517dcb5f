import { checkActorScope } from './actor-scope.ts';
import { isCustosError } from '../errors/custos-error.ts';
import { actorMatchesAny } from './actor-pattern.ts';
import type { CaseContext, CaseResult } from './case-context.ts';
import type { CaseDocument, MutableCase } from './case-document.ts';
import { actorRecord, appendHistory, enterState, requireGuard } from './case-state.ts';
import type { ProcedureDefinition } from './definition.ts';
import { procedureError } from './procedure-error.ts';
import { validateContext } from './validate-context.ts';

/** What opening a case takes besides the context: its id (from the contract, e.g. the txId) and subject. */
export interface OpenCaseInput {
  readonly caseId: string;
  readonly subject: { readonly type: string; readonly id: string };
}

const caseIdPattern = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/**
 * Opens a case of a (registered, checked) definition. The opener must match
 * `open.allowed` — `$case` there matches any organization, which becomes the
 * case's organization — and `open.guard` must hold. The case records the
 * definition id and version and stays on them. Codes: PROC_CASE_INVALID,
 * PROC_STEP_NOT_ALLOWED, PROC_GUARD_FALSE, PROC_GUARD_ERROR,
 * PROC_CALENDAR_OUT_OF_RANGE.
 */
export function openCase(definition: ProcedureDefinition, input: OpenCaseInput, context: CaseContext): CaseResult {
  try {
    validateContext(context);
    checkActorScope(definition, context.actor, context.subject);
    return { ok: true, case: buildCase(definition, input, context), events: [] };
  } catch (error: unknown) {
    if (isCustosError(error)) return { ok: false, error };
    throw error;
  }
}

function buildCase(definition: ProcedureDefinition, input: OpenCaseInput, context: CaseContext): CaseDocument {
  const { actor, blockTime } = context;
  if (typeof input.caseId !== 'string' || !caseIdPattern.test(input.caseId)) {
    throw procedureError('PROC_CASE_INVALID', `case id ${JSON.stringify(input.caseId)} is not 1–128 letters, digits and . _ : -`);
  }
  const subject: unknown = input.subject;
  if (typeof subject !== 'object' || subject === null || input.subject.type !== definition.subjectType || typeof input.subject.id !== 'string' || input.subject.id.length === 0) {
    throw procedureError('PROC_CASE_INVALID', `procedure ${definition.id} takes a ${definition.subjectType} subject with an id, not ${JSON.stringify(input.subject)}`);
  }
  if (!actorMatchesAny(definition.open.allowed, actor, actor.org)) {
    throw procedureError('PROC_STEP_NOT_ALLOWED', `member ${actor.memberId} of ${actor.org} holds none of ${definition.open.allowed.join(', ')} needed to open ${definition.id}`, {
      memberId: actor.memberId,
    });
  }
  const doc: MutableCase = {
    v: 1,
    id: input.caseId,
    procedure: { id: definition.id, version: definition.version },
    subject: { type: input.subject.type, id: input.subject.id },
    org: actor.org,
    state: definition.initial,
    closed: false,
    openedAt: blockTime,
    updatedAt: blockTime,
    awaiting: [],
    overdue: false,
    data: {},
    evidence: [],
    pending: {},
    deadlines: [],
    history: [],
  };
  requireGuard(definition.open.guard, doc, { form: {}, subject: context.subject, actor: actorRecord(actor), approvals: [], blockTime }, 'open');
  appendHistory(doc, { at: blockTime, by: actorRecord(actor), kind: 'open', to: definition.initial });
  enterState(definition, doc, definition.initial, blockTime, context.calendar);
  return doc;
}
