import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { demoProvinceSizes } from '../../apps/prison/demo/demo-province.ts';
import { seedDemoProvince } from '../../apps/prison/demo/seed-demo-province.ts';
import { getSuite } from '../../crypto/suites.ts';
import type { SigningKey } from '../../crypto/suite.ts';
import { custosError } from '../../errors/custos-error.ts';
import { createCustosClient } from '../../sdk/client.ts';
import { httpDemoLedger, nodeDemoLedger, type DemoLedger } from '../../node/demo/demo-ledger.ts';
import { enrollDemoStaff } from '../../node/demo/enroll-demo-staff.ts';
import { demoInFlight, prisonsOf, submitDemoBatch } from '../../node/demo/seed-demo-prison.ts';
import { defaultNodeOptions, startNode } from '../../node/node.ts';
import { builtInContracts } from '../../node/serve.ts';

interface DemoFlags {
  scale: string;
  data: string;
  url?: string;
  maxMinutes?: string;
}

/** What a run has done, in `<data>/demo-<scale>.json`: a rerun continues from `batches`. */
interface DemoProgressFile {
  scale: string;
  prisonersPerPrison: number;
  days: number;
  today: string;
  seed: number;
  firstNumber: number;
  batches: number;
  transactions: number;
  /** The machine signers' keys (PKCS#8, base64): demo keys, kept with the node's demo data. */
  staff: Record<string, string>;
}

/**
 * What a batch that an interrupted run had partly committed meets again on
 * the rerun: those rows are seeded already, not failures.
 */
const alreadySeededCodes = new Set(['PRISON_PRISON_EXISTS', 'PRISON_PRISONER_EXISTS', 'PRISON_SCORE_DUPLICATE_DAY', 'PRISON_MONTH_ALREADY_CLOSED']);

// The province's prisoners are numbered after the `npm start` ones (JS07-000001…), so both fit in one ledger.
const provinceFirstNumber = 100_001;

function writeProgress(path: string, progress: DemoProgressFile): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(progress, null, 1), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

