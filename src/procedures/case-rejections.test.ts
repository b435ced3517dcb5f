import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize } from '../crypto/canonical-json.ts';
import { applyAction } from './apply-action.ts';
import type { CaseContext } from './case-context.ts';
import type { CaseDocument } from './case-document.ts';
import type { ProcedureDefinition } from './definition.ts';
import { openCase } from './open-case.ts';
import { act, cast, commutation, commutationInNotice, evidenceFor, openCommutation, prisoner, proposal } from './test-scenarios.ts';
import { at, cst, deepFreeze, docHash, errorCode, member, ok } from './test-fixtures.ts';

const monday = cst('2024-09-23 10:00');

/** Applies an action that must be rejected with `code`, and checks the case was not touched. */
function rejects(doc: CaseDocument, action: unknown, context: CaseContext, code: string, words: readonly string[] = [], definition: ProcedureDefinition = commutation): void {
  const before = canonicalize(doc);
  deepFreeze(doc); // any write by the engine throws
  const result = applyAction(definition, doc, action, context);
  assert.equal(result.ok, false, `expected ${code}, the action was accepted`);
  if (result.ok) return;
  assert.equal(errorCode(result.error), code, result.error.message);
  for (const word of words) assert.ok(result.error.message.includes(word), `message "${result.error.message}" should name "${word}"`);
  assert.equal(canonicalize(doc), before, 'the case must be unchanged');
}

const propose = { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose } as const;
const withSubject = (actor: ReturnType<typeof member>, time = monday, extra: Partial<CaseContext> = {}) => at(actor, time, { subject: prisoner, ...extra });

test('PROC_STEP_NOT_ALLOWED: a warden cannot take the officer’s step', () => {
  rejects(openCommutation(), propose, withSubject(cast.warden), 'PROC_STEP_NOT_ALLOWED', ['warden-1', 'prison-officer@$case', "'propose'"]);
});

test('PROC_STEP_NOT_ALLOWED: an officer of another prison cannot act on this prison’s case', () => {
  rejects(openCommutation(), propose, withSubject(cast.otherPrisonOfficer), 'PROC_STEP_NOT_ALLOWED', ['officer-9', 'js-prison-08']);
});

test('PROC_STEP_NOT_ALLOWED: nobody may take an automatic step', () => {
  rejects(commutationInNotice(), { kind: 'step', step: 'close_notice' }, withSubject(cast.officer, cst('2024-09-30 10:00')), 'PROC_STEP_NOT_ALLOWED', ['automatic']);
});

test('PROC_STEP_WRONG_STATE: the warden cannot sign before the committee has passed the proposal', () => {
  rejects(openCommutation(), { kind: 'step', step: 'head_approve', evidence: evidenceFor.head }, withSubject(cast.warden), 'PROC_STEP_WRONG_STATE', ["'head_approve'", "'draft'"]);
});

test('PROC_STEP_UNKNOWN: a step the procedure does not have', () => {
  rejects(openCommutation(), { kind: 'step', step: 'pardon' }, withSubject(cast.officer), 'PROC_STEP_UNKNOWN', ["'pardon'"]);
});

test('PROC_FORM_INVALID: form data that fails the step’s schema', () => {
  rejects(openCommutation(), { ...propose, form: { ...proposal, proposedReductionMonths: 'nine' } }, withSubject(cast.officer), 'PROC_FORM_INVALID', ['/proposedReductionMonths must be integer']);
  rejects(openCommutation(), { ...propose, form: { grounds: 'good-looks', proposedReductionMonths: 9, pointsTotal: 1 } }, withSubject(cast.officer), 'PROC_FORM_INVALID', ['/grounds']);
  rejects(openCommutation(), { kind: 'step', step: 'propose', evidence: evidenceFor.propose }, withSubject(cast.officer), 'PROC_FORM_INVALID', ['required property']);
});

