import { readFileSync, readdirSync } from 'node:fs';

/** CPU time of each of this process's threads, in µs, by thread id; undefined where /proc is not there (not Linux). */
export function threadCpuSnapshot(): Map<number, number> | undefined {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const snapshot = new Map<number, number>();
  for (const tid of tids) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the parenthesised name; utime and stime are fields 14 and 15, in USER_HZ (100 on Linux).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      snapshot.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * 10_000);
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return snapshot;
}

export interface ThreadCpuSplit {
  /** The thread that runs the ledger, the orderer and the node's JavaScript. */
  mainMicros: number;
  /** The `workerCount` busiest other threads: the admission workers, which check signatures. */
  workersMicros: number;
  /** Everything else: V8's garbage-collection helpers and libuv's pool. */
  otherMicros: number;
}

/**
 * Splits the CPU spent between two snapshots by thread. The admission
 * workers are told apart from V8's helper threads by load alone (every
 * thread here is called "node"): during a saturated run each worker spends
 * an order of magnitude more than any helper.
 */
export function splitThreadCpu(before: Map<number, number>, after: Map<number, number>, workerCount: number): ThreadCpuSplit {
  const spent = [...after].map(([tid, micros]) => ({ tid, micros: micros - (before.get(tid) ?? 0) }));
  const mainMicros = spent.find((thread) => thread.tid === process.pid)?.micros ?? 0;
  const others = spent.filter((thread) => thread.tid !== process.pid).sort((a, b) => b.micros - a.micros);
  const workersMicros = others.slice(0, workerCount).reduce((sum, thread) => sum + thread.micros, 0);
  const otherMicros = others.slice(workerCount).reduce((sum, thread) => sum + thread.micros, 0);
  return { mainMicros, workersMicros, otherMicros };
}
