import type { Command } from 'commander';
import { Presets, SingleBar } from 'cli-progress';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { chinaDay, chinaTime, createDemoClock, type DemoClock } from '../../apps/prison/demo/demo-clock.ts';
import type { DemoCall } from '../../apps/prison/demo/demo-case-moves.ts';
import { demoProvinceSizes, type DemoAdmission } from '../../apps/prison/demo/demo-province.ts';
import { createDemoCaseDriver } from '../../apps/prison/demo/drive-demo-cases.ts';
import { planDemoCases } from '../../apps/prison/demo/plan-demo-cases.ts';
import { seedDemoProvince } from '../../apps/prison/demo/seed-demo-province.ts';
import { addDays } from '../../apps/prison/prison-dates.ts';
import { loadPrisonDefinitions } from '../../apps/prison/procedures/prison-definitions.ts';
import { getSuite } from '../../crypto/suites.ts';
import type { SigningKey } from '../../crypto/suite.ts';
import { custosError } from '../../errors/custos-error.ts';
import { signTransaction } from '../../ledger/transaction.ts';
import { createCustosClient } from '../../sdk/client.ts';
import { httpDemoLedger, nodeDemoLedger, type DemoLedger } from '../../node/demo/demo-ledger.ts';
import { demoCaseStaff, initDemoHistoryNetwork, registerDemoProceduresAs } from '../../node/demo/demo-history-network.ts';
import { enrollDemoStaff } from '../../node/demo/enroll-demo-staff.ts';
import { demoInFlight, prisonsOf, submitDemoBatch } from '../../node/demo/seed-demo-prison.ts';
import { defaultNodeOptions, startNode, type CustosNode } from '../../node/node.ts';
import { builtInContracts } from '../../node/serve.ts';
import { defaultNetworkName } from './init.ts';

interface DemoFlags {
  scale: string;
  data: string;
  url?: string;
  maxMinutes?: string;
  prisoners?: string;
  days?: string;
  cases: boolean;
}

/** What a run has done, in `<data>/demo-<scale>.json`: a rerun continues from `batches`. */
interface DemoProgressFile {
  /** 2: day markers, cases and the simulated clock (files of version 1 are refused: start afresh). */
  v: 2;
  scale: string;
  prisonersPerPrison: number;
  days: number;
  /** The go-live day: the history runs from `days` before it to the day before. */
  today: string;
  seed: number;
  firstNumber: number;
  /** Offline runs: procedure cases driven through the year on the simulated clock. */
  cases: boolean;
  batches: number;
  transactions: number;
  caseTransactions: number;
  /** The machine signers' keys (PKCS#8, base64): demo keys, kept with the node's demo data. */
  staff: Record<string, string>;
  /** Offline runs: the simulated clock when progress was last written (no block of the run is later than a day past it). */
  clockAt?: number;
  finished?: boolean;
}

/**
 * An unfinished offline history can only continue where its own clock
 * stopped. If blocks more than two days later are on the ledger — someone
 * served the directory with `custos start` in between — the rest of the year
 * would be dated at their time, and no waiting period in it would elapse.
 */
export function assertHistoryResumable(progress: Pick<DemoProgressFile, 'clockAt' | 'finished'>, headTime: number, dir: string): void {
  if (progress.finished === true || progress.clockAt === undefined) return;
  if (headTime <= progress.clockAt + 2 * 86_400_000) return;
  throw custosError(
    'NODE_DEMO_LEDGER_AFTER_HISTORY',
    `the ledger in ${dir} has blocks at ${new Date(headTime).toISOString()}, after this unfinished demo history stopped (${new Date(progress.clockAt).toISOString()}): ` +
      'it was served in between, so the remaining days cannot be dated; seed a new data directory',
    { dir, headTime, clockAt: progress.clockAt },
  );
}

/**
 * What a batch that an interrupted run had partly committed meets again on
 * the rerun: those rows are seeded already, not failures.
 */
const alreadySeededCodes = new Set(['PRISON_PRISON_EXISTS', 'PRISON_PRISONER_EXISTS', 'PRISON_SCORE_DUPLICATE_DAY', 'PRISON_MONTH_ALREADY_CLOSED', 'NOTARY_ALREADY_ANCHORED']);