test('PROC_FORM_INVALID: form data for a step that takes none', () => {
  let doc = commutationInNotice();
  doc = ok(applyAction(commutation, doc, { kind: 'comment', text: 'waiting' }, withSubject(cast.officer, cst('2024-10-11 09:00'))));
  assert.equal(doc.state, 'head_decision');
  rejects(doc, { kind: 'step', step: 'head_approve', form: { note: 'x' }, evidence: evidenceFor.head }, withSubject(cast.warden, cst('2024-10-11 10:00')), 'PROC_FORM_INVALID', ['takes no form']);
});

test('PROC_EVIDENCE_MISSING: a required document type is not supplied', () => {
  rejects(openCommutation(), { ...propose, evidence: evidenceFor.propose.slice(0, 1) }, withSubject(cast.officer), 'PROC_EVIDENCE_MISSING', ['reward-decision (0/1)']);
});

test('PROC_EVIDENCE_INVALID: an unrequested document type, a malformed hash, a document given twice', () => {
  const doc = openCommutation();
  rejects(doc, { ...propose, evidence: [...evidenceFor.propose, { type: 'selfie', hash: docHash('x') }] }, withSubject(cast.officer), 'PROC_EVIDENCE_INVALID', ["'selfie'"]);
  rejects(openCommutation(), { ...propose, evidence: [{ type: 'points-record', hash: 'ABC' }] }, withSubject(cast.officer), 'PROC_EVIDENCE_INVALID', ['not a document hash']);
  rejects(openCommutation(), { ...propose, evidence: [...evidenceFor.propose, evidenceFor.propose[0]] }, withSubject(cast.officer), 'PROC_EVIDENCE_INVALID', ['twice']);
});

test('PROC_EVIDENCE_NOT_ANCHORED: a hash the notary has not anchored', () => {
  const anchored = new Set([docHash('points')]);
  rejects(openCommutation(), propose, withSubject(cast.officer, monday, { isAnchored: (hash) => anchored.has(hash) }), 'PROC_EVIDENCE_NOT_ANCHORED', [docHash('rewards')]);
});

test('PROC_GUARD_FALSE: a reduction above the cap for the grounds (SPC 2016 art. 6)', () => {
  rejects(openCommutation(), { ...propose, form: { ...proposal, proposedReductionMonths: 12 } }, withSubject(cast.officer), 'PROC_GUARD_FALSE', ["step 'propose'"]);
});

test('PROC_GUARD_FALSE: a reduction leaving less than half the sentence served (Criminal Law art. 78)', () => {
  const shortSentence = { ...prisoner, sentenceMonths: 16, servedMonths: 14 };
  const doc = ok(openCase(commutation, { caseId: 'cm-short', subject: { type: 'prisoner', id: 'P-2' } }, at(cast.officer, monday, { subject: shortSentence })));
  rejects(doc, { ...propose, form: { ...proposal, proposedReductionMonths: 9 } }, withSubject(cast.officer, monday, { subject: shortSentence }), 'PROC_GUARD_FALSE');
});

test('PROC_GUARD_ERROR: a guard that cannot be evaluated blocks the step and never throws', () => {
  rejects(openCommutation(), propose, withSubject(cast.officer, monday, { subject: { servedMonths: 30 } }), 'PROC_GUARD_ERROR', ['No such key: sentenceMonths']);
  rejects(openCommutation(), propose, withSubject(cast.officer, monday, { subject: { ...prisoner, sentenceMonths: 96.5 } }), 'PROC_GUARD_ERROR', ['failed to evaluate']);
});

test('PROC_APPROVAL_DUPLICATE: a judge cannot approve the same ruling twice', () => {
  let doc = commutationInCourtRuling();
  doc = act(doc, { kind: 'step', step: 'rule_grant', form: { grantedReductionMonths: 9 }, evidence: evidenceFor.ruling }, cast.judges[0], cst('2024-11-04 10:00'));
  rejects(doc, { kind: 'step', step: 'rule_grant', form: { grantedReductionMonths: 9 } }, withSubject(cast.judges[0], cst('2024-11-04 11:00')), 'PROC_APPROVAL_DUPLICATE', ['judge-1']);
});

