import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prisonCollections as c } from '../collections.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { admitArgs, createFixtureNetwork, expectRejected, prisonArgs } from '../testing/prison-fixtures.ts';

const doc = (net: Awaited<ReturnType<typeof createFixtureNetwork>>, id: string) => net.ledger.state.get(c.prisoners, id)!.doc as PrisonerDoc;

test('admission: the row carries facts, a salted hash of personal data and the computed dates', async () => {
  const net = await createFixtureNetwork();
  const p1 = doc(net, 'P1');
  assert.equal(p1.personalDataHash, 'ab'.repeat(32));
  assert.equal(JSON.stringify(p1).includes('name'), false, 'no name on the ledger');
  assert.equal(p1.expectedRelease, '2032-10-03', '96 months from 2024-10-04 (120 days of custody credited)');
  assert.equal(p1.nextEligibility.commutation, '2026-08-01', 'SPC 2016 art. 6 ¶1: 5-10 years, first after 18 months from delivery');
  assert.equal(p1.nextEligibility.parole, '2028-10-04', 'Criminal Law art. 81: half of 96 months');
  assert.equal(p1.nextEligibility.ruleVersion, 'cn-spc-2016+2019+2024@1');
  assert.equal(net.ledger.state.query(c.movements, { index: 'byPrisoner', equals: ['P1'] })[0]!.doc['kind'], 'admission');
});

test('admission rejections', async () => {
  const net = await createFixtureNetwork();
  expectRejected(net, 'penalty-07', 'admitPrisoner', admitArgs('P1'), 'PRISON_PRISONER_EXISTS');
  expectRejected(net, 'penalty-07', 'admitPrisoner', admitArgs('P9', 'JS-03'), 'PRISON_OTHER_PRISON', 'P9');
  expectRejected(net, 'penalty-07', 'admitPrisoner', admitArgs('P9', 'JS-07', { unit: 'ZZ' }), 'PRISON_UNKNOWN_PRISON', 'P9');
  expectRejected(net, 'penalty-07', 'admitPrisoner', admitArgs('P9', 'JS-07', { admittedOn: '2026-06-02' }), 'PRISON_DATE_IN_FUTURE', 'P9');
  expectRejected(net, 'officer-07', 'admitPrisoner', admitArgs('P9'), 'ACCESS_DENIED', 'P9');
  const bad = admitArgs('P9');
  const sentence = { ...(bad['sentence'] as Record<string, unknown>), executionStartDate: '2024-01-01' };
  expectRejected(net, 'penalty-07', 'admitPrisoner', { ...bad, sentence }, 'PRISON_ELIGIBILITY_HISTORY_INCONSISTENT', 'P9');
  expectRejected(net, 'bureau-1', 'registerPrison', prisonArgs('JS-07'), 'PRISON_PRISON_EXISTS');
});

test('transfer between prisons by the bureau; the new prison\'s officers take over', async () => {
  const net = await createFixtureNetwork();
  expectRejected(net, 'penalty-07', 'transferPrisoner', { prisonerId: 'P1', toPrison: 'JS-03', toUnit: 'D1', date: '2026-05-30', reason: 'r' }, 'ACCESS_DENIED');
  expectRejected(net, 'bureau-1', 'transferPrisoner', { prisonerId: 'P1', toPrison: 'JS-07', toUnit: 'D1', date: '2026-05-30', reason: 'r' }, 'PRISON_SAME_PRISON');
  expectRejected(net, 'bureau-1', 'transferPrisoner', { prisonerId: 'P1', toPrison: 'JS-99', toUnit: 'D1', date: '2026-05-30', reason: 'r' }, 'PRISON_UNKNOWN_PRISON');
  net.ok('bureau-1', 'transferPrisoner', { prisonerId: 'P1', toPrison: 'JS-03', toUnit: 'D1', date: '2026-05-30', reason: 'specialised workshop' });
  assert.equal(doc(net, 'P1').prison, 'JS-03');
  expectRejected(net, 'officer-07', 'scoreDay', { date: '2026-05-31', entries: [{ prisonerId: 'P1', parts: { supervision: 1, education: 1, labour: 1 }, reason: '' }] }, 'PRISON_OTHER_PRISON');
  net.ok('officer-03', 'scoreDay', { date: '2026-05-31', entries: [{ prisonerId: 'P1', parts: { supervision: 1, education: 1, labour: 1 }, reason: '' }] });
  assert.deepEqual(net.ledger.state.query(c.movements, { index: 'byPrisoner', equals: ['P1'] }).map((m) => m.doc['kind']).sort(), ['admission', 'transfer-in', 'transfer-out']);
});

test('release ends custody; nothing more can be scored', async () => {
  const net = await createFixtureNetwork();
  net.ok('penalty-07', 'releasePrisoner', { prisonerId: 'P1', date: '2026-05-31', kind: 'parole', documentHash: 'dd'.repeat(32) });
  assert.equal(doc(net, 'P1').status, 'released');
  expectRejected(net, 'officer-07', 'scoreDay', { date: '2026-05-31', entries: [{ prisonerId: 'P1', parts: { supervision: 1, education: 1, labour: 1 }, reason: '' }] }, 'PRISON_NOT_IN_CUSTODY');
  expectRejected(net, 'penalty-07', 'releasePrisoner', { prisonerId: 'P1', date: '2026-05-31', kind: 'parole', documentHash: 'dd'.repeat(32) }, 'PRISON_NOT_IN_CUSTODY');
});

test('property judgments: an able prisoner who does not pay has no commutation date; paying restores it after six months (SPC 2024 arts. 4, 6)', async () => {
  const net = await createFixtureNetwork();
  const judgment = { prisonerId: 'P1', judgmentId: 'F-1', kind: 'fine', amountFen: 500_000, ability: 'able', judgmentHash: 'aa'.repeat(32) };
  expectRejected(net, 'officer-07', 'recordPropertyJudgment', judgment, 'ACCESS_DENIED');
  net.ok('clerk-1', 'recordPropertyJudgment', judgment);
  expectRejected(net, 'clerk-1', 'recordPropertyJudgment', judgment, 'PRISON_PROPERTY_EXISTS');
  assert.equal(doc(net, 'P1').property.state, 'able-unpaid');
  net.ok('money-07', 'deposit', { prisonerId: 'P1', amountFen: 600_000, source: 'family', reference: 'R-1' });
  expectRejected(net, 'money-07', 'recordPropertyPayment', { prisonerId: 'P1', judgmentId: 'F-1', amountFen: 500_001, date: '2026-06-01', fromAccount: true }, 'PRISON_OVERPAYMENT');
  expectRejected(net, 'money-07', 'recordPropertyPayment', { prisonerId: 'P1', judgmentId: 'F-2', amountFen: 1, date: '2026-06-01', fromAccount: true }, 'PRISON_PROPERTY_NOT_FOUND');
  net.ok('money-07', 'recordPropertyPayment', { prisonerId: 'P1', judgmentId: 'F-1', amountFen: 500_000, date: '2026-06-01', fromAccount: true });
  const p1 = doc(net, 'P1');
  assert.deepEqual(p1.property, { state: 'performed', refusalEndedOn: '2026-06-01' });
  assert.equal(p1.nextEligibility.commutation, '2026-12-01', 'six months after the refusal ended');
  assert.equal((net.ledger.state.get(c.accounts, 'P1')!.doc as { balanceFen: number }).balanceFen, 100_000);
});
