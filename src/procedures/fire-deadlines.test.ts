import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalize } from '../crypto/canonical-json.ts';
import { applyAction } from './apply-action.ts';
import type { CaseDocument } from './case-document.ts';
import { checkDefinition } from './check-definition.ts';
import type { ProcedureDefinition } from './definition.ts';
import { dueDeadlines, fireDeadlines } from './fire-deadlines.ts';
import { openCase } from './open-case.ts';
import { at, chinaCalendar, cst, deepFreeze, errorCode, member, ok, testNetwork } from './test-fixtures.ts';

const t = { zh: '标题', en: 'Title' };
/** A review that advances by itself when its guard holds, and otherwise escalates. */
const review: ProcedureDefinition = {
  id: 'auto-review',
  version: 1,
  title: t,
  subjectType: 'prisoner',
  initial: 'waiting',
  states: { waiting: { title: t }, counting: { title: t }, done: { title: t, final: true } },
  open: { allowed: ['prison-officer@$case'] },
  steps: [
    { id: 'advance', title: t, from: ['waiting'], to: 'counting', automatic: true, guard: 'subject.ready' },
    { id: 'finish', title: t, from: ['waiting', 'counting'], to: 'done', allowed: ['warden@$case'] },
  ],
  deadlines: [
    { id: 'wait', state: 'waiting', duration: { calendarDays: 2 }, onExpiry: { step: 'advance', escalate: 'warden@$case' } },
    { id: 'count', state: 'counting', duration: { workingDays: 3 }, onExpiry: { escalate: 'warden@$case' } },
  ],
};
const officer = member('officer-1', 'js-prison-07', 'prison-officer');

function opened(time: number): CaseDocument {
  return ok(openCase(review, { caseId: 'auto-1', subject: { type: 'prisoner', id: 'P-1' } }, at(officer, time)));
}
/** The warden finishes the review by hand. */
function finish(doc: CaseDocument, actor: ReturnType<typeof member>, time: number) {
  return applyAction(review, doc, { kind: 'step', step: 'finish' }, at(actor, time, { subject: { ready: false } }));
}
const fireAt = (doc: CaseDocument, time: number, subject: Record<string, boolean>) => fireDeadlines(review, deepFreeze(doc), { blockTime: time, calendar: chinaCalendar, subject });

test('the test definition passes the static checks', () => {
  assert.deepEqual(checkDefinition(review, testNetwork), []);
});

test('nothing due: the very same case comes back, with no events', () => {
  const doc = opened(cst('2024-03-01 10:00'));
  assert.deepEqual(dueDeadlines(doc, cst('2024-03-03 23:59')), []);
  const result = fireAt(doc, cst('2024-03-03 23:59'), { ready: true });
  assert.ok(result.ok);
  assert.equal(result.case, doc);
  assert.deepEqual(result.events, []);
});

test('an expired deadline takes its automatic step at block time and arms the next state’s deadline', () => {
  const doc = opened(cst('2024-03-01 10:00'));
  assert.equal(dueDeadlines(doc, cst('2024-03-04 00:00'))[0]?.id, 'wait');
  const result = fireAt(doc, cst('2024-03-05 09:00'), { ready: true });
  assert.ok(result.ok);
  assert.deepEqual(result.events, [{ deadline: 'wait', outcome: 'step', step: 'advance', from: 'waiting', to: 'counting' }]);
  assert.equal(result.case.state, 'counting');
  // Entered at block time (3-05), not at the due time (3-04): three working days 3-06..3-08.
  assert.equal(result.case.deadlines[1]?.startDate, '2024-03-05');
  assert.equal(result.case.deadlines[1]?.lastDay, '2024-03-08');
  assert.equal(result.case.history.at(-1)?.by, null);
});

test('an automatic step whose guard is false, or fails, leaves the case overdue and escalated instead', () => {
  const doc = opened(cst('2024-03-01 10:00'));
  const notReady = fireAt(doc, cst('2024-03-04 00:00'), { ready: false });
  assert.ok(notReady.ok);
  assert.equal(notReady.case.state, 'waiting');
  assert.equal(notReady.case.overdue, true);
  assert.equal(notReady.events[0]?.outcome, 'overdue');
  assert.equal(notReady.events[0]?.escalatedTo, 'warden@js-prison-07');
  assert.match(notReady.events[0]?.reason ?? '', /^PROC_GUARD_FALSE/);
  assert.deepEqual(notReady.case.awaiting, ['warden@js-prison-07']);
  // Once overdue, the deadline does not fire again.
  const again = fireDeadlines(review, notReady.case, { blockTime: cst('2024-03-09 00:00'), calendar: chinaCalendar, subject: { ready: true } });
  assert.ok(again.ok);
  assert.deepEqual(again.events, []);

  const broken = fireDeadlines(review, doc, { blockTime: cst('2024-03-04 00:00'), calendar: chinaCalendar, subject: {} });
  assert.ok(broken.ok);
  assert.match(broken.events[0]?.reason ?? '', /^PROC_GUARD_ERROR/);
});

test('an automatic step into a state whose deadline runs past the calendar goes overdue, it does not throw', () => {
  const doc = opened(cst('2026-12-27 10:00'));
  const result = fireAt(doc, cst('2026-12-30 10:00'), { ready: true });
  assert.ok(result.ok);
  assert.equal(result.case.state, 'waiting');
  assert.match(result.events[0]?.reason ?? '', /^PROC_CALENDAR_OUT_OF_RANGE/);
});

test('leaving an overdue state marks its deadline late; leaving in time marks it met', () => {
  const warden = member('warden-1', 'js-prison-07', 'warden');
  const overdue = ok(fireAt(opened(cst('2024-03-01 10:00')), cst('2024-03-04 00:00'), { ready: false }));
  const late = ok(finish(overdue, warden, cst('2024-03-04 10:00')));
  assert.equal(late.deadlines[0]?.status, 'late');
  const met = ok(finish(opened(cst('2024-03-01 10:00')), warden, cst('2024-03-02 10:00')));
  assert.equal(met.deadlines[0]?.status, 'met');
  assert.equal(met.deadlines[0]?.closedAt, cst('2024-03-02 10:00'));
});

test('fireDeadlines refuses a case of another definition version and never touches its input', () => {
  const doc = deepFreeze(opened(cst('2024-03-01 10:00')));
  const before = canonicalize(doc);
  const result = fireDeadlines({ ...review, version: 2 }, doc, { blockTime: cst('2024-03-05 00:00'), calendar: chinaCalendar });
  assert.equal(result.ok ? 'ok' : errorCode(result.error), 'PROC_DEFINITION_MISMATCH');
  assert.equal(canonicalize(doc), before);
});
