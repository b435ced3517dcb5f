import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize } from '../crypto/canonical-json.ts';
import { applyAction } from './apply-action.ts';
import type { CaseDocument } from './case-document.ts';
import { fireDeadlines } from './fire-deadlines.ts';
import { act, cast, commutation, evidenceFor, openCommutation, prisoner, proposal } from './test-scenarios.ts';
import { chinaCalendar, cst, errorCode, ok } from './test-fixtures.ts';

function fire(doc: CaseDocument, blockTime: number): CaseDocument {
  return ok(fireDeadlines(commutation, doc, { blockTime, calendar: chinaCalendar, subject: prisoner }));
}

const deadline = (doc: CaseDocument, id: string) => doc.deadlines.filter((d) => d.id === id).at(-1) ?? assert.fail(`no deadline ${id}`);

test('commutation end to end: objection by the procuratorate, hearing by three organizations, panel ruling', () => {
  let doc = openCommutation();
  assert.equal(doc.state, 'draft');
  assert.deepEqual(doc.procedure, { id: 'commutation', version: 1 });
  assert.equal(doc.org, 'js-prison-07');
  assert.deepEqual(doc.awaiting, ['prison-officer@js-prison-07']);

  // The prison proposes; the committee sends it back once, then passes it.
  doc = act(doc, { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose }, cast.officer, cst('2024-09-23 10:00'));
  doc = act(doc, { kind: 'reject', step: 'committee_pass', reason: 'points record incomplete' }, cast.committee, cst('2024-09-24 10:00'));
  assert.equal(doc.state, 'draft');
  doc = act(doc, { kind: 'step', step: 'propose', form: { ...proposal, pointsTotal: 1500 }, evidence: evidenceFor.propose }, cast.officer, cst('2024-09-25 10:00'));
  doc = act(doc, { kind: 'step', step: 'committee_pass', form: { membersPresent: 11, votesFor: 9 }, evidence: evidenceFor.committee }, cast.committee, cst('2024-09-27 10:00'));

  // Five working days of notice from Friday 2024-09-27, across National Day: ends with 10-10.
  assert.equal(doc.state, 'public_notice');
  assert.equal(deadline(doc, 'notice_period').lastDay, '2024-10-10');
  assert.equal(fire(doc, cst('2024-10-10 23:59')), doc, 'nothing is due before the notice ends');
  doc = fire(doc, cst('2024-10-11 00:00'));
  assert.equal(doc.state, 'head_decision');
  assert.equal(deadline(doc, 'notice_period').status, 'fired');

  // The warden signs; the procuratorate has 10 days (to Monday 10-21), extends by 10 (to 10-31).
  doc = act(doc, { kind: 'step', step: 'head_approve', evidence: evidenceFor.head }, cast.warden, cst('2024-10-11 10:00'));
  assert.equal(doc.state, 'procuratorate_review');
  assert.equal(deadline(doc, 'opinion_window').lastDay, '2024-10-21');
  doc = act(doc, { kind: 'extend', deadline: 'opinion_window', reason: 'complex property judgment' }, cast.prosecutor, cst('2024-10-18 15:00'));
  assert.equal(deadline(doc, 'opinion_window').lastDay, '2024-10-31');
  assert.equal(fire(doc, cst('2024-10-25 10:00')), doc, 'still inside the extended window');
  doc = act(doc, { kind: 'step', step: 'give_opinion', form: { opinion: 'object', reasons: 'reward decisions not signed' }, evidence: evidenceFor.opinion }, cast.prosecutor, cst('2024-10-30 10:00'));
  assert.equal(deadline(doc, 'opinion_window').status, 'met');

  // Court notice of five days, then — because the procuratorate objected — no written review.
  assert.equal(doc.state, 'court_notice');
  const written = applyAction(commutation, doc, { kind: 'step', step: 'written_review' }, { actor: cast.judges[0], blockTime: cst('2024-11-05 09:00'), calendar: chinaCalendar, subject: prisoner });
  assert.equal(written.ok ? 'ok' : errorCode(written.error), 'PROC_GUARD_FALSE');

  // A hearing whose record the court, the procuratorate and the prison all sign.
  doc = act(doc, { kind: 'step', step: 'hold_hearing' }, cast.judges[0], cst('2024-11-06 09:00'));
  assert.equal(doc.state, 'court_review', 'the notice deadline fired before the first signature');
  doc = act(doc, { kind: 'step', step: 'hold_hearing' }, cast.prosecutor, cst('2024-11-06 12:00'));
  doc = act(doc, { kind: 'step', step: 'hold_hearing' }, cast.judges[1], cst('2024-11-06 12:05'));
  assert.equal(doc.state, 'court_review', 'three distinct signatures, but none from the prison yet');
  doc = act(doc, { kind: 'step', step: 'hold_hearing', evidence: evidenceFor.hearing }, cast.officer, cst('2024-11-06 12:10'));
  assert.equal(doc.state, 'court_ruling');
  assert.deepEqual(doc.pending, {});

  // The ruling is late: the case goes overdue and is escalated to the court president.
  assert.equal(deadline(doc, 'ruling_due').lastDay, '2024-12-06');
  doc = fire(doc, cst('2024-12-07 00:00'));
  assert.equal(doc.overdue, true);
  assert.equal(deadline(doc, 'ruling_due').escalatedTo, 'court-president@court');
  assert.ok(doc.awaiting.includes('court-president@court'));
  doc = act(doc, { kind: 'comment', text: 'Rule this week.' }, cast.president, cst('2024-12-09 09:00'));

  // A panel of three judges rules to commute by nine months.
  for (const [i, judge] of cast.judges.entries()) {
    doc = act(doc, { kind: 'step', step: 'rule_grant', form: { grantedReductionMonths: 9 }, ...(i === 2 ? { evidence: evidenceFor.ruling } : {}) }, judge, cst('2024-12-10 10:00') + i);
  }
  assert.equal(doc.state, 'granted');
  assert.equal(doc.closed, true);
  assert.equal(doc.overdue, false);
  assert.deepEqual(doc.awaiting, []);
  assert.equal(deadline(doc, 'ruling_due').status, 'late');
  assert.deepEqual(doc.data['rule_grant'], { grantedReductionMonths: 9 });
  assert.equal(doc.data['give_opinion']?.['opinion'], 'object');

  // The whole story, who did what and when.
  assert.deepEqual(
    doc.history.map((h) => `${h.kind}${h.step === undefined ? '' : ` ${h.step}`}${h.deadline === undefined ? '' : ` ${h.deadline}`} by ${h.by?.memberId ?? 'deadline'}`),
    [
      'open by officer-1',
      'step propose by officer-1',
      'reject committee_pass by committee-1',
      'step propose by officer-1',
      'step committee_pass by committee-1',
      'deadline close_notice notice_period by deadline',
      'step head_approve by warden-1',
      'extend opinion_window by prosecutor-1',
      'step give_opinion by prosecutor-1',
      'deadline close_court_notice court_notice_period by deadline',
      'approve hold_hearing by judge-1',
      'approve hold_hearing by prosecutor-1',
      'approve hold_hearing by judge-2',
      'step hold_hearing by officer-1',
      'deadline ruling_due by deadline',
      'comment by president-1',
      'approve rule_grant by judge-1',
      'approve rule_grant by judge-2',
      'step rule_grant by judge-3',
    ],
  );
  assert.deepEqual(doc.history.at(-1)?.approvedBy, ['judge-1', 'judge-2', 'judge-3']);
  assert.deepEqual(doc.history.map((h) => h.seq), doc.history.map((_, i) => i + 1));
  assert.ok(doc.history.every((h, i) => i === 0 || h.at >= (doc.history[i - 1]?.at ?? 0)), 'history is in time order');
  assert.deepEqual(
    doc.evidence.map((e) => `${e.step}:${e.type}`),
    [
      'propose:points-record',
      'propose:reward-decision',
      'propose:points-record',
      'propose:reward-decision',
      'committee_pass:committee-minutes',
      'head_approve:review-form',
      'head_approve:proposal-letter',
      'give_opinion:opinion-letter',
      'hold_hearing:hearing-record',
      'rule_grant:ruling',
    ],
  );
  assert.doesNotThrow(() => canonicalize(doc), 'the case is canonical JSON');
});

