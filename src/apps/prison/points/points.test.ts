import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prisonCollections as c } from '../collections.ts';
import type { PrisonerDoc, ScoreEntryDoc } from '../contract/prison-docs.ts';
import { readPrisoner } from '../contract/prisoner-store.ts';
import { createFixtureNetwork, expectRejected } from '../testing/prison-fixtures.ts';
import { moj2021PointsRules } from './points-rules.ts';

const day = (prisonerId: string, s: number, e: number, l: number, reason = '') => ({ prisonerId, parts: { supervision: s, education: e, labour: l }, reason });
const prisoner = (net: Awaited<ReturnType<typeof createFixtureNetwork>>, id: string): PrisonerDoc => readPrisoner((collection, docId) => net.ledger.state.get(collection, docId)?.doc, id)!;

test('a daily score is a signed entry by the officer, with the rules version, and moves the balance', async () => {
  const net = await createFixtureNetwork();
  const value = net.ok('officer-07', 'scoreDay', { date: '2026-05-31', entries: [day('P1', 2, 1, 3, 'good work')] }) as { entries: { entryId: string; balance: number }[] };
  const entry = net.ledger.state.get(c.scores, value.entries[0]!.entryId)!.doc as ScoreEntryDoc;
  assert.equal(entry.officer, 'officer-07@PrisonBureau');
  assert.equal(entry.signer, net.member('officer-07').key.publicKey);
  assert.equal(entry.total, 6);
  assert.equal(entry.rules, 'cn-moj-2021@1');
  assert.equal(entry.migrated, false);
  assert.equal(prisoner(net, 'P1').points.balance, 6);
});

test('rejections of a daily score, each with its code and nothing written', async () => {
  const net = await createFixtureNetwork();
  const max = moj2021PointsRules.dailyPlusMax;
  const cases: [string, string, Record<string, unknown>, string][] = [
    ['a part above the daily plus maximum', 'officer-07', { date: '2026-05-30', entries: [day('P1', max + 1, 0, 0)] }, 'PRISON_SCORE_ABOVE_CAP'],
    ['a part below the daily minus maximum', 'officer-07', { date: '2026-05-30', entries: [day('P1', -moj2021PointsRules.dailyMinusMax - 1, 0, 0)] }, 'PRISON_SCORE_ABOVE_CAP'],
    ['a date in the future (block date 2026-06-01)', 'officer-07', { date: '2026-06-02', entries: [day('P1', 1, 1, 1)] }, 'PRISON_DATE_IN_FUTURE'],
    ['a date before admission on 2025-02-01', 'officer-07', { date: '2025-01-31', entries: [day('P1', 1, 1, 1)] }, 'PRISON_DATE_BEFORE_ADMISSION'],
    ['not a calendar date', 'officer-07', { date: '2026-02-30', entries: [day('P1', 1, 1, 1)] }, 'PRISON_BAD_DATE'],
    ['an unknown prisoner', 'officer-07', { date: '2026-05-30', entries: [day('NOPE', 1, 1, 1)] }, 'PRISON_UNKNOWN_PRISONER'],
    ['an officer of JS-03 scoring a prisoner of JS-07', 'officer-03', { date: '2026-05-30', entries: [day('P1', 1, 1, 1)] }, 'PRISON_OTHER_PRISON'],
    ['a court clerk taking a prison step (policy)', 'clerk-1', { date: '2026-05-30', entries: [day('P1', 1, 1, 1)] }, 'ACCESS_DENIED'],
    ['a section head is not the scoring officer (policy)', 'section-07', { date: '2026-05-30', entries: [day('P1', 1, 1, 1)] }, 'ACCESS_DENIED'],
    ['one bad row fails the whole batch', 'officer-07', { date: '2026-05-30', entries: [day('P1', 1, 1, 1), day('P3', 1, 1, 1)] }, 'PRISON_OTHER_PRISON'],
  ];
  for (const [label, who, args, code] of cases) {
    assert.doesNotThrow(() => expectRejected(net, who, 'scoreDay', args as never, code), label);
  }
  net.ok('officer-07', 'scoreDay', { date: '2026-05-30', entries: [day('P1', 1, 1, 1)] });
  expectRejected(net, 'officer-07b', 'scoreDay', { date: '2026-05-30', entries: [day('P1', 1, 1, 1)] }, 'PRISON_SCORE_DUPLICATE_DAY');
});