async function openLedger(flags: DemoFlags): Promise<{ ledger: DemoLedger; prisonsRegistered: () => Promise<boolean>; close: () => Promise<void> }> {
  if (flags.url !== undefined) {
    const url = flags.url;
    const ledger = await httpDemoLedger(url);
    const client = createCustosClient({ url });
    const prisonsRegistered = () => client.getDocument('prison.prisons', prisonsOf()[0]!).then(() => true, () => false);
    return { ledger, prisonsRegistered, close: async () => {} };
  }
  const node = await startNode({ ...defaultNodeOptions, dataDir: flags.data }, { contracts: builtInContracts, logger: pino({ level: 'warn' }), now: Date.now });
  return { ledger: nodeDemoLedger(node), prisonsRegistered: async () => node.ledger.state.get('prison.prisons', prisonsOf()[0]!) !== undefined, close: () => node.stop() };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('seed a demo province (prisons, prisoners, a year of daily scores) into a node; resumable: a rerun continues')
    .option('--scale <scale>', "'province' (~60,000 prisoners, a year) or 'start' (the npm start size)", 'province')
    .option('--data <dir>', 'data directory of the node (its CA keys sign the demo signers; progress is kept here)', './data')
    .option('--url <url>', 'a running node to submit to (default: open the stopped node in --data)')
    .option('--max-minutes <m>', 'stop after this many minutes (a rerun continues)')
    .action(async (flags: DemoFlags) => {
      if (flags.scale !== 'province' && flags.scale !== 'start') throw custosError('RUNTIME_BAD_ARGS', `--scale must be 'province' or 'start', got ${flags.scale}`);
      const size = demoProvinceSizes[flags.scale];
      const progressPath = join(flags.data, `demo-${flags.scale}.json`);
      const { ledger, prisonsRegistered, close } = await openLedger(flags);
      const suite = getSuite(ledger.genesis.suite);
      const prisons = prisonsOf();
      let progress: DemoProgressFile;
      if (existsSync(progressPath)) {
        progress = JSON.parse(readFileSync(progressPath, 'utf8')) as DemoProgressFile;
      } else {
        const staff = [
          { memberId: 'scale-bureau', roles: ['bureau.official'], attributes: {} },
          ...prisons.flatMap((prison) => {
            const n = prison.replace(/[^0-9]/g, '');
            return [
              { memberId: `scale-penalty-${n}`, roles: ['prison.penalty-execution'], attributes: { prison } },
              { memberId: `scale-officer-${n}`, roles: ['prison.officer'], attributes: { prison } },
            ];
          }),
        ];
        const keys = await enrollDemoStaff(ledger, flags.data, 'PrisonBureau', staff);
        progress = {
          scale: flags.scale,
          ...size,
          // The history ends the day before; fixed at the first run so a rerun generates the same days.
          today: new Date(ledger.now() + 8 * 3600_000).toISOString().slice(0, 10),
          seed: 2027,
          firstNumber: provinceFirstNumber,
          batches: 0,
          transactions: 0,
          staff: Object.fromEntries([...keys].map(([id, key]) => [id, Buffer.from(key.exportPkcs8()).toString('base64')])),
        };
        writeProgress(progressPath, progress);
      }
      const keys = new Map<string, SigningKey>(Object.entries(progress.staff).map(([id, pkcs8]) => [id, suite.signingKeyFromPkcs8(Buffer.from(pkcs8, 'base64'))]));
      const key = (id: string): SigningKey => {
        const found = keys.get(id);
        if (found === undefined) throw custosError('RUNTIME_NOT_FOUND', `no demo signer ${id} in ${progressPath}`);
        return found;
      };
      const n = (prison: string) => prison.replace(/[^0-9]/g, '');
      const registerPrisons = progress.batches === 0 && !(await prisonsRegistered());

      const bar = new SingleBar(
        { format: 'seeding {scale} {bar} {percentage}% | {value}/{total} transactions | {phase} | {rate} tx/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 200 },
        Presets.shades_classic,
      );
      bar.start(1, 0, { scale: flags.scale, phase: 'starting', rate: 0 });
      const started = performance.now();
      const startedAt = progress.transactions;
      const deadline = flags.maxMinutes === undefined ? Infinity : Date.now() + Number(flags.maxMinutes) * 60_000;
      let alreadySeeded = 0;
      let interrupted = false;
      const onSignal = () => {
        interrupted = true;
      };
      process.on('SIGINT', onSignal);
      const seeded = await seedDemoProvince(
        {
          network: ledger.genesis.network,
          prisons,
          prisonersPerPrison: progress.prisonersPerPrison,
          days: progress.days,
          today: progress.today,
          seed: progress.seed,
          firstNumber: progress.firstNumber,
          registerPrisons,
          skipBatches: progress.batches,
          clock: ledger.now,
          signers: { bureau: key('scale-bureau'), prison: (prison) => ({ penalty: key(`scale-penalty-${n(prison)}`), officer: key(`scale-officer-${n(prison)}`) }) },
        },
        async (batch) => {
          const outcome = await submitDemoBatch(ledger, batch.transactions);
          const failed = outcome.failed.filter((f) => !alreadySeededCodes.has(f.code));
          alreadySeeded += outcome.failed.length - failed.length;
          return { failed };
        },
        (p) => {
          // Progress is recorded as batches finish in order: a rerun signs nothing already seeded.
          progress = { ...progress, batches: p.batches, transactions: p.done };
          writeProgress(progressPath, progress);
          const seconds = (performance.now() - started) / 1000;
          bar.setTotal(p.total);
          bar.update(p.done, { phase: p.phase, rate: Math.round((p.done - startedAt) / Math.max(seconds, 0.001)) });
        },
        { inFlight: demoInFlight, shouldStop: () => interrupted || Date.now() > deadline },
      );
      bar.stop();
      process.off('SIGINT', onSignal);
      await close();
      const seconds = (performance.now() - started) / 1000;
      const state = seeded.finished ? 'finished' : `stopped; run again to continue from batch ${progress.batches}`;
      console.log(
        `${flags.scale}: ${seeded.transactions} transactions in ${seconds.toFixed(1)} s (${Math.round(seeded.transactions / Math.max(seconds, 0.001))} tx/s), ${seeded.failed} failed${alreadySeeded > 0 ? `, ${alreadySeeded} seeded already by an interrupted run` : ''}; ${progress.transactions} seeded in all; ${state}`,
      );
      for (const failure of seeded.firstFailures.slice(0, 3)) console.log(`  failed: ${failure.code} ${failure.message}`);
      if (seeded.failed > 0) process.exitCode = 1;
    });
}
