import type { Command } from 'commander';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import { readConsortiumDataDir } from '../../node/consortium/consortium-data-dir.ts';
import { defaultConsortiumNodeOptions } from '../../node/consortium/consortium-node.ts';
import { createLocalNetwork } from '../../node/consortium/launcher/create-local-network.ts';
import { pidFiles, spawnNodeProcess, stopPidFile, waitForHealthy } from '../../node/consortium/launcher/network-processes.ts';
import { serveConsortiumNode } from '../../node/consortium/serve-consortium-node.ts';

function toInteger(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`--${name} must be a whole number ≥ ${min}, got ${text}`);
  return value;
}

export function registerNetwork(program: Command): void {
  // `network init` (identity) registers under the same parent; whoever comes first creates it.
  const network =
    program.commands.find((command) => command.name() === 'network') ??
    program.command('network').description('networks: a consortium on this machine (NATS cluster, one node per organization), its nodes, its set-up');

  network
    .command('up')
    .description('start a NATS JetStream cluster (TLS, per-organization nkeys) and one node per organization on loopback')
    .option('--orgs <n>', 'organizations, one node each', '4')
    .option('--nats <n>', 'NATS servers (3 or 5 for a real quorum)', '3')
    .option('--dir <dir>', 'where data directories, certificates, configs, logs and pid files go', './network')
    .option('--api-port <port>', 'HTTP API port of the first organization; the others follow', '8101')
    .option('--network <name>', 'network name', 'custos-local')
    .action(async (flags: { orgs: string; nats: string; dir: string; apiPort: string; network: string }) => {
      const dir = resolve(flags.dir);
      if (existsSync(dir) && readdirSync(dir).length > 0) throw new RangeError(`${dir} is not empty; run \`custos network down --dir ${flags.dir}\` and remove it, or choose another --dir`);
      const apiBasePort = toInteger('api-port', flags.apiPort, 1);
      const net = await createLocalNetwork({ dir, orgs: toInteger('orgs', flags.orgs, 1), natsServers: toInteger('nats', flags.nats, 1), network: flags.network, provision: {}, detached: true, apiBasePort });
      const started = net.organizations.map((org, i) => {
        const pid = spawnNodeProcess(org.dataDir, apiBasePort + i);
        const nodeKey = net.genesis.nodes[i]!;
        return { url: `http://127.0.0.1:${apiBasePort + i}`, pid, nodeKey, logFile: join(org.dataDir, 'node.log') };
      });
      const urls = started.map((node) => node.url);
      await Promise.all(started.map((node) => waitForHealthy(node, 60_000)));
      writeFileSync(join(dir, 'network.json'), JSON.stringify({ network: flags.network, nats: net.cluster.urls, organizations: net.organizations.map((org, i) => ({ id: org.id, api: urls[i], dataDir: org.dataDir })) }, null, 2) + '\n');
      console.log(`\nConsortium "${flags.network}" is up in ${dir}`);
      console.log(`  NATS        ${net.cluster.urls.join(' ')}  (TLS, CA ${net.caFile})`);
      net.organizations.forEach((org, i) => console.log(`  ${org.id.padEnd(14)}${urls[i]}/v1/network   logs ${join(org.dataDir, 'node.log')}`));
      console.log(`Stop with: custos network down --dir ${flags.dir}\n`);
    });

  network
    .command('down')
    .description('stop the nodes and NATS servers that `network up` started (SIGTERM, then SIGKILL)')
    .option('--dir <dir>', 'the directory given to `network up`', './network')
    .action(async (flags: { dir: string }) => {
      const files = pidFiles(resolve(flags.dir));
      const nodes = files.filter((file) => file.endsWith('node.pid'));
      await Promise.all(nodes.map((file) => stopPidFile(file)));
      await Promise.all(files.filter((file) => !nodes.includes(file)).map((file) => stopPidFile(file)));
      console.log(`stopped ${files.length} processes`);
    });

  network
    .command('node')
    .description('run one consortium node and its API from a data directory holding consortium.json (what systemd runs)')
    .requiredOption('--dir <dir>', 'the node data directory')
    .option('--host <host>', 'listen address', '127.0.0.1')
    .option('--port <port>', 'listen port (default: apiPort from consortium.json, else 8080)')
    .option('--log-level <level>', 'pino log level', 'info')
    .action(async (flags: { dir: string; host: string; port?: string; logLevel: string }) => {
      const logger = pino({ level: flags.logLevel });
      const { config, nats } = readConsortiumDataDir(flags.dir);
      const port = flags.port === undefined ? (config.apiPort ?? 8080) : toInteger('port', flags.port, 0);
      const serving = await serveConsortiumNode({ node: { ...defaultConsortiumNodeOptions, dataDir: flags.dir, nats }, host: flags.host, port }, logger);
      logger.info({ url: serving.url, org: serving.node.organization, height: serving.node.ledger.head().height }, 'consortium node serving');
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
