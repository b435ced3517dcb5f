// fast-check runs that replay: the seed comes from FC_SEED when set, and a
// failure names the seed (and fast-check's path) so `FC_SEED=… npm test` repeats it.
import assert from 'node:assert/strict';
import fc from 'fast-check';

const fromEnv = process.env['FC_SEED'];
export const fcSeed = fromEnv !== undefined && fromEnv !== '' ? Number(fromEnv) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;

/** `fc.assert` with the shared seed; on failure the message starts with `FC_SEED=<seed>` and says how to replay `tests`. */
export function assertProperty<T>(property: fc.IProperty<T>, numRuns = 100, tests = 'src/merkle'): void {
  try {
    fc.assert(property, { seed: fcSeed, numRuns });
  } catch (error: unknown) {
    const detail = error instanceof Error ? error.message : String(error);
    assert.fail(`FC_SEED=${String(fcSeed)} (replay: FC_SEED=${String(fcSeed)} npm test -- ${tests})\n${detail}`);
  }
}
