import type { KV } from '@nats-io/kv';
import { setTimeout as sleep } from 'node:timers/promises';

export interface CutterLeaseOptions {
  /** How often the holder renews (well under the bucket's TTL). */
  renewEveryMs: number;
  /** How often others try to take a free lease. */
  campaignEveryMs: number;
}

export const defaultCutterLeaseOptions: CutterLeaseOptions = { renewEveryMs: 400, campaignEveryMs: 250 };

export interface CutterLeaseModules {
  kv: KV;
  key: string;
  /** Who holds it (the organization id); stored as the value for operators to see. */
  holder: string;
  /** Campaign only while this says so (e.g. the node is caught up and healthy). */
  isEligible(): boolean;
  onAcquired(): void;
  onLost(): void;
  onError(error: unknown): void;
}

/**
 * The one block cutter is whoever holds a key in a JetStream KV bucket with
 * a TTL: `create` succeeds for one node only; the holder renews with
 * `update` at its last revision; if a renewal fails (another holder, expiry,
 * no quorum) the holder stops cutting at once. The lease only decides who
 * *tries*: safety comes from BLOCKS' expected-last-sequence check, so even
 * two nodes that both believe they hold it can never fork the chain.
 */
export function startCutterLease(options: CutterLeaseOptions, modules: CutterLeaseModules) {
  let revision: number | undefined;
  let stopped = false;

  async function loop(): Promise<void> {
    while (!stopped) {
      if (revision === undefined) {
        if (modules.isEligible()) {
          try {
            revision = await modules.kv.create(modules.key, modules.holder);
            if (!stopped) modules.onAcquired();
          } catch {
            // held by someone else (or no quorum): try again later
          }
        }
        await sleep(options.campaignEveryMs);
      } else {
        await sleep(options.renewEveryMs);
        if (stopped) break;
        try {
          if (!modules.isEligible()) throw new Error('no longer eligible');
          revision = await modules.kv.update(modules.key, modules.holder, revision, Math.max(500, options.renewEveryMs * 2));
        } catch (error) {
          revision = undefined;
          modules.onError(error);
          modules.onLost();
        }
      }
    }
  }

  const running = loop();
  return {
    isHeld: () => revision !== undefined,
    /** Stops campaigning; a held lease is deleted so another node takes over at once. */
    async stop(release: boolean): Promise<void> {
      stopped = true;
      const held = revision;
      revision = undefined;
      if (held !== undefined) {
        modules.onLost();
        if (release) await modules.kv.delete(modules.key, { previousSeq: held }).catch(() => undefined);
      }
      await running;
    },
  };
}

export type CutterLease = ReturnType<typeof startCutterLease>;
