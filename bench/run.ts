import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { measureVerifyCeiling } from './verify-ceiling.ts';
import { measureSoloThroughput, type ThroughputResult } from './solo-throughput.ts';
import { measureConsortiumThroughput } from './consortium-throughput.ts';

export interface BenchOptions {
  seconds: number;
  transactions?: number;
  consortiumTransactions?: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const line = (label: string, r: ThroughputResult, inFlight: number) =>
  `${label.padEnd(36)}${fmt(r.perSecond)} tx/s over ${r.transactions.toLocaleString('en-US')} tx in ${r.blocks} blocks, ${inFlight.toLocaleString('en-US')} in flight; p50 ${r.p50Ms.toFixed(0)} ms, p99 ${r.p99Ms.toFixed(0)} ms`;

/**
 * Where the CPU went: all threads' CPU per committed transaction against
 * what the target allows (every core's time ÷ 70% of the ceiling), and how
 * much of it one signature check takes at the ceiling (cores ÷ ceiling).
 */
function cpuBudgetLine(solo: ThroughputResult, ceiling: { threads: number; perSecond: number }): string {
  if (solo.cpuMicrosPerTx === undefined || solo.coresBusy === undefined) return '';
  const verify = (ceiling.threads * 1e6) / ceiling.perSecond;
  const allowed = (ceiling.threads * 1e6) / (0.7 * ceiling.perSecond);
  const budget = `${'solo CPU per committed tx:'.padEnd(36)}${solo.cpuMicrosPerTx.toFixed(0)} µs on ${solo.coresBusy.toFixed(2)} busy cores; the signature check is ${verify.toFixed(0)} µs of it, the target allows ${allowed.toFixed(0)} µs in all`;
  const split = solo.threadMicrosPerTx;
  if (split === undefined) return budget;
  return `${budget}\n${'  by thread:'.padEnd(36)}main ${split.main.toFixed(0)} µs (ledger, orderer, intake), admission workers ${split.workers.toFixed(0)} µs (signature check and decoding), other ${split.other.toFixed(0)} µs (V8's GC helpers, libuv)`;
}

/**
 * Runs every benchmark in one process and prints figures and ratios against
 * the baselines measured in the same run. Throughput is measured saturated
 * (many transactions in flight); latency is also measured at an offered load
 * the system keeps up with, since at saturation it is only queueing.
 */
export async function runBenchmarks(options: BenchOptions): Promise<void> {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const single = await measureVerifyCeiling(options.seconds, 1);
  const ceiling = await measureVerifyCeiling(options.seconds);
  console.log(`${'ed25519 verify, 1 thread:'.padEnd(36)}${fmt(single.perSecond)} /s`);
  console.log(`${`ed25519 verify ceiling, ${ceiling.threads} threads:`.padEnd(36)}${fmt(ceiling.perSecond)} /s   (baseline)`);
  const solo = await measureSoloThroughput(options.transactions ?? 200_000, 8_000);
  console.log(line('solo committed notary tx:', solo, 8_000));
  const ratio = solo.perSecond / ceiling.perSecond;
  console.log(`${'ratio committed / verify ceiling:'.padEnd(36)}${(ratio * 100).toFixed(1)}%   (target ≥ 70%: ${ratio >= 0.7 ? 'met' : 'NOT met'})`);
  console.log(cpuBudgetLine(solo, ceiling));
  const soloLatency = await measureSoloThroughput(Math.min(50_000, options.transactions ?? 200_000), 500);
  console.log(line('solo at a sustainable load:', soloLatency, 500));
  const consortiumCount = options.consortiumTransactions ?? 50_000;
  const consortium = await measureConsortiumThroughput(consortiumCount, 2_000);
  if (consortium === undefined) {
    console.log('consortium (4 orgs, 3 NATS):        skipped, nats-server is not installed');
    return;
  }
  console.log(`${line('consortium (4 orgs, 3 NATS R3):', consortium, 2_000)}; ${((consortium.perSecond / solo.perSecond) * 100).toFixed(0)}% of solo`);
  const consortiumLatency = await measureConsortiumThroughput(Math.min(10_000, consortiumCount), 300);
  if (consortiumLatency !== undefined) console.log(line('consortium at a sustainable load:', consortiumLatency, 300));
  const best = consortiumLatency ?? consortium;
  console.log(
    `${'consortium target:'.padEnd(36)}≥ 5,000 tx/s: ${consortium.perSecond >= 5_000 ? 'met' : 'NOT met'}; p99 < 1 s at a sustainable load: ${best.p99Ms < 1_000 ? 'met' : 'NOT met'}`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const transactions = Number(process.env['BENCH_TXS'] ?? 200_000);
  const consortiumTransactions = Number(process.env['BENCH_CONSORTIUM_TXS'] ?? 50_000);
  await runBenchmarks({ seconds, transactions, consortiumTransactions });
}
