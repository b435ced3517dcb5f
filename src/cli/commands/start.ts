import type { Command } from 'commander';
import { availableParallelism } from 'node:os';
import { pino } from 'pino';
import { defaultApiOptions } from '../../api/app.ts';
import { initDataDir, isInitialized } from '../../node/data-dir.ts';
import { defaultNodeOptions, type NodeOptions } from '../../node/node.ts';
import { serveNode } from '../../node/serve.ts';
import { SingleBar, Presets } from 'cli-progress';
import { createDemoConsortium } from '../../node/demo/demo-consortium.ts';
import { demoPassword, demoPeople } from '../../node/demo/demo-people.ts';
import { seedDemo } from '../../node/demo/seed-demo.ts';
import { seedDemoPrison } from '../../node/demo/seed-demo-prison.ts';
import { demoApps } from '../../node/demo/demo-apps.ts';
import { defaultNetworkName } from './init.ts';

interface StartFlags {
  data: string;
  host: string;
  port: string;
  demo?: boolean;
  blockMaxTx: string;
  blockMaxWaitMs: string;
  workers: string;
  workerNice: string;
  durability: string;
  txidMergeEvery: string;
  stateMergeEvery: string;
  logLevel: string;
}

function toInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`--${name} must be a whole number, got ${text}`);
  return value;
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('start a node (solo ordering) and its HTTP API; initializes the data directory if empty')
    .option('--data <dir>', 'data directory', './data')
    .option('--host <host>', 'listen address', '127.0.0.1')
    .option('--port <port>', 'listen port', '8080')
    .option('--demo', 'seed demo records when the ledger is empty')
    .option('--block-max-tx <n>', 'cut a block at this many transactions', String(defaultNodeOptions.solo.maxTransactionsPerBlock))
    .option('--block-max-wait-ms <ms>', 'or this long after the first one arrived', String(defaultNodeOptions.solo.maxWaitMs))
    .option('--workers <n>', 'signature-checking worker threads', String(availableParallelism()))
    .option('--worker-nice <n>', 'nice value of those threads on Linux, so block commits keep their core (0: as the node)', String(defaultNodeOptions.admission.workerNice))
    .option('--durability <mode>', "'full' (fsync each block) or 'normal'", defaultNodeOptions.store.durability)
    .option('--txid-merge-every <n>', 'committed transactions found by id from memory before they are merged into the txId table on disk', String(defaultNodeOptions.store.txIdMergeThreshold))
    .option('--state-merge-every <n>', 'new state documents found by key from memory before they are merged into the key table on disk', String(defaultNodeOptions.store.stateKeyMergeThreshold))
    .option('--log-level <level>', 'pino log level', 'info')
    .action(async (flags: StartFlags) => {
      const logger = pino({ level: flags.logLevel });
      if (!isInitialized(flags.data)) {
        const time = Date.now();
        const identity = flags.demo === true ? await createDemoConsortium(flags.data, time, demoApps) : undefined;
        initDataDir(flags.data, { network: defaultNetworkName, title: 'Custos demo province', suite: 'ed25519-sha256', time, ...(identity === undefined ? {} : { identity }) });
        logger.info({ dir: flags.data, demo: flags.demo === true }, 'initialized a new single-node network');
      }
      if (flags.durability !== 'full' && flags.durability !== 'normal') throw new RangeError("--durability must be 'full' or 'normal'");
      const workerNice = toInteger('worker-nice', flags.workerNice);
      if (workerNice > 19) throw new RangeError(`--worker-nice must be 0-19, got ${flags.workerNice}`);
      const txIdMergeThreshold = toInteger('txid-merge-every', flags.txidMergeEvery);
      if (txIdMergeThreshold < 1) throw new RangeError('--txid-merge-every must be at least 1');
      const stateKeyMergeThreshold = toInteger('state-merge-every', flags.stateMergeEvery);
      if (stateKeyMergeThreshold < 1) throw new RangeError('--state-merge-every must be at least 1');
      const nodeOptions: NodeOptions = {
        ...defaultNodeOptions,
        dataDir: flags.data,
        solo: { maxTransactionsPerBlock: toInteger('block-max-tx', flags.blockMaxTx), maxWaitMs: toInteger('block-max-wait-ms', flags.blockMaxWaitMs) },
        admission: { ...defaultNodeOptions.admission, workers: toInteger('workers', flags.workers), workerNice },
        store: { ...defaultNodeOptions.store, durability: flags.durability, txIdMergeThreshold, stateKeyMergeThreshold },
      };
      const serving = await serveNode({ node: nodeOptions, api: defaultApiOptions, host: flags.host, port: toInteger('port', flags.port) }, logger);
      const demoReady = flags.demo === true && (serving.node.genesis.organizations ?? []).length > 0;
      if (demoReady && serving.node.ledger.head().height === 0) {
        const bar = new SingleBar({ format: 'seeding demo consortium {bar} {value}/{total} people', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
        bar.start(demoPeople.length, 0);
        const members = await seedDemo(serving.node, serving.accounts, flags.data, (done) => bar.update(done));
        bar.stop();
        const started = performance.now();
        const province = new SingleBar({ format: 'seeding prisons {bar} {value}/{total} transactions ({phase})', stream: process.stderr, hideCursor: true }, Presets.shades_classic);
        province.start(1, 0, { phase: 'staff' });
        const seeded = await seedDemoPrison(serving.node, flags.data, members, undefined, (p) => {
          province.setTotal(p.total);
          province.update(p.done, { phase: p.phase });
        });
        province.stop();
        logger.info({ transactions: seeded.transactions, failed: seeded.failed, cases: seeded.cases, seconds: Math.round((performance.now() - started) / 100) / 10, firstFailures: seeded.firstFailures.slice(0, 3) }, 'demo prisons seeded');
      }
      const head = serving.node.ledger.head();
      console.log(`\nCustos node for network "${serving.node.genesis.network}" at height ${head.height}`);
      console.log(`  Console      ${serving.url}/`);
      console.log(`  API          ${serving.url}/v1/network`);
      console.log(`  API docs     ${serving.url}/docs`);
      console.log(`  live blocks  ${serving.url}/v1/events`);
      console.log(`  health       ${serving.url}/healthz    metrics ${serving.url}/metrics`);
      console.log(`  data         ${flags.data}`);
      if (demoReady) {
        console.log(`\n  Demo sign-in (organization / member, password "${demoPassword}"):`);
        for (const person of demoPeople.filter((p) => !p.memberId.startsWith('committee-'))) console.log(`    ${person.org.padEnd(17)} ${person.memberId.padEnd(20)} ${person.displayName}`);
      }
      console.log('\nPress Ctrl-C to stop.\n');
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, 'stopping');
        await serving.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void stop('SIGINT'));
      process.on('SIGTERM', () => void stop('SIGTERM'));
    });
}
