/**
 * fast-check parameters for this module's property tests: set FC_SEED (and
 * FC_RUNS) to replay a failure that fast-check reported with its seed.
 */
export function fastCheckParameters(): { seed?: number; numRuns: number } {
  const seed = process.env.FC_SEED;
  const numRuns = Number(process.env.FC_RUNS ?? 300);
  return seed === undefined ? { numRuns } : { seed: Number(seed), numRuns };
}
