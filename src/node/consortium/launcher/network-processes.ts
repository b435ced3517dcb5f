import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isCustosError } from '../../../errors/custos-error.ts';
import { consortiumError } from '../consortium-error.ts';

const cliEntry = new URL('../../../../bin/custos.mjs', import.meta.url).pathname;

/** Starts `custos network node --dir <dataDir>` detached, logging to node.log, its pid in node.pid. */
export function spawnNodeProcess(dataDir: string, port: number): number {
  const log = openSync(join(dataDir, 'node.log'), 'a');
  const child = spawn(process.execPath, [cliEntry, 'network', 'node', '--dir', dataDir, '--port', String(port)], { stdio: ['ignore', log, log], detached: true });
  closeSync(log);
  child.unref();
  writeFileSync(join(dataDir, 'node.pid'), `${child.pid}\n`);
  return child.pid!;
}

/** What `waitForHealthy` expects to find: this organization's node, started as `pid`. */
export interface ExpectedNode {
  url: string;
  pid: number;
  /** The node's public key (its checkpoints' signer). */
  nodeKey: string;
  /** Its node.log, quoted when the process dies before answering. */
  logFile: string;
}

function tail(file: string, lines: number): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Waits until the node answers /healthz and /v1/network names its own key.
 * A healthy answer alone is not enough: another server on the port (a NATS
 * monitor also serves /healthz) would pass for the node, and a node that died
 * binding the port would never be noticed.
 */
export async function waitForHealthy(expected: ExpectedNode, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(expected.pid)) {
      throw consortiumError('CONSORTIUM_LAUNCHER_FAILED', `the node for ${expected.url} exited before it was healthy; its log ends:\n${tail(expected.logFile, 15)}`);
    }
    try {
      if ((await fetch(`${expected.url}/healthz`)).ok) {
        const info = (await (await fetch(`${expected.url}/v1/network`)).json().catch(() => undefined)) as { nodeKey?: unknown } | undefined;
        if (info?.nodeKey === expected.nodeKey) return;
        throw consortiumError('CONSORTIUM_LAUNCHER_FAILED', `${expected.url} answers, but not as the node started there (another server holds the port?)`);
      }
    } catch (error) {
      if (isCustosError(error)) throw error;
      // not listening yet
    }
    await sleep(200);
  }
  throw consortiumError('CONSORTIUM_LAUNCHER_FAILED', `${expected.url} did not become healthy within ${timeoutMs} ms`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every pid file the launcher wrote under `dir` (nodes first, then NATS servers). */
export function pidFiles(dir: string): string[] {
  const files: string[] = [];
  const orgs = join(dir, 'orgs');
  if (existsSync(orgs)) for (const org of readdirSync(orgs)) files.push(join(orgs, org, 'node.pid'));
  const nats = join(dir, 'nats');
  if (existsSync(nats)) for (const server of readdirSync(nats)) files.push(join(nats, server, 'nats.pid'));
  return files.filter((file) => existsSync(file));
}

/** Stops the process in a pid file: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopPidFile(file: string, graceMs = 10_000): Promise<void> {
  const pid = Number(readFileSync(file, 'utf8').trim());
  if (Number.isSafeInteger(pid) && pid > 0 && isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(file, { force: true });
}
