import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { waitForHealthy } from './network-processes.ts';

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; close: () => void }> {
  return new Promise((resolve) => {
    const server = createServer(handler);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}

test('a server that answers /healthz but is not the node started there is refused, not taken for it', async () => {
  // A NATS monitor also serves /healthz with 200.
  const other = await listen((request, response) => {
    response.writeHead(request.url === '/healthz' ? 200 : 404, { 'content-type': 'application/json' });
    response.end('{"status":"ok"}');
  });
  try {
    await assert.rejects(waitForHealthy({ url: other.url, pid: process.pid, nodeKey: 'the-node-key', logFile: '/nonexistent' }, 5_000), {
      code: 'CONSORTIUM_LAUNCHER_FAILED',
      message: /not as the node started there/,
    });
  } finally {
    other.close();
  }
});

test('the node answering with its own key is healthy', async () => {
  const node = await listen((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(request.url === '/v1/network' ? '{"nodeKey":"the-node-key"}' : '{"status":"ok","height":0}');
  });
  try {
    await waitForHealthy({ url: node.url, pid: process.pid, nodeKey: 'the-node-key', logFile: '/nonexistent' }, 5_000);
  } finally {
    node.close();
  }
});

test('a node process that died before answering is reported at once, with the end of its log', async () => {
  const log = join(mkdtempSync(join(tmpdir(), 'custos-wait-')), 'node.log');
  writeFileSync(log, 'starting\nError: listen EADDRINUSE 127.0.0.1:8101\n');
  const deadPid = 2 ** 22 + 12_345; // above Linux's pid_max default: no such process
  await assert.rejects(waitForHealthy({ url: 'http://127.0.0.1:9', pid: deadPid, nodeKey: 'k', logFile: log }, 30_000), {
    code: 'CONSORTIUM_LAUNCHER_FAILED',
    message: /exited before it was healthy[\s\S]*EADDRINUSE/,
  });
});
