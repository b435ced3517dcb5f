import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ed25519Suite } from '../../../crypto/ed25519-suite.ts';
import { admitTransaction } from '../../../ledger/admission.ts';
import { prisonCollections as c } from '../collections.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { readPrisoner } from '../contract/prisoner-store.ts';
import { createPersonalDataStore } from '../personal-data/personal-data-store.ts';
import { createPrisonTestNetwork } from '../testing/prison-test-network.ts';
import { demoProvinceMembers, generateDemoProvince } from './demo-province.ts';
import { seedDemoProvince, type SeedProgress } from './seed-demo-province.ts';

test('a small demo province seeds with every transaction ok, personal data off the ledger, and progress reported', async () => {
  const prisons = ['JS-01', 'JS-02', 'JS-03'];
  const net = await createPrisonTestNetwork({ start: '2026-06-01', members: demoProvinceMembers(prisons) });
  const dir = mkdtempSync(join(tmpdir(), 'custos-demo-'));
  const personalData = createPersonalDataStore(join(dir, 'personal.sqlite'));
  const n = (prison: string) => prison.replace(/[^0-9]/g, '');
  const progress: SeedProgress[] = [];
  const result = await seedDemoProvince(
    {
      network: net.genesis.network,
      prisons,
      prisonersPerPrison: 30,
      days: 45,
      today: '2026-06-01',
      clock: net.now,
      personalData,
      batchSize: 20,
      signers: { bureau: net.member('demo-bureau').key, prison: (p) => ({ penalty: net.member(`demo-penalty-${n(p)}`).key, officer: net.member(`demo-officer-${n(p)}`).key }) },
    },
    async (batch) => {
      const admitted = batch.transactions.map((tx) => admitTransaction(tx, { suite: ed25519Suite, network: net.genesis.network, limits: { maxBytes: 256 * 1024 } }));
      const results = net.commit(admitted);
      return { failed: results.flatMap((r) => (r.status === 'failed' ? [{ code: r.code, message: r.message }] : [])) };
    },
    (p) => progress.push(p),
  );
  assert.deepEqual(result.firstFailures, []);
  assert.equal(result.failed, 0);
  assert.equal(progress.at(-1)!.done, result.transactions);
  assert.ok(result.transactions <= progress.at(-1)!.total);
  const p: PrisonerDoc = readPrisoner((collection, id) => net.ledger.state.get(collection, id)?.doc, 'JS01-000001')!;
  assert.equal(personalData.matches('JS01-000001', p.personalDataHash), true);
  assert.equal(JSON.stringify(p).includes(personalData.get('JS01-000001')!.record.idNumber), false, 'ID number not on the ledger');
  assert.ok(p.points.balance > 0);
  const alerts = net.ledger.state.query(c.alerts, { index: 'byRule', equals: ['PA-02'] });
  assert.equal(alerts.length, 0, 'migrated history raises no late-entry alerts');
  personalData.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a rerun that skips the batches already seeded generates the same remaining transactions (resume)', async () => {
  const prisons = ['JS-01', 'JS-02'];
  const net = await createPrisonTestNetwork({ start: '2026-06-01', members: demoProvinceMembers(prisons) });
  const n = (prison: string) => prison.replace(/[^0-9]/g, '');
  const options = {
    network: net.genesis.network,
    prisons,
    prisonersPerPrison: 10,
    days: 40,
    today: '2026-06-01',
    clock: () => 0,
    batchSize: 5,
    signers: { bureau: net.member('demo-bureau').key, prison: (p: string) => ({ penalty: net.member(`demo-penalty-${n(p)}`).key, officer: net.member(`demo-officer-${n(p)}`).key }) },
  };
  const full = [...generateDemoProvince(options)];
  const resumed = [...generateDemoProvince({ ...options, skipBatches: 10 })];
  assert.equal(resumed.length, full.length);
  for (const batch of resumed.slice(0, 10)) assert.deepEqual(batch.transactions, [], `batch ${batch.index} is skipped`);
  for (const [i, batch] of resumed.entries()) {
    assert.equal(batch.count, full[i]!.count, `batch ${i}: same size`);
    if (i >= 10) assert.deepEqual(batch.transactions, full[i]!.transactions, `batch ${i}: the same signed transactions`);
  }
});
