import type { KeyObject } from 'node:crypto';

/**
 * PERF: turning an encoded public key into a KeyObject costs more than an
 * Ed25519 verification, and the same few thousand members sign over and over,
 * so parsed keys are kept in a bounded map (oldest dropped first).
 */
export function createKeyCache(parse: (publicKey: string) => KeyObject | undefined, capacity = 10_000) {
  const cache = new Map<string, KeyObject | null>();
  return (publicKey: string): KeyObject | undefined => {
    const hit = cache.get(publicKey);
    if (hit !== undefined) return hit ?? undefined;
    const parsed = parse(publicKey);
    if (cache.size >= capacity) cache.delete(cache.keys().next().value!);
    cache.set(publicKey, parsed ?? null);
    return parsed;
  };
}
