import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createFixtureNetwork, expectRejected } from '../testing/prison-fixtures.ts';

test('deposits and spending in fen, within the month\'s limit of the management level', async () => {
  const net = await createFixtureNetwork();
  expectRejected(net, 'officer-07', 'deposit', { prisonerId: 'P1', amountFen: 100, source: 'family', reference: 'R' }, 'ACCESS_DENIED');
  net.ok('money-07', 'deposit', { prisonerId: 'P1', amountFen: 100_000, source: 'family', reference: 'R-1' });
  expectRejected(net, 'money-07', 'spend', { prisonerId: 'P1', amountFen: 100_001, purpose: 'medical', note: '' }, 'PRISON_INSUFFICIENT_FUNDS');
  // probation (考察): 30,000 fen a month.
  net.ok('money-07', 'spend', { prisonerId: 'P1', amountFen: 20_000, purpose: 'canteen', note: 'soap' });
  expectRejected(net, 'money-07', 'spend', { prisonerId: 'P1', amountFen: 10_001, purpose: 'canteen', note: '' }, 'PRISON_SPENDING_LIMIT');
  net.ok('money-07', 'spend', { prisonerId: 'P1', amountFen: 40_000, purpose: 'medical', note: 'not limited' });
  net.ok('section-07', 'setManagementLevel', { prisonerId: 'P1', level: 'lenient', reason: 'r' });
  const value = net.ok('money-07', 'spend', { prisonerId: 'P1', amountFen: 30_000, purpose: 'canteen', note: '' }) as { balanceFen: number; spentThisMonthFen: number };
  assert.deepEqual(value, { balanceFen: 10_000, spentThisMonthFen: 50_000 });
  net.setDate('2026-07-01');
  net.ok('money-07', 'spend', { prisonerId: 'P1', amountFen: 10_000, purpose: 'canteen', note: 'new month' });
  expectRejected(net, 'money-07', 'spend', { prisonerId: 'P3', amountFen: 1, purpose: 'canteen', note: '' }, 'PRISON_OTHER_PRISON', 'P3');
});