// The province's prisoners are numbered after the `npm start` ones (JS07-000001…), so both fit in one ledger.
const provinceFirstNumber = 100_001;
const day = 86_400_000;

/** Sizes of `--scale`: the issue's province, the `npm start` size, and a small one for tests (a quarter year, with cases). */
const scales: Record<string, { prisonersPerPrison: number; days: number }> = { ...demoProvinceSizes, test: { prisonersPerPrison: 15, days: 75 } };

function writeProgress(path: string, progress: DemoProgressFile): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(progress, null, 1), { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1) throw custosError('RUNTIME_BAD_ARGS', `--${name} must be a whole number above 0, got ${text}`);
  return value;
}

interface OpenedLedger {
  ledger: DemoLedger;
  node: CustosNode | undefined;
  prisonsRegistered: () => Promise<boolean>;
  close: () => Promise<void>;
}

async function openLedger(flags: DemoFlags, clock: DemoClock): Promise<OpenedLedger> {
  if (flags.url !== undefined) {
    const url = flags.url;
    const ledger = await httpDemoLedger(url);
    const client = createCustosClient({ url });
    const prisonsRegistered = () => client.getDocument('prison.prisons', prisonsOf()[0]!).then(() => true, () => false);
    return { ledger, node: undefined, prisonsRegistered, close: async () => {} };
  }
  // PERF: the driver submits whole rounds at once and waits; a short block wait keeps a simulated day from idling.
  const node = await startNode(
    { ...defaultNodeOptions, dataDir: flags.data, solo: { ...defaultNodeOptions.solo, maxWaitMs: 5 } },
    { contracts: builtInContracts, logger: pino({ level: 'warn' }), now: clock.now },
  );
  return { ledger: nodeDemoLedger(node), node, prisonsRegistered: async () => node.ledger.state.get('prison.prisons', prisonsOf()[0]!) !== undefined, close: () => node.stop() };
}