test('commutation end to end: silent procuratorate, written review, refusal', () => {
  let doc = openCommutation();
  doc = act(doc, { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose }, cast.officer, cst('2024-09-23 10:00'));
  doc = act(doc, { kind: 'step', step: 'committee_pass', form: { membersPresent: 9, votesFor: 5 }, evidence: evidenceFor.committee }, cast.committee, cst('2024-09-23 15:00'));
  // Notice from Monday 9-23: 9-24, 9-25, 9-26, 9-27, 9-29 (adjusted Sunday) → ends with 9-29.
  assert.equal(deadline(doc, 'notice_period').lastDay, '2024-09-29');
  doc = act(doc, { kind: 'step', step: 'head_approve', evidence: evidenceFor.head }, cast.warden, cst('2024-09-30 09:00'));
  // Entered 9-30; ten days end on 10-10 (a working day).
  assert.equal(doc.state, 'procuratorate_review');
  assert.equal(deadline(doc, 'opinion_window').lastDay, '2024-10-10');
  // No opinion: the window closes itself at 00:00 on 10-11 and the court's notice starts then.
  const fired = fireDeadlines(commutation, doc, { blockTime: cst('2024-10-11 00:00'), calendar: chinaCalendar, subject: prisoner });
  assert.ok(fired.ok);
  assert.deepEqual(fired.events, [{ deadline: 'opinion_window', outcome: 'step', step: 'opinion_window_closed', from: 'procuratorate_review', to: 'court_notice' }]);
  doc = fired.case;
  // The court's five days run 10-12..10-16; the judge reviews in writing on 10-17.
  doc = act(doc, { kind: 'step', step: 'written_review' }, cast.judges[0], cst('2024-10-17 10:00'));
  assert.equal(doc.state, 'court_ruling');
  for (const judge of cast.judges) doc = act(doc, { kind: 'step', step: 'rule_refuse', evidence: evidenceFor.ruling }, judge, cst('2024-10-18 10:00'));
  assert.equal(doc.state, 'refused');
  assert.equal(doc.closed, true);
});
