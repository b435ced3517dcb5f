import { actorMatchesAny } from './actor-pattern.ts';
import { approvalsSatisfied, missingEvidence } from './approvals.ts';
import type { StepAction } from './case-action.ts';
import type { CaseContext } from './case-context.ts';
import type { ApprovalRecord, CaseDocument, MutableCase } from './case-document.ts';
import { actorRecord, appendHistory, cloneCase, enterState, refreshDerived, requireGuard } from './case-state.ts';
import { findStep, type ProcedureDefinition } from './definition.ts';
import { checkEvidence } from './evidence.ts';
import { validateForm } from './form-schema.ts';
import { procedureError } from './procedure-error.ts';

/**
 * Takes (or approves) a step. Checks, in this order, each with its code:
 * the step exists (PROC_STEP_UNKNOWN) and is not automatic, the actor holds an
 * allowed role at an allowed organization (PROC_STEP_NOT_ALLOWED), the case is
 * in a state the step leaves (PROC_STEP_WRONG_STATE), the member has not
 * approved it already (PROC_APPROVAL_DUPLICATE), the form (PROC_FORM_INVALID),
 * the evidence given (PROC_EVIDENCE_INVALID, PROC_EVIDENCE_NOT_ANCHORED), and —
 * if this action completes the step — the evidence required across all its
 * approvals (PROC_EVIDENCE_MISSING); then the guard (PROC_GUARD_ERROR,
 * PROC_GUARD_FALSE). A multi-approval step records the approval and waits until
 * its requirement is met; the completing action moves the case.
 */
export function takeStep(definition: ProcedureDefinition, doc: CaseDocument, action: StepAction, context: CaseContext): MutableCase {
  const { actor, blockTime } = context;
  const step = findStep(definition, action.step);
  if (step === undefined) throw procedureError('PROC_STEP_UNKNOWN', `procedure ${definition.id} has no step '${action.step}'`, { step: action.step });
  if (step.automatic === true) {
    throw procedureError('PROC_STEP_NOT_ALLOWED', `step '${step.id}' is automatic: only its deadline takes it`, { step: step.id });
  }
  if (!actorMatchesAny(step.allowed ?? [], actor, doc.org)) {
    throw procedureError('PROC_STEP_NOT_ALLOWED', `member ${actor.memberId} of ${actor.org} holds none of ${(step.allowed ?? []).join(', ')} needed for step '${step.id}'`, {
      step: step.id,
      memberId: actor.memberId,
    });
  }
  if (!step.from.includes(doc.state)) {
    // Say why when the case is held up by approvals still missing for the step that leads here.
    const waitingOn = definition.steps.find((s) => s.from.includes(doc.state) && step.from.includes(s.to) && (doc.pending[s.id] ?? []).length > 0);
    if (waitingOn !== undefined) {
      const have = (doc.pending[waitingOn.id] ?? []).map((approval) => `${approval.by.memberId}@${approval.by.org}`).join(', ');
      throw procedureError('PROC_APPROVALS_PENDING', `step '${step.id}' waits for step '${waitingOn.id}', which still lacks approvals (has: ${have})`, { step: step.id, waitingOn: waitingOn.id });
    }
    throw procedureError('PROC_STEP_WRONG_STATE', `step '${step.id}' leaves ${step.from.join(', ')}, but the case is in '${doc.state}'`, { step: step.id, state: doc.state });
  }
  const pending = doc.pending[step.id] ?? [];
  if (pending.some((approval) => approval.by.memberId === actor.memberId)) {
    throw procedureError('PROC_APPROVAL_DUPLICATE', `member ${actor.memberId} has already approved step '${step.id}'`, { step: step.id, memberId: actor.memberId });
  }

  // A copy: the case must not share objects with the caller's transaction arguments.
  const form = structuredClone(action.form ?? {});
  if (step.form !== undefined) {
    const errors = validateForm(step.form, form);
    if (errors.length > 0) throw procedureError('PROC_FORM_INVALID', `form of step '${step.id}' is invalid: ${errors.join('; ')}`, { step: step.id, errors });
  } else if (Object.keys(form).length > 0) {
    throw procedureError('PROC_FORM_INVALID', `step '${step.id}' takes no form data`, { step: step.id });
  }
  const evidence = action.evidence ?? [];
  checkEvidence(step, evidence, context.isAnchored);

  const by = actorRecord(actor);
  const approval: ApprovalRecord = { by, at: blockTime, form, evidence: evidence.map((item) => ({ type: item.type, hash: item.hash })) };
  const approvals = [...pending, approval];
  const complete = approvalsSatisfied(step, approvals, doc.org);
  if (complete) {
    const missing = missingEvidence(step, approvals.flatMap((item) => item.evidence));
    if (missing.length > 0) {
      throw procedureError('PROC_EVIDENCE_MISSING', `step '${step.id}' needs evidence: ${missing.join(', ')}`, { step: step.id, missing });
    }
  }
  requireGuard(step.guard, doc, { form, subject: context.subject, actor: by, approvals: pending.map((item) => ({ memberId: item.by.memberId, org: item.by.org })), blockTime }, `step '${step.id}'`);

  const next = cloneCase(doc);
  if (!complete) {
    next.pending[step.id] = approvals;
    appendHistory(next, { at: blockTime, by, kind: 'approve', step: step.id, form, evidence: approval.evidence });
    refreshDerived(definition, next);
    return next;
  }
  for (const item of approvals) {
    for (const ref of item.evidence) next.evidence.push({ type: ref.type, hash: ref.hash, step: step.id, by: item.by.memberId, at: item.at });
  }
  next.data[step.id] = form;
  const from = next.state;
  appendHistory(next, {
    at: blockTime,
    by,
    kind: 'step',
    step: step.id,
    from,
    to: step.to,
    form,
    evidence: approval.evidence,
    ...(step.approvals === undefined ? {} : { approvedBy: approvals.map((item) => item.by.memberId) }),
  });
  enterState(definition, next, step.to, blockTime, context.calendar);
  return next;
}
