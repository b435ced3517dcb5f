import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prisonCollections as c } from '../collections.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { createFixtureNetwork, expectRejected } from '../testing/prison-fixtures.ts';

/** P1 with two graded commendations (repentance, SPC 2016 art. 3) so a reduction has grounds. */
async function withCommendations() {
  const net = await createFixtureNetwork('2026-07-20');
  for (const month of ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']) {
    net.ok('officer-07', 'closeMonth', { month, prisonerIds: ['P1'] });
  }
  for (const n of [1, 2]) {
    net.ok('section-07', 'proposeGrade', { prisonerId: 'P1', cycleNo: n, grade: 'commendation', minutesHash: 'aa'.repeat(32) });
    net.ok('head-07', 'confirmGrade', { prisonerId: 'P1', cycleNo: n, grade: 'commendation' });
  }
  net.setDate('2026-08-10');
  return net;
}

const ruling = (months: number) => ({ kind: 'reduction', months, rulingDate: '2026-08-05', servedDate: '2026-08-08' });

test('a ruling recalculates the term, release date and next dates, keeping before and after', async () => {
  const net = await withCommendations();
  const before = net.ledger.state.get(c.prisoners, 'P1')!.doc as PrisonerDoc;
  const value = net.ok('judge-1', 'recordRuling', { prisonerId: 'P1', caseId: '(2026)苏01刑更1123号', ruling: ruling(9) }) as { before: { expectedRelease: string }; after: { expectedRelease: string; nextCommutation: string } };
  const after = net.ledger.state.get(c.prisoners, 'P1')!.doc as PrisonerDoc;
  assert.equal(before.expectedRelease, '2032-10-03');
  assert.equal(value.after.expectedRelease, '2032-01-03', '9 months earlier');
  assert.equal(after.expectedRelease, '2032-01-03');
  assert.equal(after.commutations.length, 1);
  assert.equal(value.after.nextCommutation, '2027-08-08', 'SPC 2016 art. 6 ¶3: interval of 1 year from service (art. 40 ¶2)');
  const record = net.ledger.state.query(c.rulings, { index: 'byPrisoner', equals: ['P1'] })[0]!.doc;
  assert.equal((record['before'] as { expectedRelease: string }).expectedRelease, '2032-10-03');
  assert.equal((record['judgement'] as { ruleVersion: string }).ruleVersion, 'cn-spc-2016+2019+2024@1');
  expectRejected(net, 'judge-1', 'recordRuling', { prisonerId: 'P1', caseId: '(2026)苏01刑更1123号', ruling: ruling(1) }, 'PRISON_RULING_EXISTS');
});

test('a ruling that reduces more than the law allows is refused and writes nothing', async () => {
  const net = await withCommendations();
  const message = expectRejected(net, 'judge-1', 'recordRuling', { prisonerId: 'P1', caseId: 'C-1', ruling: ruling(10) }, 'PRISON_REDUCTION_ABOVE_MAXIMUM');
  assert.match(message, /at most 9 months/);
  expectRejected(net, 'judge-1', 'recordRuling', { prisonerId: 'P1', caseId: 'C-1', ruling: { ...ruling(3), servedDate: '2026-08-11' } }, 'PRISON_DATE_IN_FUTURE');
  expectRejected(net, 'judge-1', 'recordRuling', { prisonerId: 'P1', caseId: 'C-1', ruling: { ...ruling(3), servedDate: '2026-08-01' } }, 'PRISON_SENTENCE_INVALID');
  expectRejected(net, 'clerk-1', 'recordRuling', { prisonerId: 'P1', caseId: 'C-1', ruling: ruling(3) }, 'ACCESS_DENIED');
  expectRejected(net, 'penalty-07', 'recordRuling', { prisonerId: 'P1', caseId: 'C-1', ruling: ruling(3) }, 'ACCESS_DENIED');
  expectRejected(net, 'judge-1', 'recordRuling', { prisonerId: 'NOPE', caseId: 'C-1', ruling: ruling(3) }, 'PRISON_UNKNOWN_PRISONER');
});

test('no grounds (no commendation) means no reduction', async () => {
  const net = await createFixtureNetwork('2026-08-10');
  expectRejected(net, 'judge-1', 'recordRuling', { prisonerId: 'P1', caseId: 'C-1', ruling: ruling(3) }, 'PRISON_COMMUTATION_BARRED');
});
