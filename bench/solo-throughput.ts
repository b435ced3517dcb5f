import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { initDataDir } from '../src/node/data-dir.ts';
import { defaultNodeOptions, startNode, type NodeOptions, type SubmitOutcome } from '../src/node/node.ts';
import { builtInContracts } from '../src/node/serve.ts';
import { presignNotaryTransactions } from './presign.ts';
import { splitThreadCpu, threadCpuSnapshot } from './thread-cpu.ts';

export interface ThroughputResult {
  transactions: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  blocks: number;
  /** CPU time of the whole process (all threads) per committed transaction, in µs, while measuring. */
  cpuMicrosPerTx?: number;
  /** Cores kept busy on average while measuring (process CPU time ÷ wall time). */
  coresBusy?: number;
  /** The CPU per committed transaction split by thread, in µs (Linux only). */
  threadMicrosPerTx?: { main: number; workers: number; other: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/**
 * Single-node committed throughput: a real node (solo orderer, admission
 * workers, SQLite with fsync per block) fed pre-signed notary transactions
 * in-process, `inFlight` at a time. Latency = admission call to commit.
 */
export async function measureSoloThroughput(count: number, inFlight: number, overrides: Partial<NodeOptions> = {}): Promise<ThroughputResult> {
  const dir = mkdtempSync(join(tmpdir(), 'custos-bench-'));
  try {
    const genesis = initDataDir(dir, { network: 'bench', title: 'bench', suite: 'ed25519-sha256', time: Date.now() });
    const txs = await presignNotaryTransactions(genesis.network, count, Date.now());
    const options: NodeOptions = { ...defaultNodeOptions, dataDir: dir, ...overrides };
    const node = await startNode(options, { contracts: builtInContracts, logger: pino({ level: 'warn' }), now: Date.now });
    const latencies: number[] = [];
    let next = 0;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const threadsBefore = threadCpuSnapshot();
    const submitOptions = { wait: true, timeoutMs: 120_000 };
    // One lane submits its next transaction when the last one committed.
    // PERF (of the load generator, not the node): chained callbacks rather
    // than an async loop, whose suspended frame and await reactions per
    // transaction in flight the node's GC would otherwise copy and promote.
    const lane = () => new Promise<void>((resolve, reject) => {
      let submittedAt = 0;
      const submitNext = (): void => {
        if (next >= txs.length) return resolve();
        submittedAt = performance.now();
        node.submit(txs[next++]!, submitOptions).then(committed, reject);
      };
      const committed = (outcome: SubmitOutcome): void => {
        if (outcome.result?.status !== 'ok') return reject(new Error(`bench transaction failed: ${JSON.stringify(outcome.result)}`));
        latencies.push(performance.now() - submittedAt);
        submitNext();
      };
      submitNext();
    });
    await Promise.all(Array.from({ length: inFlight }, lane));
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const threadsAfter = threadCpuSnapshot();
    const split = threadsBefore && threadsAfter ? splitThreadCpu(threadsBefore, threadsAfter, options.admission.workers) : undefined;
    const blocks = node.ledger.head().height;
    await node.stop();
    latencies.sort((a, b) => a - b);
    return {
      transactions: count, seconds, perSecond: count / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), blocks, cpuMicrosPerTx: (cpu.user + cpu.system) / count, coresBusy: (cpu.user + cpu.system) / 1e6 / seconds,
      ...(split && { threadMicrosPerTx: { main: split.mainMicros / count, workers: split.workersMicros / count, other: split.otherMicros / count } }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
