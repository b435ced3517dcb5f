import { randomBytes } from 'node:crypto';
import { bytesToBase64url } from '../../crypto/bytes.ts';

export interface PossessionChallengesOptions {
  /** How long a challenge may be answered. */
  ttlMs: number;
  /** Outstanding challenges kept at most; the oldest are dropped first. */
  maxOutstanding: number;
}

export const defaultPossessionChallengesOptions: PossessionChallengesOptions = { ttlMs: 5 * 60_000, maxOutstanding: 10_000 };

export interface PossessionChallenge {
  challenge: string;
  expiresAt: number;
}

/**
 * Single-use challenges for key-possession proofs, each bound to the member
 * it was issued to (`org/memberId`). In memory, like sessions: a restarted
 * node has forgotten them and the console simply asks for another.
 */
export function createPossessionChallenges(options: PossessionChallengesOptions = defaultPossessionChallengesOptions, now: () => number = Date.now) {
  // Map iteration order is insertion order: the first entries are the oldest.
  const outstanding = new Map<string, { holder: string; expiresAt: number }>();

  function prune(time: number): void {
    for (const [challenge, entry] of outstanding) {
      if (entry.expiresAt > time && outstanding.size < options.maxOutstanding) break;
      outstanding.delete(challenge);
    }
  }

  return {
    issue(holder: string): PossessionChallenge {
      const time = now();
      prune(time);
      const challenge = bytesToBase64url(randomBytes(32));
      const expiresAt = time + options.ttlMs;
      outstanding.set(challenge, { holder, expiresAt });
      return { challenge, expiresAt };
    },

    /** True once for a live challenge issued to `holder`; any answer uses it up, right or wrong. */
    take(challenge: string, holder: string): boolean {
      const entry = outstanding.get(challenge);
      if (entry === undefined) return false;
      outstanding.delete(challenge);
      return entry.holder === holder && entry.expiresAt > now();
    },

    size: () => outstanding.size,
  };
}

export type PossessionChallenges = ReturnType<typeof createPossessionChallenges>;
