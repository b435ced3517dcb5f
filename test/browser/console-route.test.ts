import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { consoleRoutes } from '../../src/api/routes/console.ts';

// The console route alone, over a stand-in build, so it runs without Chromium or a real build.
async function consoleApp(withIndex = true) {
  const root = mkdtempSync(join(tmpdir(), 'custos-console-'));
  mkdirSync(join(root, 'assets'));
  if (withIndex) writeFileSync(join(root, 'index.html'), '<!doctype html><title>console</title>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  const app = Fastify();
  app.get('/v1/network', async () => ({ ok: true }));
  await app.register(consoleRoutes({ root }));
  return { app, close: async () => (await app.close(), rmSync(root, { recursive: true, force: true })) };
}

test('console route: client routes get index.html, built files are served, API paths keep problem+json 404s', async () => {
  const { app, close } = await consoleApp();
  try {
    for (const path of ['/', '/verify', '/verify?tx=abc', `/tx/${'a'.repeat(64)}`, '/blocks/7', '/prison/cases']) {
      const response = await app.inject({ method: 'GET', url: path });
      assert.equal(response.statusCode, 200, path);
      assert.match(response.headers['content-type'] as string, /^text\/html/, path);
      assert.equal(response.headers['cache-control'], 'no-cache', path);
      assert.ok(response.body.includes('<title>console</title>'), path);
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(asset.headers['content-type'] as string, /javascript/);
    assert.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await app.inject({ method: 'GET', url: '/v1/network' })).json().ok, true, 'API routes win over the console');
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2f..%2fpackage.json']) {
      const response = await app.inject({ method: 'GET', url: path });
      assert.ok(!response.body.includes('root:') && !response.body.includes('"name"'), `${path} stays inside the build`);
    }
    for (const path of ['/v1/nothing', '/v1', '/docs/nothing', '/metrics/x', '/assets/missing.js']) {
      const response = await app.inject({ method: 'GET', url: path });
      assert.equal(response.statusCode, 404, path);
      assert.match(response.headers['content-type'] as string, /^application\/problem\+json/, path);
      assert.equal(response.json().code, 'API_NOT_FOUND', path);
    }
  } finally {
    await close();
  }
});

test('console route: an unbuilt console says how to build it', async () => {
  const { app, close } = await consoleApp(false);
  try {
    const response = await app.inject({ method: 'GET', url: '/verify' });
    assert.equal(response.statusCode, 404);
    assert.match(response.json().detail, /npm run build:web/);
  } finally {
    await close();
  }
});
