import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import { signTransaction } from '../../src/ledger/transaction.ts';
import { createLocalNetwork } from '../../src/node/consortium/launcher/create-local-network.ts';
import { freePortRange } from '../../src/node/consortium/launcher/free-port.ts';
import { natsServerOrSkip } from './support/test-network.ts';

const cli = new URL('../../bin/custos.mjs', import.meta.url).pathname;

test('`custos network up --orgs 4 --nats 3` runs a consortium of processes that agree; `network down` stops them all', { timeout: 180_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const dir = join(mkdtempSync(join(tmpdir(), 'custos-launcher-')), 'net');
  const apiPort = await freePortRange(4);
  try {
    const up = spawnSync(process.execPath, [cli, 'network', 'up', '--orgs', '4', '--nats', '3', '--dir', dir, '--api-port', String(apiPort), '--network', 'launcher-test'], { encoding: 'utf8', timeout: 150_000 });
    assert.equal(up.status, 0, `network up failed: ${up.stderr}`);
    const summary = JSON.parse(readFileSync(join(dir, 'network.json'), 'utf8')) as { organizations: { id: string; api: string }[] };
    assert.equal(summary.organizations.length, 4);
    const key = ed25519Suite.generateSigningKey();
    const tx = signTransaction({ v: 1, network: 'launcher-test', contract: 'notary', fn: 'anchor', args: { hash: 'cd'.repeat(32), title: 'launcher', type: 'test.doc' }, signer: key.publicKey, nonce: 'launcher1', ts: Date.now() }, key);
    const response = await fetch(`${summary.organizations[0]!.api}/v1/transactions?wait=true`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tx) });
    assert.equal(response.status, 200, `submit answered ${response.status}: ${await response.clone().text()}`);
    const { txId, height } = (await response.json()) as { txId: string; height: number };
    for (const org of summary.organizations) {
      let body: { status?: string; height?: number } = {};
      for (let i = 0; i < 75 && body.status !== 'final'; i++) {
        const r = await fetch(`${org.api}/v1/transactions/${txId}`);
        if (r.ok) body = (await r.json()) as typeof body;
        if (body.status !== 'final') await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.equal(body.status, 'final', `${org.id} reports the transaction final`);
      assert.equal(body.height, height, `${org.id} has it in the same block`);
    }
  } finally {
    const down = spawnSync(process.execPath, [cli, 'network', 'down', '--dir', dir], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(down.status, 0, down.stderr);
    assert.match(down.stdout, /stopped 7 processes/);
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

test('a local network that fails after its NATS servers started stops them before it reports the error', { timeout: 120_000 }, async (t) => {
  if (!natsServerOrSkip(t)) return;
  const dir = mkdtempSync(join(tmpdir(), 'custos-launcher-fail-'));
  const serversOfThisNetwork = () => spawnSync('pgrep', ['-f', join(dir, 'nats')], { encoding: 'utf8' }).stdout.trim();
  try {
    // Five replicas on three servers: provisioning is refused (after its retries for a meta leader).
    await assert.rejects(createLocalNetwork({ dir, orgs: 2, natsServers: 3, network: 'launcher-fail', provision: { replicas: 5 }, detached: false, apiBasePort: 0 }));
    assert.equal(serversOfThisNetwork(), '', 'no nats-server of the failed network is left running');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