test('monthly plus per part is capped at half its base; one part cannot make up for another', async () => {
  const net = await createFixtureNetwork();
  // labour base 30 → plus cap 15: three days of +5 reach it, a fourth plus is refused.
  for (const d of ['2026-05-01', '2026-05-02', '2026-05-03']) net.ok('officer-07', 'scoreDay', { date: d, entries: [day('P1', 0, 0, 5)] });
  const message = expectRejected(net, 'officer-07', 'scoreDay', { date: '2026-05-04', entries: [day('P1', 0, 0, 1)] }, 'PRISON_SCORE_ABOVE_CAP');
  assert.match(message, /labour plus would reach 16, above the month's cap of 15/);
  // Supervision still has room; a minus on labour is allowed.
  net.ok('officer-07', 'scoreDay', { date: '2026-05-04', entries: [day('P1', 5, 0, -2)] });
  // The next month starts afresh.
  net.ok('officer-07', 'scoreDay', { date: '2026-06-01', entries: [day('P1', 0, 0, 5)] });
});

test('a prisoner who cannot work has no labour part', async () => {
  const net = await createFixtureNetwork();
  net.ok('penalty-07', 'updateFacts', { prisonerId: 'P1', facts: { canWork: false }, reason: 'certified unable to work' });
  expectRejected(net, 'officer-07', 'scoreDay', { date: '2026-05-30', entries: [day('P1', 0, 0, 1)] }, 'PRISON_SCORE_NO_LABOUR_PART');
});

test('PA-01: a day outside the unit\'s normal range is accepted and raises an alert', async () => {
  const net = await createFixtureNetwork();
  net.ok('officer-07', 'scoreDay', { date: '2026-05-31', entries: [day('P1', 5, 5, 5)] });
  const alerts = net.ledger.state.query(c.alerts, { index: 'byPrisoner', equals: ['P1'] });
  assert.deepEqual(alerts.map((a) => a.doc['rule']), ['PA-01']);
  assert.equal(alerts[0]!.doc['actor'], 'officer-07@PrisonBureau');
});

test('PA-02: an entry more than 3 days after its day raises an alert; migrated history before go-live does not', async () => {
  const net = await createFixtureNetwork();
  net.ok('officer-07', 'scoreDay', { date: '2026-05-29', entries: [day('P1', 1, 1, 1)] });
  assert.equal(net.ledger.state.query(c.alerts, { index: 'byPrisoner', equals: ['P1'] }).length, 0, '3 days late is on time');
  net.ok('officer-07', 'scoreDay', { date: '2026-05-20', entries: [day('P1', 1, 1, 1)] });
  const alerts = net.ledger.state.query(c.alerts, { index: 'byPrisoner', equals: ['P1'] });
  assert.deepEqual(alerts.map((a) => a.doc['rule']), ['PA-02']);
  assert.equal((alerts[0]!.doc['details'] as { daysLate: number }).daysLate, 12);
  const value = net.ok('officer-07', 'scoreDay', { date: '2025-12-01', entries: [day('P1', 1, 1, 1)] }) as { entries: { entryId: string }[] };
  assert.equal(net.ledger.state.get(c.scores, value.entries[0]!.entryId)!.doc['migrated'], true);
  assert.equal(net.ledger.state.query(c.alerts, { index: 'byPrisoner', equals: ['P1'] }).length, 1, 'no alert for migrated history');
});

test('a correction is a new signed entry with the difference; the original is untouched and caps still apply', async () => {
  const net = await createFixtureNetwork();
  const first = net.ok('officer-07', 'scoreDay', { date: '2026-05-31', entries: [day('P1', 2, 2, 2)] }) as { entries: { entryId: string }[] };
  const entryId = first.entries[0]!.entryId;
  const originalBefore = JSON.stringify(net.ledger.state.get(c.scores, entryId));
  const fixed = net.ok('officer-07b', 'correctEntry', { entryId, parts: { supervision: 2, education: 0, labour: 2 }, reason: 'education class was cancelled' }) as { entryId: string; delta: Record<string, number>; balance: number };
  assert.deepEqual(fixed.delta, { supervision: 0, education: -2, labour: 0 });
  assert.equal(fixed.balance, 4);
  assert.equal(JSON.stringify(net.ledger.state.get(c.scores, entryId)), originalBefore, 'original entry is never edited');
  const correction = net.ledger.state.get(c.scores, fixed.entryId)!.doc as ScoreEntryDoc;
  assert.equal(correction.corrects, entryId);
  assert.equal(correction.officer, 'officer-07b@PrisonBureau');
  expectRejected(net, 'officer-07', 'correctEntry', { entryId, parts: { supervision: 2, education: 0, labour: 2 }, reason: 'again' }, 'PRISON_CORRECTION_EMPTY');
  expectRejected(net, 'officer-07', 'correctEntry', { entryId, parts: { supervision: 9, education: 0, labour: 2 }, reason: 'x' }, 'PRISON_SCORE_ABOVE_CAP');
  expectRejected(net, 'officer-07', 'correctEntry', { entryId: 'nope:0', parts: { supervision: 1, education: 0, labour: 2 }, reason: 'x' }, 'PRISON_ENTRY_NOT_FOUND');
  expectRejected(net, 'officer-03', 'correctEntry', { entryId, parts: { supervision: 1, education: 0, labour: 2 }, reason: 'x' }, 'PRISON_OTHER_PRISON');
});

test('closing a month grants the base pro rata and never twice; confinement days earn no base', async () => {
  const net = await createFixtureNetwork();
  expectRejected(net, 'officer-07', 'closeMonth', { month: '2026-06', prisonerIds: ['P1'] }, 'PRISON_MONTH_NOT_ENDED');
  const value = net.ok('officer-07', 'closeMonth', { month: '2026-05', prisonerIds: ['P1'] }) as { granted: { base: number }[] };
  assert.equal(value.granted[0]!.base, 100);
  expectRejected(net, 'officer-07', 'closeMonth', { month: '2026-05', prisonerIds: ['P1'] }, 'PRISON_MONTH_ALREADY_CLOSED');
  expectRejected(net, 'officer-07', 'closeMonth', { month: '2025-01', prisonerIds: ['P1'] }, 'PRISON_DATE_BEFORE_ADMISSION');
  // Admitted 2025-02-01: February 2025 is whole. 10 days of confinement in April 2026: 20 of 30 days.
  net.ok('section-07', 'recordDeduction', { prisonerId: 'P1', date: '2026-04-11', punishment: 'confinement', confinementDays: 10, decisionHash: 'cd'.repeat(32), reason: 'fight' });
  const april = net.ok('officer-07', 'closeMonth', { month: '2026-04', prisonerIds: ['P1'] }) as { granted: { base: number }[] };
  assert.equal(april.granted[0]!.base, 26 + 20 + 20, 'floor(40·20/30) + floor(30·20/30) + floor(30·20/30)');
});

test('deductions for punishments (Prison Law art. 58) and confinement of 7 to 15 days', async () => {
  const net = await createFixtureNetwork();
  const args = (punishment: string, confinementDays?: number) => ({ prisonerId: 'P1', date: '2026-05-20', punishment, ...(confinementDays === undefined ? {} : { confinementDays }), decisionHash: 'cd'.repeat(32), reason: 'r' });
  expectRejected(net, 'section-07', 'recordDeduction', args('confinement', 6), 'PRISON_BAD_CONFINEMENT');
  expectRejected(net, 'section-07', 'recordDeduction', args('confinement', 16), 'PRISON_BAD_CONFINEMENT');
  expectRejected(net, 'section-07', 'recordDeduction', args('warning', 3), 'PRISON_BAD_CONFINEMENT');
  expectRejected(net, 'officer-07', 'recordDeduction', args('warning'), 'ACCESS_DENIED');
  const warning = net.ok('section-07', 'recordDeduction', args('warning')) as { deducted: number; balance: number };
  assert.deepEqual([warning.deducted, warning.balance], [100, -100], 'a negative balance is kept');
  assert.equal((net.ok('section-07', 'recordDeduction', args('demerit')) as { deducted: number }).deducted, 200);
  assert.equal((net.ok('section-07', 'recordDeduction', args('confinement', 7)) as { deducted: number }).deducted, 400);
});

test('special bonus: at most 100 an award and 300 a year', async () => {
  const net = await createFixtureNetwork();
  const args = (date: string, points: number) => ({ prisonerId: 'P1', date, points, reason: 'invention', evidenceHash: 'ee'.repeat(32) });
  expectRejected(net, 'section-07', 'awardSpecialBonus', args('2026-05-01', 101), 'PRISON_BONUS_ABOVE_CAP');
  net.ok('section-07', 'awardSpecialBonus', args('2026-01-05', 100));
  net.ok('section-07', 'awardSpecialBonus', args('2026-02-05', 100));
  net.ok('section-07', 'awardSpecialBonus', args('2026-03-05', 100));
  expectRejected(net, 'section-07', 'awardSpecialBonus', args('2026-04-05', 1), 'PRISON_BONUS_ABOVE_CAP');
  net.ok('section-07', 'awardSpecialBonus', args('2025-12-05', 100));
});

test('600 points fill a cycle; the unit proposes and the prison group grades; a reward reaches the eligibility record', async () => {
  const net = await createFixtureNetwork();
  expectRejected(net, 'section-07', 'proposeGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation', minutesHash: 'aa'.repeat(32) }, 'PRISON_CYCLE_NOT_FULL');
  for (const month of ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06']) net.ok('officer-07', 'closeMonth', { month, prisonerIds: ['P1'] });
  assert.equal(net.ledger.state.get(c.cycles, 'P1/1'), undefined, '500 points: still open');
  net.ok('officer-07', 'closeMonth', { month: '2025-07', prisonerIds: ['P1'] });
  assert.equal(net.ledger.state.get(c.cycles, 'P1/1')!.doc['status'], 'full');
  assert.deepEqual(prisoner(net, 'P1').points, { balance: 600, cycleNo: 2, cycleStart: 600, punished: false });
  net.ok('section-07', 'proposeGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation', minutesHash: 'aa'.repeat(32) });
  expectRejected(net, 'officer-07', 'confirmGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation' }, 'ACCESS_DENIED');
  net.ok('head-07', 'confirmGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation' });
  const p1 = prisoner(net, 'P1');
  assert.deepEqual(p1.commendations, ['2026-06-01']);
  assert.equal(net.ledger.state.get(c.cycles, 'P1/1')!.doc['gradedBy'], 'head-07@PrisonBureau');
});

