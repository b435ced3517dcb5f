import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { pino } from 'pino';
import { isCustosError } from '../src/errors/custos-error.ts';
import { defaultConsortiumNodeOptions, startConsortiumNode } from '../src/node/consortium/consortium-node.ts';
import { createLocalNetwork } from '../src/node/consortium/launcher/create-local-network.ts';
import { findNatsServer } from '../src/node/consortium/launcher/nats-cluster.ts';
import type { NatsConnectionOptions } from '../src/ordering/nats/nats-connection.ts';
import { builtInContracts } from '../src/node/serve.ts';
import { presignNotaryTransactions } from './presign.ts';
import type { ThroughputResult } from './solo-throughput.ts';
import { defaultAdmissionPoolOptions } from '../src/node/admission-pool.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

interface NodeWorkerData {
  dataDir: string;
  nats: NatsConnectionOptions;
}

type ToNode = { type: 'submit'; items: { i: number; tx: string }[] } | { type: 'stop' };
type FromNode = { type: 'ready' } | { type: 'done'; items: number[]; failed: string[]; resubmitted: number } | { type: 'stopped'; height: number };

/** One organization's node in its own thread, as it would be in its own process: it has an event loop to itself. */
async function runNodeWorker(data: NodeWorkerData): Promise<void> {
  const port = parentPort!;
  const node = await startConsortiumNode(
    { ...defaultConsortiumNodeOptions, dataDir: data.dataDir, nats: data.nats, admission: { ...defaultAdmissionPoolOptions, workers: 1, batchSize: 128 } },
    { contracts: builtInContracts, logger: pino({ level: 'warn' }), now: Date.now },
  );
  let done: number[] = [];
  let failed: string[] = [];
  let resubmitted = 0;
  // PERF: completions are reported in batches, one message per 5 ms at most.
  const flush = setInterval(() => {
    if (done.length === 0 && failed.length === 0) return;
    port.postMessage({ type: 'done', items: done, failed, resubmitted } satisfies FromNode);
    done = [];
    failed = [];
    resubmitted = 0;
  }, 5);
  async function submitOne(i: number, tx: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        const outcome = await node.submit(tx, { wait: true, timeoutMs: 120_000 });
        if (outcome.result?.status !== 'ok') failed.push(`transaction ${i}: ${JSON.stringify(outcome.result)}`);
        done.push(i);
        return;
      } catch (error) {
        // The ordering service did not acknowledge in time (overloaded machine): resubmitting is harmless.
        if (!isCustosError(error) || error.code !== 'LEDGER_OVERLOADED' || attempt >= 5) {
          failed.push(`transaction ${i}: ${String(error)}`);
          done.push(i);
          return;
        }
        resubmitted += 1;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
  port.on('message', (message: ToNode) => {
    if (message.type === 'submit') {
      for (const { i, tx } of message.items) void submitOne(i, tx);
      return;
    }
    clearInterval(flush);
    const height = node.ledger.head().height;
    void node.stop().then(() => port.postMessage({ type: 'stopped', height } satisfies FromNode));
  });
  port.postMessage({ type: 'ready' } satisfies FromNode);
}

// The worker registers tsx itself, then loads this file, which sees workerData and runs the node.
const workerEntry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;

/**
 * Committed throughput of a 4-organization consortium on this machine: a
 * 3-server NATS cluster (TLS, R3 file streams) as real processes and four
 * nodes, each in its own worker thread (as each would run in its own
 * process: one event loop per node), each verifying every signature once
 * and committing every block with fsync. Pre-signed notary transactions are
 * handed round-robin to the four nodes, `inFlight` at a time; latency = from
 * handing a transaction to its node to hearing it committed there.
 * Undefined when nats-server is not installed.
 */
export async function measureConsortiumThroughput(count: number, inFlight: number, orgs = 4): Promise<ThroughputResult | undefined> {
  if (findNatsServer() === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'custos-bench-consortium-'));
  const net = await createLocalNetwork({ dir, orgs, natsServers: 3, network: 'bench-consortium', provision: {}, detached: false, apiBasePort: 0 });
  const workers: Worker[] = [];
  try {
    const txs = await presignNotaryTransactions(net.genesis.network, count, Date.now());
    const sentAt = new Float64Array(count);
    const latencies: number[] = [];
    const failures: string[] = [];
    let resubmitted = 0;
    let next = 0;
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const outbox: { i: number; tx: string }[][] = net.organizations.map(() => []);
    let flushScheduled = false;
    const send = (n: number) => {
      for (let k = 0; k < n && next < count; k++, next++) {
        sentAt[next] = performance.now();
        outbox[next % workers.length]!.push({ i: next, tx: txs[next]! });
      }
      if (flushScheduled) return;
      flushScheduled = true;
      setImmediate(() => {
        flushScheduled = false;
        outbox.forEach((items, w) => {
          if (items.length > 0) workers[w]!.postMessage({ type: 'submit', items: items.splice(0) } satisfies ToNode);
        });
      });
    };
    const heights: number[] = [];
    let stoppedCount = 0;
    let allStopped: () => void = () => undefined;
    const stoppedAll = new Promise<void>((resolve) => (allStopped = resolve));
    await Promise.all(
      net.organizations.map(
        (org) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(workerEntry, { eval: true, workerData: { dataDir: org.dataDir, nats: org.nats } satisfies NodeWorkerData });
            workers.push(worker);
            worker.once('error', reject);
            worker.on('message', (message: FromNode) => {
              if (message.type === 'ready') resolve();
              else if (message.type === 'done') {
                const now = performance.now();
                for (const i of message.items) latencies.push(now - sentAt[i]!);
                failures.push(...message.failed);
                resubmitted += message.resubmitted;
                send(message.items.length);
                if (latencies.length === count) finish();
              } else {
                heights.push(message.height);
                if (++stoppedCount === workers.length) allStopped();
              }
            });
          }),
      ),
    );
    const started = performance.now();
    send(inFlight);
    await finished;
    const seconds = (performance.now() - started) / 1000;
    for (const worker of workers) worker.postMessage({ type: 'stop' } satisfies ToNode);
    await stoppedAll;
    if (failures.length > 0) throw new Error(`${failures.length} bench transactions failed, first: ${failures[0]}`);
    latencies.sort((a, b) => a - b);
    if (resubmitted > 0) console.log(`consortium bench: ${resubmitted} submissions were not acknowledged in time and were resubmitted`);
    return { transactions: count, seconds, perSecond: count / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), blocks: Math.min(...heights) };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
    await net.cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!isMainThread && (workerData as Partial<NodeWorkerData> | undefined)?.dataDir !== undefined) {
  await runNodeWorker(workerData as NodeWorkerData);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  // Several offered loads in one run: throughput saturates with many in flight, and latency is then
  // queueing (Little's law: in flight / throughput); fewer in flight shows the commit latency itself.
  const levels = (process.env['BENCH_IN_FLIGHT'] ?? '2000,300').split(',').map(Number);
  for (const inFlight of levels) {
    const result = await measureConsortiumThroughput(Number(process.env['BENCH_CONSORTIUM_TXS'] ?? 50_000), inFlight);
    console.log({ inFlight, ...result });
  }
}