test('a missing approval: two of three judges leave the ruling pending, and the case cannot move on', () => {
  let doc = commutationInCourtRuling();
  doc = act(doc, { kind: 'step', step: 'rule_grant', form: { grantedReductionMonths: 9 } }, cast.judges[0], cst('2024-11-04 10:00'));
  doc = act(doc, { kind: 'step', step: 'rule_grant', form: { grantedReductionMonths: 9 } }, cast.judges[1], cst('2024-11-04 11:00'));
  assert.equal(doc.state, 'court_ruling');
  assert.deepEqual(doc.pending['rule_grant']?.map((a) => a.by.memberId), ['judge-1', 'judge-2']);
  // The third approval would complete the step, so the ruling document must come with it.
  rejects(doc, { kind: 'step', step: 'rule_grant', form: { grantedReductionMonths: 9 } }, withSubject(cast.judges[2], cst('2024-11-04 12:00')), 'PROC_EVIDENCE_MISSING', ['ruling (0/1)']);
});

test('PROC_CASE_CLOSED: nothing happens to a withdrawn case', () => {
  const doc = act(openCommutation(), { kind: 'withdraw', reason: 'transferred to another prison' }, cast.warden, monday);
  assert.equal(doc.closed, true);
  rejects(doc, propose, withSubject(cast.officer), 'PROC_CASE_CLOSED', ["'withdrawn'"]);
  rejects(doc, { kind: 'comment', text: 'late remark' }, withSubject(cast.officer), 'PROC_CASE_CLOSED');
});

test('withdrawal: only the warden, only before the proposal leaves the prison', () => {
  rejects(openCommutation(), { kind: 'withdraw', reason: 'x' }, withSubject(cast.officer), 'PROC_STEP_NOT_ALLOWED');
  rejects(commutationInCourtRuling(), { kind: 'withdraw', reason: 'x' }, withSubject(cast.warden, cst('2024-11-04 10:00')), 'PROC_STEP_WRONG_STATE', ["'court_ruling'"]);
});

test('rejection and comments: only the step’s actors reject, only participants comment', () => {
  const doc = act(openCommutation(), propose, cast.officer, monday);
  rejects(doc, { kind: 'reject', step: 'committee_pass', reason: 'no' }, withSubject(cast.officer), 'PROC_STEP_NOT_ALLOWED');
  rejects(doc, { kind: 'reject', step: 'give_opinion', reason: 'no' }, withSubject(cast.prosecutor), 'PROC_STEP_WRONG_STATE');
  rejects(doc, { kind: 'comment', text: 'hello' }, withSubject(member('nurse-1', 'health-commission', 'officer')), 'PROC_STEP_NOT_ALLOWED', ['takes no part']);
});

test('deadline extensions: unknown deadline, wrong actor, no second extension', () => {
  let doc = commutationInProcuratorate();
  rejects(doc, { kind: 'extend', deadline: 'notice_period', reason: 'x' }, withSubject(cast.prosecutor, cst('2024-10-15 10:00')), 'PROC_DEADLINE_UNKNOWN');
  rejects(doc, { kind: 'extend', deadline: 'opinion_window', reason: 'x' }, withSubject(cast.warden, cst('2024-10-15 10:00')), 'PROC_STEP_NOT_ALLOWED');
  doc = act(doc, { kind: 'extend', deadline: 'opinion_window', reason: 'complex case' }, cast.prosecutor, cst('2024-10-15 10:00'));
  rejects(doc, { kind: 'extend', deadline: 'opinion_window', reason: 'again' }, withSubject(cast.prosecutor, cst('2024-10-16 10:00')), 'PROC_DEADLINE_NOT_EXTENSIBLE', ['already extended 1']);
});

