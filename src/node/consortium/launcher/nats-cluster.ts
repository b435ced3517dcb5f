import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { consortiumError } from '../consortium-error.ts';
import type { NatsCertificates } from './create-test-certificates.ts';
import { freePort } from './free-port.ts';
import { natsServerConfig, type NatsUser } from './nats-server-config.ts';

/** Path of Debian's nats-server, or undefined when it is not installed. */
export function findNatsServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v nats-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path.length > 0 ? path : undefined;
}

export interface NatsClusterOptions {
  dir: string;
  size: number;
  host: string;
  certificates: NatsCertificates;
  users: NatsUser[];
  maxPayloadBytes: number;
  /** Detach the servers from this process (the launcher) instead of tying them to it (tests). */
  detached: boolean;
  /** Ports promised to something else (the nodes' HTTP APIs): never given to a server. */
  avoidPorts?: ReadonlySet<number>;
}

export interface NatsServerHandle {
  name: string;
  /** tls://host:port for clients. */
  url: string;
  configFile: string;
  monitorUrl: string;
  pid(): number | undefined;
  isRunning(): boolean;
  /** SIGKILL by default: a crash, not a shutdown. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
}

export interface NatsCluster {
  servers: NatsServerHandle[];
  urls: string[];
  stop(): Promise<void>;
}

/** Whether something accepts TCP connections on host:port now. */
function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Up means the monitor answers and the client port accepts connections: the
 * server starts its monitor first and opens the client port only after
 * JetStream is up, so a client that trusted /varz alone was sometimes
 * refused (seen in a CI run, on a busy machine).
 */
async function waitHealthy(monitorUrl: string, host: string, clientPort: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${monitorUrl}/varz`);
      if (response.ok && (await acceptsConnections(host, clientPort))) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

/**
 * Starts `size` nats-server processes as one JetStream cluster on `host`,
 * on free ports, with TLS and the given nkey users. Each server keeps its
 * configuration, log and JetStream store under `dir/nats-<i>/`.
 */
export async function startNatsCluster(options: NatsClusterOptions): Promise<NatsCluster> {
  const binary = findNatsServer();
  if (binary === undefined) throw consortiumError('CONSORTIUM_LAUNCHER_FAILED', 'nats-server is not installed (apt-get install nats-server)');
  const routeUser = 'route';
  const routePassword = randomBytes(18).toString('base64url');
  const systemPassword = randomBytes(18).toString('base64url');
  // Every port distinct and none of the avoided ones: a NATS monitor on a
  // node's API port answers its /healthz and a launcher would take it for the node.
  const taken = new Set(options.avoidPorts ?? []);
  const nextPort = async (): Promise<number> => {
    for (;;) {
      const port = await freePort(options.host);
      if (!taken.has(port)) {
        taken.add(port);
        return port;
      }
    }
  };
  const ports = [];
  for (let i = 0; i < options.size; i++) ports.push({ client: await nextPort(), cluster: await nextPort(), monitor: await nextPort() });
  const routes = ports.map((p) => `${options.host}:${p.cluster}`);

  const servers = ports.map((port, i): NatsServerHandle => {
    const name = `nats-${i + 1}`;
    const home = join(options.dir, name);
    mkdirSync(join(home, 'jetstream'), { recursive: true });
    const configFile = join(home, 'nats.conf');
    writeFileSync(
      configFile,
      natsServerConfig({
        name,
        clusterName: 'custos',
        host: options.host,
        clientPort: port.client,
        clusterPort: port.cluster,
        monitorPort: port.monitor,
        routes: routes.filter((_, j) => j !== i),
        routeUser,
        routePassword,
        storeDir: join(home, 'jetstream'),
        certificates: options.certificates,
        users: options.users,
        systemPassword,
        maxPayloadBytes: options.maxPayloadBytes,
      }),
      { mode: 0o600 },
    );
    let child: ChildProcess | undefined;
    let exited: Promise<void> = Promise.resolve();
    const monitorUrl = `http://${options.host}:${port.monitor}`;
    const handle: NatsServerHandle = {
      name,
      url: `tls://${options.host}:${port.client}`,
      configFile,
      monitorUrl,
      pid: () => child?.pid,
      isRunning: () => child !== undefined && child.exitCode === null && child.signalCode === null,
      async kill(signal: NodeJS.Signals = 'SIGKILL') {
        if (!handle.isRunning()) return;
        child!.kill(signal);
        await exited;
      },
      async start() {
        if (handle.isRunning()) return;
        const log = openSync(join(home, 'nats.log'), 'a');
        child = spawn(binary, ['-c', configFile], { stdio: ['ignore', log, log], detached: options.detached });
        closeSync(log);
        const current = child;
        exited = new Promise((resolve) => current.once('exit', () => resolve()));
        if (options.detached) {
          child.unref();
          writeFileSync(join(home, 'nats.pid'), `${child.pid}\n`);
        }
        if (!(await waitHealthy(monitorUrl, options.host, port.client, 10_000))) throw consortiumError('CONSORTIUM_LAUNCHER_FAILED', `${name} did not come up; see ${join(home, 'nats.log')}`);
      },
    };
    return handle;
  });
  const started = await Promise.allSettled(servers.map((server) => server.start()));
  const failed = started.find((outcome) => outcome.status === 'rejected');
  if (failed !== undefined) {
    // The ones that did come up would otherwise outlive the caller.
    await Promise.all(servers.map((server) => server.kill('SIGTERM')));
    throw failed.reason;
  }
  return {
    servers,
    urls: servers.map((server) => server.url),
    async stop() {
      await Promise.all(servers.map((server) => server.kill('SIGTERM')));
    },
  };
}
