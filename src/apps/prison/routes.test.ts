import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { prisonRoutes } from './routes.ts';
import { chinaMorning } from './testing/prison-test-network.ts';
import { createFixtureNetwork } from './testing/prison-fixtures.ts';

test('read routes: prisoner, scores, eligibility with reasons, account, alerts; stable codes for unknowns', async () => {
  const net = await createFixtureNetwork();
  net.ok('officer-07', 'scoreDay', { date: '2026-05-20', entries: [{ prisonerId: 'P1', parts: { supervision: 1, education: 1, labour: 1 }, reason: '' }] });
  net.ok('money-07', 'deposit', { prisonerId: 'P1', amountFen: 5000, source: 'family', reference: 'R-1' });
  const app = Fastify();
  await app.register(prisonRoutes(net, { now: () => chinaMorning('2026-06-01') }));

  const prisoner = await app.inject({ method: 'GET', url: '/v1/prison/prisoners/P1' });
  assert.equal(prisoner.statusCode, 200);
  assert.equal(prisoner.json().expectedRelease, '2032-10-03');
  assert.equal(prisoner.json().movements.length, 1);

  const scores = await app.inject({ method: 'GET', url: '/v1/prison/prisoners/P1/scores?from=2026-05-01' });
  assert.equal(scores.json().balance, 3);
  assert.equal(scores.json().entries.length, 1);

  const eligibility = (await app.inject({ method: 'GET', url: '/v1/prison/prisoners/P1/eligibility' })).json();
  assert.equal(eligibility.commutation.asOf, '2026-06-01');
  assert.equal(eligibility.commutation.earliestProposal.date, '2026-08-01');
  assert.ok(eligibility.commutation.earliestProposal.reasons.some((r: { article: string }) => r.article === 'SPC 2016 art. 6 ¶1'));

  const account = (await app.inject({ method: 'GET', url: '/v1/prison/prisoners/P1/account' })).json();
  assert.equal(account.account.balanceFen, 5000);

  const alerts = (await app.inject({ method: 'GET', url: '/v1/prison/alerts?prison=JS-07&status=open' })).json();
  assert.deepEqual(alerts.alerts.map((a: { rule: string }) => a.rule), ['PA-02']);

  const missing = await app.inject({ method: 'GET', url: '/v1/prison/prisoners/NOPE' });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().code, 'PRISON_UNKNOWN_PRISONER');
  assert.equal(missing.headers['content-type'], 'application/problem+json; charset=utf-8');
  const prisons = (await app.inject({ method: 'GET', url: '/v1/prison/prisons' })).json();
  assert.deepEqual(prisons.prisons.map((p: { id: string }) => p.id), ['JS-03', 'JS-07']);
  await app.close();
});