test('PROC_ACTION_INVALID: malformed actions and contexts', () => {
  const doc = openCommutation();
  rejects(doc, { kind: 'approve', step: 'propose' }, withSubject(cast.officer), 'PROC_ACTION_INVALID', ['unknown kind']);
  rejects(doc, { kind: 'step' }, withSubject(cast.officer), 'PROC_ACTION_INVALID', ["'step'"]);
  rejects(doc, { ...propose, extra: 1 }, withSubject(cast.officer), 'PROC_ACTION_INVALID', ["'extra'"]);
  rejects(doc, { ...propose, evidence: [{ hash: 'x' }] }, withSubject(cast.officer), 'PROC_ACTION_INVALID', ['evidence[0]']);
  rejects(doc, { ...propose, form: [1] }, withSubject(cast.officer), 'PROC_ACTION_INVALID', ["'form'"]);
  rejects(doc, 'propose', withSubject(cast.officer), 'PROC_ACTION_INVALID');
  rejects(doc, propose, withSubject(cast.officer, Number.NaN), 'PROC_ACTION_INVALID', ['block time']);
  rejects(doc, propose, withSubject(member('', 'js-prison-07', 'prison-officer')), 'PROC_ACTION_INVALID', ['actor']);
});

test('PROC_DEFINITION_MISMATCH: a case stays on the version it was opened with', () => {
  rejects(openCommutation(), propose, withSubject(cast.officer), 'PROC_DEFINITION_MISMATCH', ['commutation v1', 'commutation v2'], { ...commutation, version: 2 });
});

test('PROC_CALENDAR_OUT_OF_RANGE: a working-day deadline past the published calendar rejects the step', () => {
  let doc = openCommutation(cst('2026-12-20 10:00'));
  doc = act(doc, propose, cast.officer, cst('2026-12-21 10:00'));
  rejects(doc, { kind: 'step', step: 'committee_pass', form: { membersPresent: 9, votesFor: 9 }, evidence: evidenceFor.committee }, withSubject(cast.committee, cst('2026-12-28 10:00')), 'PROC_CALENDAR_OUT_OF_RANGE', ['2027-01-01']);
});

test('openCase rejects a wrong subject, an outsider, a bad id and an ineligible prisoner', () => {
  const open = (input: Parameters<typeof openCase>[1], context: CaseContext) => openCase(commutation, input, context);
  const subject = { type: 'prisoner', id: 'P-1' };
  const codeOf = (result: ReturnType<typeof openCase>) => (result.ok ? 'ok' : errorCode(result.error));
  assert.equal(codeOf(open({ caseId: 'c1', subject: { type: 'relief-request', id: 'R-1' } }, withSubject(cast.officer))), 'PROC_CASE_INVALID');
  assert.equal(codeOf(open({ caseId: 'bad id!', subject }, withSubject(cast.officer))), 'PROC_CASE_INVALID');
  assert.equal(codeOf(open({ caseId: 'c1', subject }, withSubject(cast.judges[0]))), 'PROC_STEP_NOT_ALLOWED');
  assert.equal(codeOf(open({ caseId: 'c1', subject }, withSubject(cast.officer, monday, { subject: { ...prisoner, servedMonths: 10 } }))), 'PROC_GUARD_FALSE');
  assert.equal(codeOf(open({ caseId: 'c1', subject }, withSubject(cast.officer, monday, { subject: {} }))), 'PROC_GUARD_ERROR');
  assert.equal(codeOf(open({ caseId: 'c1', subject }, withSubject(cast.officer))), 'ok');
});

/** The path through the procuratorate: the warden signs on 2024-10-11, the 10-day window runs to 10-21. */
function commutationInProcuratorate(): CaseDocument {
  let doc = commutationInNotice();
  doc = act(doc, { kind: 'step', step: 'head_approve', evidence: evidenceFor.head }, cast.warden, cst('2024-10-11 10:00'));
  assert.equal(doc.state, 'procuratorate_review');
  return doc;
}

function commutationInCourtRuling(): CaseDocument {
  let doc = commutationInProcuratorate();
  doc = act(doc, { kind: 'step', step: 'give_opinion', form: { opinion: 'agree' }, evidence: evidenceFor.opinion }, cast.prosecutor, cst('2024-10-14 10:00'));
  // Court notice 10-14 → expires 10-20 00:00; written review then leads to the ruling.
  doc = act(doc, { kind: 'step', step: 'written_review' }, cast.judges[0], cst('2024-10-21 09:00'));
  assert.equal(doc.state, 'court_ruling');
  return doc;
}