/** Cases of the prison procedures by procedure and state, paging the `byProcedure` index. */
function countCases(node: CustosNode): Record<string, Record<string, number>> {
  const counts: Record<string, Record<string, number>> = {};
  for (let offset = 0; ; offset += 1000) {
    const page = node.ledger.state.query('procedures.cases', { index: 'byState', limit: 1000, offset });
    for (const row of page) {
      const doc = row.doc['case'] as { procedure: { id: string }; state: string };
      const of = (counts[doc.procedure.id] ??= {});
      of[doc.state] = (of[doc.state] ?? 0) + 1;
    }
    if (page.length < 1000) return counts;
  }
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('seed a demo province (prisons, prisoners, a year of daily scores, cases at every stage) into a node; resumable: a rerun continues')
    .option('--scale <scale>', "'province' (~60,000 prisoners, a year), 'start' (the npm start size) or 'test' (21 × 15 prisoners, 75 days)", 'province')
    .option('--prisoners <n>', 'prisoners per prison (default: the scale’s)')
    .option('--days <n>', 'days of history (default: the scale’s)')
    .option('--data <dir>', 'data directory of the node; a new one is created with the history dated from its first day', './data')
    .option('--url <url>', 'a running node to submit to (its clock is real: scores only, no cases)')
    .option('--no-cases', 'seed no procedure cases')
    .option('--max-minutes <m>', 'stop after this many minutes (a rerun continues)')
    .action(async (flags: DemoFlags) => {
      const base = scales[flags.scale];
      if (base === undefined) throw custosError('RUNTIME_BAD_ARGS', `--scale must be one of ${Object.keys(scales).join(', ')}; got ${flags.scale}`);
      const progressPath = join(flags.data, `demo-${flags.scale}.json`);
      const offline = flags.url === undefined;
      let progress: DemoProgressFile | undefined;
      if (existsSync(progressPath)) {
        progress = JSON.parse(readFileSync(progressPath, 'utf8')) as DemoProgressFile;
        if (progress.v !== 2) throw custosError('RUNTIME_BAD_ARGS', `${progressPath} was written by an earlier version of custos demo; seed a new data directory`);
      }
      const size = progress ?? {
        prisonersPerPrison: flags.prisoners === undefined ? base.prisonersPerPrison : positiveInteger('prisoners', flags.prisoners),
        days: flags.days === undefined ? base.days : positiveInteger('days', flags.days),
      };
      // The go-live day (fixed at the first run, so a rerun generates the same days); the history ends the day before.
      const today = progress?.today ?? chinaDay(Date.now());
      const firstDay = addDays(today, -size.days);
      // Offline, the node's clock is simulated: it starts on the history's first day and moves day by day to go-live.
      const historyStart = chinaTime(firstDay, 7);
      const clock = createDemoClock(offline ? historyStart : Date.now());
      const created = offline && progress === undefined ? await initDemoHistoryNetwork(flags.data, historyStart - day, defaultNetworkName) : false;
      const opened = await openLedger(flags, offline ? clock : { now: Date.now, advanceTo: Date.now });
      const { ledger, node, close } = opened;
      const withCases = node !== undefined && (progress?.cases ?? flags.cases);
      if (node !== undefined) {
        const head = node.ledger.head();
        if (progress === undefined && head.time > historyStart) {
          await close();
          throw custosError(
            'NODE_DEMO_LEDGER_AFTER_HISTORY',
            `the ledger in ${flags.data} already has ${head.height === 0 ? 'its genesis' : `block ${head.height}`} at ${new Date(head.time).toISOString()}, after the history would start (${firstDay}): ` +
              `run custos demo on a new data directory (it creates the demo network dated before its history), or use --url to add scores to a running node`,
            { dir: flags.data, headTime: head.time, historyStart },
          );
        }
        if (progress !== undefined) {
          try {
            assertHistoryResumable(progress, head.time, flags.data);
          } catch (error) {
            await close();
            throw error;
          }
        }
        // A rerun continues from the last block's time, never earlier.
        clock.advanceTo(head.time);
      } else if (flags.cases) {
        console.log('note: cases at every stage need the offline mode (no --url): their waiting periods run on the simulated clock, and a running node keeps real time. Seeding scores only.');
      }
      const suite = getSuite(ledger.genesis.suite);
      const prisons = prisonsOf();
      if (progress === undefined) {
        const staff = demoCaseStaff(prisons, withCases);
        const keys = new Map<string, SigningKey>();
        // Certificates outlast the simulated history and go-live.
        const validFor = (size.days + 400) * day;
        for (const [org, members] of Object.entries(staff)) for (const [id, key] of await enrollDemoStaff(ledger, flags.data, org, members, validFor)) keys.set(id, key);
        if (withCases && node !== undefined) await registerDemoProceduresAs(node, keys.get('scale-admin')!, keys.get('scale-procuratorate-admin')!, loadPrisonDefinitions());
        progress = {
          v: 2,
          scale: flags.scale,
          ...size,
          today,
          seed: 2027,
          firstNumber: provinceFirstNumber,
          cases: withCases,
          batches: 0,
          transactions: 0,
          caseTransactions: 0,
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
      const registerPrisons = progress.batches === 0 && !(await opened.prisonsRegistered());

      const bar = new SingleBar(
        { format: 'seeding {scale} {bar} {percentage}% | {value}/{total} transactions | {phase} | {rate} tx/s | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, etaBuffer: 200, noTTYOutput: true, notTTYSchedule: 30_000 },
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

      // Cases: planned from the admissions (generated again on a rerun, so the plans are the same), driven on each day's marker.
      const admitted: DemoAdmission[] = [];
      let driver: ReturnType<typeof createDemoCaseDriver> | undefined;
      const caseBase = progress.caseTransactions;
      const runId = Date.now().toString(36);
      let caseNonce = 0;
      const submitCalls = async (calls: readonly DemoCall[]) => {
        const transactions = calls.map((call) => {
          caseNonce += 1;
          const signer = key(call.signer);
          return signTransaction({ v: 1, network: ledger.genesis.network, contract: call.contract, fn: call.fn, args: call.args, signer: signer.publicKey, nonce: `demo-case-${runId}-${caseNonce}`, ts: clock.now() }, signer);
        });
        const results = await Promise.all(transactions.map((tx) => ledger.submitAndWait(tx)));
        return results.map((r) => {
          if (r.status === 'ok') return null;
          const code = r.code ?? 'UNKNOWN';
          if (!alreadySeededCodes.has(code)) return { code, message: r.message ?? '' };
          alreadySeeded += 1;
          return null;
        });
      };
      // Never past real time: after the demo the node runs on the real clock, and block times only go forward.
      const moveClock = (time: number) => clock.advanceTo(Math.min(time, Date.now()));
      const onDay = !offline
        ? undefined
        : async (dayOf: string) => {
            if (withCases && node !== undefined) {
              driver ??= createDemoCaseDriver({
                plans: planDemoCases({ admitted, firstDay, today, seed: progress!.seed }),
                read: {
                  get: (collection, id) => node.ledger.state.get(collection, id)?.doc,
                  query: (collection, index, equals) => node.ledger.state.query(collection, { index, equals, limit: 1000 }).map((row) => row.doc),
                },
                advanceClock: moveClock,
                submit: submitCalls,
              });
              bar.update({ phase: `day ${dayOf}: cases` });
              await driver.onDay(dayOf);
              progress = { ...progress!, caseTransactions: caseBase + driver.stats().transactions };
            }
            // The officers score the day at its end.
            moveClock(chinaTime(dayOf, 18));
          };
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
          // Offline the simulated clock; a running node's is real time, so each transaction is stamped when signed.
          clock: offline ? clock.now : Date.now,
          onAdmitted: (batch) => admitted.push(...batch),
          isReleased: (prisonerId, on) => driver?.isReleased(prisonerId, on) ?? false,
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
          progress = { ...progress!, batches: p.batches, transactions: p.done, ...(offline ? { clockAt: clock.now() } : {}) };
          writeProgress(progressPath, progress);
          const seconds = (performance.now() - started) / 1000;
          bar.setTotal(p.total);
          bar.update(p.done, { phase: p.day === undefined ? p.phase : `day ${p.day}: ${p.phase}`, rate: Math.round((p.done - startedAt) / Math.max(seconds, 0.001)) });
        },
        { inFlight: demoInFlight, shouldStop: () => interrupted || Date.now() > deadline, ...(onDay === undefined ? {} : { onDay }) },
      );
      bar.stop();
      process.off('SIGINT', onSignal);
      const caseStats = driver?.stats() ?? { transactions: 0, failed: 0, firstFailures: [] };
      progress = { ...progress, ...(offline ? { clockAt: clock.now() } : {}), finished: seeded.finished };
      writeProgress(progressPath, progress);
      const counts = node === undefined ? undefined : countCases(node);
      await close();
      const seconds = (performance.now() - started) / 1000;
      const total = seeded.transactions + caseStats.transactions;
      const failed = seeded.failed + caseStats.failed;
      const state = seeded.finished ? 'finished' : `stopped; run again to continue from batch ${progress.batches}`;
      console.log(
        `${flags.scale}: ${total} transactions (${caseStats.transactions} for cases) in ${seconds.toFixed(1)} s (${Math.round(total / Math.max(seconds, 0.001))} tx/s), ${failed} failed${alreadySeeded > 0 ? `, ${alreadySeeded} seeded already by an interrupted run` : ''}; ` +
          `${progress.transactions + progress.caseTransactions} seeded in all; ${state}${created ? `; network created in ${flags.data} (genesis ${firstDay})` : ''}`,
      );
      if (counts !== undefined) for (const [procedure, states] of Object.entries(counts).sort()) console.log(`  ${procedure}: ${Object.entries(states).sort().map(([s, c]) => `${s} ${c}`).join(', ')}`);
      for (const failure of [...seeded.firstFailures, ...caseStats.firstFailures].slice(0, 5)) console.log(`  failed: ${failure.code} ${failure.message}`);
      if (failed > 0) process.exitCode = 1;
    });
}
