import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { isCustosError } from '../src/errors/custos-error.ts';
import { defaultConsortiumNodeOptions, startConsortiumNode, type ConsortiumNode } from '../src/node/consortium/consortium-node.ts';
import { createLocalNetwork } from '../src/node/consortium/launcher/create-local-network.ts';
import { findNatsServer } from '../src/node/consortium/launcher/nats-cluster.ts';
import { builtInContracts } from '../src/node/serve.ts';
import { presignNotaryTransactions } from './presign.ts';
import type { ThroughputResult } from './solo-throughput.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN;
}

/**
 * Committed throughput of a 4-organization consortium on this machine: a
 * 3-server NATS cluster (TLS, R3 file streams) as real processes and four
 * nodes in this process, each verifying every signature once and committing
 * every block with fsync. Pre-signed notary transactions are submitted
 * round-robin to the four nodes, `inFlight` at a time; latency = submit call
 * to commit on the node it was submitted to. Undefined when nats-server is
 * not installed.
 */
export async function measureConsortiumThroughput(count: number, inFlight: number, orgs = 4): Promise<ThroughputResult | undefined> {
  if (findNatsServer() === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'custos-bench-consortium-'));
  const nodes: ConsortiumNode[] = [];
  const net = await createLocalNetwork({ dir, orgs, natsServers: 3, network: 'bench-consortium', provision: {}, detached: false, apiBasePort: 0 });
  try {
    const txs = await presignNotaryTransactions(net.genesis.network, count, Date.now());
    for (const org of net.organizations) {
      nodes.push(
        await startConsortiumNode(
          { ...defaultConsortiumNodeOptions, dataDir: org.dataDir, nats: org.nats, admission: { workers: 1, batchSize: 128 } },
          { contracts: builtInContracts, logger: pino({ level: 'warn' }), now: Date.now },
        ),
      );
    }
    const latencies: number[] = [];
    let next = 0;
    let resubmitted = 0;
    const started = performance.now();
    async function lane(): Promise<void> {
      while (next < txs.length) {
        const i = next++;
        const t0 = performance.now();
        let outcome;
        for (let attempt = 0; ; attempt++) {
          try {
            outcome = await nodes[i % nodes.length]!.submit(txs[i]!, { wait: true, timeoutMs: 120_000 });
            break;
          } catch (error) {
            // The ordering service did not acknowledge in time (overloaded machine): resubmitting is harmless.
            if (!isCustosError(error) || error.code !== 'LEDGER_OVERLOADED' || attempt >= 5) throw error;
            resubmitted += 1;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
        if (outcome.result?.status !== 'ok') throw new Error(`bench transaction failed: ${JSON.stringify(outcome.result)}`);
        latencies.push(performance.now() - t0);
      }
    }
    await Promise.all(Array.from({ length: inFlight }, lane));
    const seconds = (performance.now() - started) / 1000;
    const blocks = Math.min(...nodes.map((node) => node.ledger.head().height));
    latencies.sort((a, b) => a - b);
    if (resubmitted > 0) console.log(`consortium bench: ${resubmitted} submissions were not acknowledged in time and were resubmitted`);
    return { transactions: count, seconds, perSecond: count / seconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), blocks };
  } finally {
    await Promise.all(nodes.map((node) => node.stop().catch(() => undefined)));
    await net.cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureConsortiumThroughput(Number(process.env['BENCH_CONSORTIUM_TXS'] ?? 50_000), Number(process.env['BENCH_IN_FLIGHT'] ?? 4_000));
  console.log(result);
}
