import { availableParallelism, cpus, totalmem } from 'node:os';
import { measureVerifyCeiling } from './verify-ceiling.ts';
import { measureSoloThroughput } from './solo-throughput.ts';
import { measureConsortiumThroughput } from './consortium-throughput.ts';

export interface BenchOptions {
  seconds: number;
  transactions?: number;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** Runs every benchmark in one process and prints figures and ratios against the baselines measured in the same run. */
export async function runBenchmarks(options: BenchOptions): Promise<void> {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  const single = await measureVerifyCeiling(options.seconds, 1);
  const ceiling = await measureVerifyCeiling(options.seconds);
  console.log(`ed25519 verify, 1 thread:           ${fmt(single.perSecond)} /s`);
  console.log(`ed25519 verify ceiling, ${ceiling.threads} threads:  ${fmt(ceiling.perSecond)} /s   (baseline)`);
  const solo = await measureSoloThroughput(options.transactions ?? 200_000, 8_000);
  const ratio = solo.perSecond / ceiling.perSecond;
  console.log(
    `solo committed notary tx:           ${fmt(solo.perSecond)} tx/s over ${solo.transactions.toLocaleString('en-US')} tx in ${solo.blocks} blocks; p50 ${solo.p50Ms.toFixed(0)} ms, p99 ${solo.p99Ms.toFixed(0)} ms`,
  );
  console.log(`ratio committed / verify ceiling:   ${(ratio * 100).toFixed(1)}%   (target ≥ 70%: ${ratio >= 0.7 ? 'met' : 'NOT met'})`);
  const consortium = await measureConsortiumThroughput(Number(process.env['BENCH_CONSORTIUM_TXS'] ?? 50_000), 2_000);
  console.log(
    consortium === undefined
      ? 'consortium (4 orgs, 3 NATS):        skipped, nats-server is not installed'
      : `consortium (4 orgs, 3 NATS R3):     ${fmt(consortium.perSecond)} tx/s over ${consortium.transactions.toLocaleString('en-US')} tx in ${consortium.blocks} blocks; p50 ${consortium.p50Ms.toFixed(0)} ms, p99 ${consortium.p99Ms.toFixed(0)} ms; ${((consortium.perSecond / solo.perSecond) * 100).toFixed(0)}% of solo   (target ≥ 5,000 tx/s and p99 < 1 s: ${consortium.perSecond >= 5_000 && consortium.p99Ms < 1_000 ? 'met' : 'NOT met'})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const transactions = Number(process.env['BENCH_TXS'] ?? 200_000);
  await runBenchmarks({ seconds, transactions });
}
