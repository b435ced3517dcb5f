import type { IsoDate } from '../prison-dates.ts';

/** The instant of a China Standard Time (UTC+8) wall-clock time on a calendar day, ms since the epoch. */
export function chinaTime(day: IsoDate, hour: number, minute = 0): number {
  return Date.parse(`${day}T00:00:00+08:00`) + (hour * 60 + minute) * 60_000;
}

/** The China Standard Time calendar day of an instant. */
export function chinaDay(time: number): IsoDate {
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 10);
}

export interface DemoClock {
  /** The simulated time: what the node's blocks and the transactions' `ts` carry. */
  now(): number;
  /** Moves the clock to `time` if that is later; never backwards. Returns the clock's time. */
  advanceTo(time: number): number;
}

/**
 * The clock of an offline demo run (the node's `NodeModules.now`): it stands
 * still between moves, so every block cut and every transaction signed while
 * a day's work runs carries that day's time, and it only moves forward, so
 * block times stay monotonic across moves and across a resumed run that
 * starts it at the ledger's last block time.
 */
export function createDemoClock(start: number): DemoClock {
  let current = start;
  return {
    now: () => current,
    advanceTo(time: number): number {
      if (time > current) current = time;
      return current;
    },
  };
}
