import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prisonCollections as c } from '../collections.ts';
import { admitArgs, createFixtureNetwork, expectRejected } from '../testing/prison-fixtures.ts';

const proposal = (overrides: Record<string, unknown> = {}) => ({
  caseId: 'CASE-1',
  prisonerId: 'P1',
  kind: 'commutation',
  proposedOn: '2026-08-01',
  reduction: { kind: 'by', months: 6 },
  proposer: 'officer-07@PrisonBureau',
  reviewers: ['section-07@PrisonBureau', 'head-07@PrisonBureau'],
  hearingHeld: null,
  ...overrides,
});

const rules = (net: Awaited<ReturnType<typeof createFixtureNetwork>>, value: unknown) =>
  (value as { alerts: string[] }).alerts.map((id) => String(net.ledger.state.get(c.alerts, id)!.doc['rule']));

async function withCommendation() {
  const net = await createFixtureNetwork('2026-07-20');
  for (const month of ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07']) net.ok('officer-07', 'closeMonth', { month, prisonerIds: ['P1'] });
  net.ok('section-07', 'proposeGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation', minutesHash: 'aa'.repeat(32) });
  net.ok('head-07', 'confirmGrade', { prisonerId: 'P1', cycleNo: 1, grade: 'commendation' });
  net.setDate('2026-08-10');
  return net;
}

test('a proposal on time, within the maximum, with distinct people raises nothing', async () => {
  const net = await withCommendation();
  assert.deepEqual(rules(net, net.ok('penalty-07', 'checkProposal', proposal())), []);
});

test('PA-04 proposal before eligibility; PA-03 reduction above the maximum; PA-05 same officer proposing and reviewing', async () => {
  const net = await withCommendation();
  assert.deepEqual(rules(net, net.ok('penalty-07', 'checkProposal', proposal({ proposedOn: '2026-07-31' }))), ['PA-04']);
  assert.deepEqual(rules(net, net.ok('penalty-07', 'checkProposal', proposal({ reduction: { kind: 'by', months: 10 } }))), ['PA-03']);
  assert.deepEqual(rules(net, net.ok('penalty-07', 'checkProposal', proposal({ reviewers: ['officer-07@PrisonBureau'] }))), ['PA-05']);
  const none = await createFixtureNetwork('2026-08-10');
  assert.deepEqual(rules(none, none.ok('penalty-07', 'checkProposal', proposal())), ['PA-03'], 'no commendation: no grounds for any reduction');
  const alert = net.ledger.state.query(c.alerts, { index: 'byRule', equals: ['PA-04'] })[0]!.doc;
  assert.equal(alert['ruleVersion'], 'cn-spc-2016+2019+2024@1');
  assert.match(String(alert['message']), /SPC 2016 art\. 6/);
});

test('PA-04 for parole before half the term; PA-06 strict-category case without a hearing', async () => {
  const net = await createFixtureNetwork('2026-08-10');
  assert.deepEqual(rules(net, net.ok('penalty-07', 'checkProposal', proposal({ kind: 'parole', reduction: null }))), ['PA-04']);
  const duty = admitArgs('P2');
  const sentence = duty['sentence'] as { convictions: { categories: string[] }[] };
  sentence.convictions[0]!.categories = ['duty'];
  net.ok('penalty-07', 'admitPrisoner', duty);
  assert.deepEqual(rules(net, net.ok('judge-1', 'checkProposal', proposal({ prisonerId: 'P2', hearingHeld: false, proposedOn: '2027-02-01', reduction: null }))), ['PA-06']);
  assert.deepEqual(rules(net, net.ok('judge-1', 'checkProposal', proposal({ prisonerId: 'P2', hearingHeld: true, proposedOn: '2027-02-01', reduction: null }))), []);
});

test('alerts are closed by the procuratorate with a reason, once', async () => {
  const net = await createFixtureNetwork('2026-08-10');
  const [id] = (net.ok('penalty-07', 'checkProposal', proposal({ proposedOn: '2026-07-31' })) as { alerts: string[] }).alerts;
  expectRejected(net, 'officer-07', 'closeAlert', { alertId: id!, reason: 'x' }, 'ACCESS_DENIED');
  expectRejected(net, 'prosecutor-1', 'closeAlert', { alertId: 'nope', reason: 'x' }, 'PRISON_ALERT_NOT_FOUND');
  net.ok('prosecutor-1', 'closeAlert', { alertId: id!, reason: 'proposal withdrawn' });
  expectRejected(net, 'prosecutor-1', 'closeAlert', { alertId: id!, reason: 'again' }, 'PRISON_ALERT_CLOSED');
  assert.equal(net.ledger.state.get(c.alerts, id!)!.doc['status'], 'closed');
});
