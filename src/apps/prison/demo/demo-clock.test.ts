import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chinaDay, chinaTime, createDemoClock } from './demo-clock.ts';

test('the demo clock stands still between moves and never goes backwards', () => {
  const clock = createDemoClock(chinaTime('2026-01-05', 9));
  assert.equal(clock.now(), Date.parse('2026-01-05T01:00:00Z'));
  assert.equal(clock.now(), clock.now(), 'no drift between moves');
  clock.advanceTo(chinaTime('2026-01-06', 18));
  assert.equal(chinaDay(clock.now()), '2026-01-06');
  assert.equal(clock.advanceTo(chinaTime('2026-01-01', 0)), chinaTime('2026-01-06', 18), 'an earlier time leaves it where it is');
});

test('China days: 23:30 UTC is already the next day in Beijing', () => {
  assert.equal(chinaDay(Date.parse('2026-03-13T23:30:00Z')), '2026-03-14');
  assert.equal(chinaTime('2026-03-14', 0), Date.parse('2026-03-13T16:00:00Z'));
});
