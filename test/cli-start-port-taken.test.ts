import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from './helpers/node-process.ts';
import { makeTempDir, removeDir } from './helpers/temp-dir.ts';

const custosBin = fileURLToPath(new URL('../bin/custos.mjs', import.meta.url));

test('`custos start` on a port already taken says so and exits, instead of running on without an API', { timeout: 120_000 }, async () => {
  const port = await freePort();
  const squatter = createServer().listen(port, '127.0.0.1');
  await new Promise((resolve) => squatter.once('listening', resolve));
  const dir = makeTempDir('port-taken');
  try {
    const child = spawn(process.execPath, [custosBin, 'start', '--data', dir, '--port', String(port), '--log-level', 'warn'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
      child.once('exit', (exitCode) => {
        clearTimeout(killer);
        resolve(exitCode);
      });
    });
    assert.notEqual(code, 0, 'a failed start is not a success');
    assert.notEqual(code, null, `the process exited by itself (stderr: ${stderr})`);
    assert.match(stderr, /EADDRINUSE/);
  } finally {
    squatter.close();
    removeDir(dir);
  }
});
