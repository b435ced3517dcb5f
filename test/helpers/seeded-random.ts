// Seeded randomness for the cross-cutting tests. The seed comes from
// CUSTOS_TEST_SEED (or FC_SEED, shared with the fast-check tests) when set,
// and every failure names it, so `CUSTOS_TEST_SEED=<seed> npm test -- test/x`
// replays the same choices.
import assert from 'node:assert/strict';

/** The run's seed: CUSTOS_TEST_SEED, else FC_SEED, else a fresh one. */
export function testSeed(): number {
  for (const name of ['CUSTOS_TEST_SEED', 'FC_SEED']) {
    const text = process.env[name];
    if (text !== undefined && text !== '') {
      const seed = Number(text);
      assert.ok(Number.isSafeInteger(seed), `${name} must be an integer, got ${text}`);
      return seed >>> 0;
    }
  }
  return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) >>> 0;
}

export interface SeededRandom {
  readonly seed: number;
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Uint8Array;
  /** `bytes` random bytes as lowercase hex. */
  hex(bytes: number): string;
}

/** sfc32, seeded through splitmix32: small, fast and the same on every machine. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 12; i++) nextUint32();
  const next = (): number => nextUint32() / 2 ** 32;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const bytes = (length: number): Uint8Array => Uint8Array.from({ length }, () => nextUint32() & 0xff);
  return {
    seed,
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      assert.ok(items.length > 0, 'pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    bytes,
    hex: (length) => Buffer.from(bytes(length)).toString('hex'),
  };
}

/** How to replay a failing run of `file`. */
export function replayHint(seed: number, file: string): string {
  return `seed ${seed} — replay with CUSTOS_TEST_SEED=${seed} npm test -- ${file}`;
}

/** Runs `body`; a failure is rethrown with the seed and the replay command in front. */
export async function withSeed<T>(seed: number, file: string, body: () => Promise<T> | T): Promise<T> {
  try {
    return await body();
  } catch (error: unknown) {
    const hint = replayHint(seed, file);
    if (error instanceof Error) {
      error.message = `[${hint}]\n${error.message}`;
      throw error;
    }
    throw new Error(`[${hint}] ${String(error)}`);
  }
}
