// Real `custos` processes for the cross-cutting tests: start a node on a data
// directory, wait until it serves, SIGKILL or stop it, run `custos verify`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const custosBin = fileURLToPath(new URL('../../bin/custos.mjs', import.meta.url));

/** Every child still running, so a failing test cannot leave one behind. */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port that was free a moment ago: listen on 0, read it, close. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port'))));
    });
  });
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface NodeProcess {
  url: string;
  port: number;
  pid: number;
  /** Resolves when the process has exited. */
  exited: Promise<ExitStatus>;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** SIGKILL (kill -9), then wait for the exit. */
  kill(): Promise<ExitStatus>;
  /** SIGTERM (a clean shutdown), SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<ExitStatus>;
}

export interface StartNodeOptions {
  dataDir: string;
  /** Extra `custos start` flags, e.g. ['--block-max-tx', '8']. */
  args?: string[];
  readyTimeoutMs?: number;
}

function startOnce(options: StartNodeOptions, port: number): Promise<NodeProcess> {
  const args = [custosBin, 'start', '--data', options.dataDir, '--host', '127.0.0.1', '--port', String(port), '--log-level', 'warn', ...(options.args ?? [])];
  const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let printed = '';
  const exited = new Promise<ExitStatus>((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const nodeProcess: NodeProcess = {
    url,
    port,
    pid: child.pid ?? -1,
    exited,
    output: () => printed,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    },
    async stop(graceMs = 20_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const status = await exited;
      clearTimeout(timer);
      return status;
    },
  };
  return new Promise<NodeProcess>((resolve, reject) => {
    const timeoutMs = options.readyTimeoutMs ?? 90_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`node on ${options.dataDir} not ready within ${timeoutMs} ms; output:\n${printed}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      printed += chunk.toString('utf8');
      // `custos start` prints its URLs once the API listens.
      if (printed.includes('API docs')) {
        clearTimeout(timer);
        resolve(nodeProcess);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((status) => {
      clearTimeout(timer);
      reject(new Error(`node on ${options.dataDir} exited before it was ready (code ${status.code}, signal ${status.signal}); output:\n${printed}`));
    });
  });
}

/**
 * Starts `custos start` on `dataDir` (initializing it when empty) on a free
 * port of 127.0.0.1 and resolves once it serves. Retries on another port if
 * the chosen one was taken in between.
 */
export async function startNodeProcess(options: StartNodeOptions): Promise<NodeProcess> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(options, await freePort());
    } catch (error: unknown) {
      lastError = error;
      if (!(error instanceof Error) || !error.message.includes('EADDRINUSE')) throw error;
    }
  }
  throw lastError;
}

export interface VerifyCliOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The parsed `--json` report, when asked for and printed. */
  report: { ok: boolean; blocks: number; transactions: number; problem?: { height?: number; what: string } } | undefined;
}

/** Runs `custos verify --data dir [--json]` as its own process. */
export function runVerifyCli(dataDir: string, json: boolean): VerifyCliOutcome {
  const args = [custosBin, 'verify', '--data', dataDir, ...(json ? ['--json'] : [])];
  const run = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  let report: VerifyCliOutcome['report'];
  if (json) {
    try {
      report = JSON.parse(run.stdout) as VerifyCliOutcome['report'];
    } catch {
      report = undefined;
    }
  }
  return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr, report };
}
