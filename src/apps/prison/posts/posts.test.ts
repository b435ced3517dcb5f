import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prisonCollections as c } from '../collections.ts';
import { createFixtureNetwork, expectRejected } from '../testing/prison-fixtures.ts';

test('post rotation: history kept, cooling-off enforced, PA-07 once when tenure runs out', async () => {
  const net = await createFixtureNetwork();
  expectRejected(net, 'posts-07', 'assignPost', { officer: 'officer-07', prison: 'JS-07', post: 'astronaut', from: '2023-01-01' }, 'PRISON_UNKNOWN_POST');
  expectRejected(net, 'posts-07', 'assignPost', { officer: 'officer-03', prison: 'JS-03', post: 'money', from: '2023-01-01' }, 'PRISON_OTHER_PRISON');
  net.ok('posts-07', 'assignPost', { officer: 'officer-07', prison: 'JS-07', post: 'money', from: '2023-01-01' });
  const first = net.ok('officer-07b', 'checkPostTenure', { officer: 'officer-07' }) as { alert: string | null; due: string };
  assert.equal(first.due, '2026-01-01');
  assert.notEqual(first.alert, null, '36 months on the money post are over');
  assert.equal((net.ok('officer-07b', 'checkPostTenure', { officer: 'officer-07' }) as { alert: string | null }).alert, null, 'raised once');
  net.ok('posts-07', 'assignPost', { officer: 'officer-07', prison: 'JS-07', post: 'unit-officer', from: '2026-02-01' });
  expectRejected(net, 'posts-07', 'assignPost', { officer: 'officer-07', prison: 'JS-07', post: 'money', from: '2026-05-01' }, 'PRISON_POST_COOLING_OFF');
  const history = net.ledger.state.query(c.posts, { index: 'byOfficer', equals: ['officer-07'] }).map((d) => [d.doc['post'], d.doc['from'], d.doc['to']]);
  assert.deepEqual(history, [['money', '2023-01-01', '2026-02-01'], ['unit-officer', '2026-02-01', null]]);
  expectRejected(net, 'judge-1', 'checkPostTenure', { officer: 'officer-07' }, 'ACCESS_DENIED');
});
