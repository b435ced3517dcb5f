import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPossessionChallenges } from './possession-challenges.ts';

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

test('a challenge is answered once, by the member it was issued to, before it expires', () => {
  const c = clock();
  const challenges = createPossessionChallenges({ ttlMs: 1000, maxOutstanding: 100 }, c.now);
  const first = challenges.issue('Court/judge-1');
  assert.equal(first.expiresAt, 1_001_000);
  assert.equal(challenges.take(first.challenge, 'Court/judge-1'), true, 'first answer');
  assert.equal(challenges.take(first.challenge, 'Court/judge-1'), false, 'second answer: used up');

  const second = challenges.issue('Court/judge-1');
  assert.equal(challenges.take(second.challenge, 'Court/clerk-1'), false, 'another member');
  assert.equal(challenges.take(second.challenge, 'Court/judge-1'), false, 'a wrong holder used it up');

  const third = challenges.issue('Court/judge-1');
  c.advance(1000);
  assert.equal(challenges.take(third.challenge, 'Court/judge-1'), false, 'expired at expiresAt');
  assert.equal(challenges.take('never-issued', 'Court/judge-1'), false, 'never issued');
});

test('expired challenges are dropped and at most maxOutstanding are kept, oldest first', () => {
  const c = clock();
  const challenges = createPossessionChallenges({ ttlMs: 1000, maxOutstanding: 3 }, c.now);
  const issued = [1, 2, 3, 4].map(() => challenges.issue('Org/m').challenge);
  assert.equal(challenges.size(), 3);
  assert.equal(challenges.take(issued[0]!, 'Org/m'), false, 'the oldest was dropped');
  assert.equal(challenges.take(issued[3]!, 'Org/m'), true, 'the newest is kept');
  c.advance(2000);
  challenges.issue('Org/m');
  assert.equal(challenges.size(), 1, 'expired ones pruned on the next issue');
  assert.notEqual(issued[1], issued[2], 'challenges are random');
});
