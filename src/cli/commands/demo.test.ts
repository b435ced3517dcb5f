import assert from 'node:assert/strict';
import test from 'node:test';
import { assertHistoryResumable } from './demo.ts';

const day = 86_400_000;
const stoppedAt = Date.UTC(2026, 5, 12, 10);

test('an interrupted history continues when the ledger holds nothing after its own clock', () => {
  assertHistoryResumable({ clockAt: stoppedAt }, stoppedAt, 'd');
  // Blocks the run itself committed after its last progress write are within the day.
  assertHistoryResumable({ clockAt: stoppedAt }, stoppedAt + day, 'd');
});

test('an interrupted history whose directory was served in between is refused, naming both times', () => {
  assert.throws(() => assertHistoryResumable({ clockAt: stoppedAt }, stoppedAt + 30 * day, '/data/province'), {
    code: 'NODE_DEMO_LEDGER_AFTER_HISTORY',
    message: /\/data\/province[\s\S]*2026-07-12[\s\S]*2026-06-12[\s\S]*new data directory/,
  });
});

test('a finished history, or progress from before the clock was recorded, is never refused for later blocks', () => {
  assertHistoryResumable({ clockAt: stoppedAt, finished: true }, stoppedAt + 300 * day, 'd');
  assertHistoryResumable({}, stoppedAt + 300 * day, 'd');
});
