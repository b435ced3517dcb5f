import type { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { builtInContracts } from '../../node/serve.ts';
import { verifyDataDir } from '../../node/verify-data-dir.ts';

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description("re-check a node's whole data directory: signatures, hash links, Merkle log, and a replay of every block")
    .option('--data <dir>', 'data directory', './data')
    .option('--json', 'print the report as JSON')
    .action((flags: { data: string; json?: boolean }) => {
      const bar = new SingleBar({ format: 'verifying {bar} {value}/{total} blocks', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 30_000 }, Presets.shades_classic);
      let started = false;
      const report = verifyDataDir(flags.data, builtInContracts, (height, total) => {
        if (flags.json === true || !process.stderr.isTTY) return;
        if (!started) {
          bar.start(total, 0);
          started = true;
        }
        bar.update(height);
      });
      if (started) bar.stop();
      if (flags.json === true) console.log(JSON.stringify(report, null, 2));
      else if (report.ok) console.log(`ok: ${report.blocks} blocks and ${report.transactions} transactions verified`);
      else console.log(`FAILED at height ${report.problem?.height ?? '?'}: ${report.problem?.what}`);
      if (!report.ok) process.exitCode = 1;
    });
}
