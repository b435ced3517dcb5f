import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moj2021PointsRules } from '../../src/apps/prison/points/points-rules.ts';
import { createTestClock, startDemoTestNode, type DemoTestNode } from '../support/demo-node.ts';
import { chinaMorning, getJson, sessionOf } from './prison-http.ts';
import { setUpPrisoners } from './setup-prisoner.ts';

const day = (prisonerId: string, s: number, e: number, l: number) => ({ prisonerId, parts: { supervision: s, education: e, labour: l }, reason: '' });

/** Everything a refused score or step could have touched. */
async function snapshot(t: DemoTestNode) {
  const [p1, p3, scores1, scores3, cases] = await Promise.all([
    getJson(t, '/v1/prison/prisoners/P1'),
    getJson(t, '/v1/prison/prisoners/P3'),
    getJson(t, '/v1/prison/prisoners/P1/scores'),
    getJson(t, '/v1/prison/prisoners/P3/scores'),
    getJson(t, '/v1/procedures/cases?procedure=commutation'),
  ]);
  return JSON.stringify({ p1, p3, scores1, scores3, cases });
}

test('refusals over HTTP: each with its stable code, and nothing written', async () => {
  const t = await startDemoTestNode({ clock: createTestClock(chinaMorning('2026-09-01')) });
  try {
    await setUpPrisoners(t);
    const officer = await sessionOf(t, 'officer-js07');
    const clerk = await sessionOf(t, 'clerk-1');
    const judge = await sessionOf(t, 'judge-1');
    const max = moj2021PointsRules.dailyPlusMax;
    const before = await snapshot(t);

    const rows: [string, () => Promise<string>][] = [
      ['a part above its daily cap (MoJ 2021 rules)', () => officer.fails('prison', 'scoreDay', { date: '2026-08-31', entries: [day('P1', max + 1, 0, 0)] }, 'PRISON_SCORE_ABOVE_CAP')],
      ['a date in the future', () => officer.fails('prison', 'scoreDay', { date: '2026-09-02', entries: [day('P1', 1, 1, 1)] }, 'PRISON_DATE_IN_FUTURE')],
      ['a date before admission on 2025-02-01', () => officer.fails('prison', 'scoreDay', { date: '2025-01-31', entries: [day('P1', 1, 1, 1)] }, 'PRISON_DATE_BEFORE_ADMISSION')],
      ['an unknown prisoner', () => officer.fails('prison', 'scoreDay', { date: '2026-08-31', entries: [day('NOBODY', 1, 1, 1)] }, 'PRISON_UNKNOWN_PRISONER')],
      ['an officer of JS-07 scoring a prisoner of JS-03', () => officer.fails('prison', 'scoreDay', { date: '2026-08-31', entries: [day('P3', 1, 1, 1)] }, 'PRISON_OTHER_PRISON')],
      ['a court clerk scoring', () => clerk.fails('prison', 'scoreDay', { date: '2026-08-31', entries: [day('P1', 1, 1, 1)] }, 'ACCESS_DENIED')],
      ['a court clerk opening a prison case', () => clerk.fails('procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P1' } }, 'PROC_STEP_NOT_ALLOWED')],
      ['a ruling above the law (SPC 2016 art. 6: 9 months on repentance)', () =>
        judge.fails('prison', 'recordRuling', { prisonerId: 'P1', caseId: 'C-1', ruling: { kind: 'reduction', months: 12, rulingDate: '2026-09-01', servedDate: '2026-09-01' } }, 'PRISON_REDUCTION_ABOVE_MAXIMUM')],
      ['a ruling for an unknown case', () => judge.fails('prison', 'recordCaseRuling', { caseId: 'no-such-case', servedDate: '2026-08-31' }, 'PRISON_CASE_NOT_FOUND')],
    ];
    for (const [name, run] of rows) {
      await run();
      assert.equal(await snapshot(t), before, `${name}: nothing written`);
    }

    // Steps out of order on a real case: refused, and the case stays where it was.
    const opened = await officer.ok('procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P1' } });
    const caseId = (opened.value as { caseId: string }).caseId;
    const penalty = await sessionOf(t, 'penalty-js07');
    const opening = await snapshot(t);
    await penalty.fails('procedures', 'act', { caseId, action: { kind: 'step', step: 'file_with_court' } }, 'PROC_STEP_WRONG_STATE');
    await penalty.fails('prison', 'checkCase', { caseId }, 'PRISON_CASE_WRONG_STATE');
    await judge.fails('prison', 'recordCaseRuling', { caseId, servedDate: '2026-08-31' }, 'PRISON_CASE_WRONG_STATE');
    await clerk.fails('procedures', 'act', { caseId, action: { kind: 'step', step: 'section_pass' } }, 'PROC_STEP_NOT_ALLOWED');
    // The officer of another prison holds the right role but the wrong prison (the definition's actorScope).
    const otherOfficer = await sessionOf(t, 'officer-js03');
    await otherOfficer.fails('procedures', 'act', { caseId, action: { kind: 'comment', text: 'not my prisoner' } }, 'PROC_STEP_NOT_ALLOWED');
    await otherOfficer.fails('procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P1' } }, 'PROC_STEP_NOT_ALLOWED');
    assert.equal(await snapshot(t), opening, 'steps out of order wrote nothing');
  } finally {
    await t.close();
  }
});