test('a punished cycle gets no reward grade; proposer and grader must differ', async () => {
  const net = await createFixtureNetwork();
  net.ok('section-07', 'recordDeduction', { prisonerId: 'P1', date: '2025-03-03', punishment: 'warning', decisionHash: 'cd'.repeat(32), reason: 'r' });
  for (const month of ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08']) net.ok('officer-07', 'closeMonth', { month, prisonerIds: ['P1'] });
  assert.equal(net.ledger.state.get(c.cycles, 'P1/1')!.doc['punished'], true);
  expectRejected(net, 'section-07', 'proposeGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'material-reward', minutesHash: 'aa'.repeat(32) }, 'PRISON_GRADE_NOT_ALLOWED');
  net.ok('section-07', 'proposeGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'none', minutesHash: 'aa'.repeat(32) });
  expectRejected(net, 'head-07', 'confirmGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation' }, 'PRISON_GRADE_NOT_ALLOWED');
  net.ok('head-07', 'confirmGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'none' });
});

test('the same person may not propose and confirm a grade', async () => {
  const net = await createFixtureNetwork();
  // One member holding both roles of the two groups.
  const both = await import('../testing/prison-test-network.ts');
  const other = await both.createPrisonTestNetwork({
    start: '2026-06-01',
    members: [
      { memberId: 'bureau-1', org: 'PrisonBureau', roles: ['bureau.official'] },
      { memberId: 'p07', org: 'PrisonBureau', roles: ['prison.penalty-execution', 'prison.section-head', 'prison.officer'], attributes: { prison: 'JS-07' } },
    ],
  });
  const { prisonArgs, admitArgs } = await import('../testing/prison-fixtures.ts');
  other.ok('bureau-1', 'registerPrison', prisonArgs('JS-07'));
  other.ok('p07', 'admitPrisoner', admitArgs('P1'));
  for (const month of ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07']) other.ok('p07', 'closeMonth', { month, prisonerIds: ['P1'] });
  other.ok('p07', 'proposeGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation', minutesHash: 'aa'.repeat(32) });
  expectRejected(other, 'p07', 'confirmGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation' }, 'PRISON_SAME_PERSON');
  assert.ok(net);
});

test('management levels are data; an unknown level is refused', async () => {
  const net = await createFixtureNetwork();
  assert.equal(prisoner(net, 'P1').level, 'probation');
  net.ok('section-07', 'setManagementLevel', { prisonerId: 'P1', level: 'lenient', reason: 'two commendations' });
  expectRejected(net, 'section-07', 'setManagementLevel', { prisonerId: 'P1', level: 'vip', reason: 'x' }, 'PRISON_UNKNOWN_LEVEL');
  assert.equal(net.ledger.state.query(c.levels, { index: 'byPrisoner', equals: ['P1'] }).length, 2, 'history kept: admission + change');
});

test('rules are versioned: a new version is published, the old one stays, entries name theirs', async () => {
  const net = await createFixtureNetwork();
  const next = { ...moj2021PointsRules, version: 2, dailyPlusMax: 3 };
  expectRejected(net, 'bureau-1', 'setPointsRules', { params: { ...next, version: 3 } }, 'PRISON_RULES_VERSION');
  expectRejected(net, 'bureau-1', 'setPointsRules', { params: { ...next, confinementDays: { min: 9, max: 8 } } }, 'PRISON_RULES_INVALID');
  expectRejected(net, 'officer-07', 'setPointsRules', { params: next }, 'ACCESS_DENIED');
  net.ok('bureau-1', 'setPointsRules', { params: next });
  expectRejected(net, 'officer-07', 'scoreDay', { date: '2026-05-31', entries: [day('P1', 4, 0, 0)] }, 'PRISON_SCORE_ABOVE_CAP');
  const value = net.ok('officer-07', 'scoreDay', { date: '2026-05-31', entries: [day('P1', 3, 0, 0)] }) as { entries: { entryId: string }[] };
  assert.equal(net.ledger.state.get(c.scores, value.entries[0]!.entryId)!.doc['rules'], 'cn-moj-2021@2');
  assert.ok(net.ledger.state.get(c.config, 'points-rules@2'));
});
