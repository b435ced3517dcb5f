// A data directory written by an earlier release (test/fixtures/layout4-data,
// store layout 4, made by commit e9a56c3's ledger fixture) must verify as it
// is, open under this release, keep every block, transaction and root, and
// still refuse a replay of any of its transactions.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { canonicalize } from '../src/crypto/canonical-json.ts';
import { openLedger } from '../src/ledger/ledger.ts';
import { storeSchemaVersion } from '../src/ledger/store/schema.ts';
import { txIdIndexProblem } from '../src/ledger/store/tx-id-index.ts';
import { dataDirFiles, openDataDir } from '../src/node/data-dir.ts';
import { createNodeRuntime } from '../src/node/node-runtime.ts';
import { builtInContracts } from '../src/node/serve.ts';
import { verifyDataDir } from '../src/node/verify-data-dir.ts';
import { admit } from './helpers/ledger-fixture.ts';
import { makeTempDir, removeDir } from './helpers/temp-dir.ts';

interface FixtureManifest {
  head: { height: number; logSize: number; logRoot: string; stateRoot: string };
  transactions: { txId: string; seq: number; height: number; result: string }[];
}

const fixtureDir = join(import.meta.dirname, 'fixtures', 'layout4-data');
const manifest = JSON.parse(readFileSync(join(fixtureDir, 'fixture.json'), 'utf8')) as FixtureManifest;
const workDir = makeTempDir('upgrade');
after(() => removeDir(workDir));

function copyOfFixture(name: string): string {
  const dir = join(workDir, name);
  cpSync(fixtureDir, dir, { recursive: true });
  return dir;
}

function schemaOf(dir: string): string | undefined {
  const db = new Database(join(dir, dataDirFiles.ledger), { readonly: true });
  try {
    return db.prepare<[], string>("SELECT value FROM meta WHERE key = 'schema'").pluck().get();
  } finally {
    db.close();
  }
}

/** The first seq each txId was committed at: what a lookup by id must answer (later copies are failed replays). */
const firstSeqOf = new Map<string, number>();
for (const tx of [...manifest.transactions].reverse()) firstSeqOf.set(tx.txId, tx.seq);

test('the layout 4 fixture verifies as the earlier release left it', () => {
  const dir = copyOfFixture('as-left');
  assert.equal(schemaOf(dir), '4');
  assert.deepEqual(verifyDataDir(dir, builtInContracts), { ok: true, blocks: manifest.head.height, transactions: manifest.head.logSize, problem: undefined });
  assert.equal(schemaOf(dir), '4', 'verify opens the file read-only');
});

test('opened by this release, the layout 4 fixture keeps its chain, finds every transaction by id and refuses replays', () => {
  const dir = copyOfFixture('opened');
  const { genesis, nodeKey, ordererKey } = openDataDir(dir);
  const ledger = openLedger({ path: join(dir, dataDirFiles.ledger), genesis, executor: createNodeRuntime(genesis, builtInContracts).executor, nodeKey });
  try {
    const db = ledger.rawDatabase();
    assert.equal(db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get(), String(storeSchemaVersion));
    assert.equal(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'txs_by_id_key'").pluck().get(), 0, 'the old index is gone');
    assert.equal(txIdIndexProblem(db), undefined);
    const head = ledger.head();
    assert.deepEqual({ height: head.height, logSize: head.logSize, logRoot: head.logRoot, stateRoot: ledger.stateRoot() }, manifest.head);
    for (const [txId, seq] of firstSeqOf) {
      const stored = ledger.getTransaction(txId);
      assert.equal(stored.seq, seq, txId);
      const expected = manifest.transactions[seq]!;
      assert.equal(stored.result.status === 'ok' ? 'ok' : stored.result.code, expected.result, `result of #${seq}`);
    }
    const replays = [...firstSeqOf.keys()].slice(0, 3).map((txId) => admit(genesis, canonicalize(ledger.getTransaction(txId).tx)));
    const block = ledger.commitProposal({ time: genesis.time + 60_000_000, transactions: replays }, ordererKey!);
    assert.deepEqual(
      block.transactions.map((t) => (t.result.status === 'ok' ? 'ok' : t.result.code)),
      ['LEDGER_TX_DUPLICATE', 'LEDGER_TX_DUPLICATE', 'LEDGER_TX_DUPLICATE'],
    );
  } finally {
    ledger.close();
  }
  assert.deepEqual(verifyDataDir(dir, builtInContracts), { ok: true, blocks: manifest.head.height + 1, transactions: manifest.head.logSize + 3, problem: undefined });
});
