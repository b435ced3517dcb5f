import type { Command } from 'commander';

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('run the benchmarks (same as npm run bench) and print figures and ratios')
    .option('--seconds <n>', 'seconds per measurement', '5')
    .action(async (flags: { seconds: string }) => {
      const { runBenchmarks } = await import('../../../bench/run.ts');
      await runBenchmarks({ seconds: Number(flags.seconds) });
    });
}
