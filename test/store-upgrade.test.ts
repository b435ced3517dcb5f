// Data directories written by earlier releases (test/fixtures: layout4-data,
// store layout 4, made by commit e9a56c3's ledger fixture; layout5-data,
// layout 5, by bc9b322's) must verify as they are, open under this release,
// keep every block, transaction, document and root, and still refuse a replay
// of any of their transactions.
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { canonicalize } from '../src/crypto/canonical-json.ts';
import { openLedger } from '../src/ledger/ledger.ts';
import { storeSchemaVersion } from '../src/ledger/store/schema.ts';
import { stateKeyIndexProblem } from '../src/ledger/store/state-key-index.ts';
import { txIdIndexProblem } from '../src/ledger/store/tx-id-index.ts';
import { dataDirFiles, openDataDir } from '../src/node/data-dir.ts';
import { createNodeRuntime } from '../src/node/node-runtime.ts';
import { builtInContracts } from '../src/node/serve.ts';
import { verifyDataDir } from '../src/node/verify-data-dir.ts';
import { notaryCollection } from '../src/runtime/contracts/notary.ts';
import { admit } from './helpers/ledger-fixture.ts';
import { makeTempDir, removeDir } from './helpers/temp-dir.ts';

interface FixtureManifest {
  head: { height: number; logSize: number; logRoot: string; stateRoot: string };
  transactions: { txId: string; seq: number; height: number; result: string }[];
}

const workDir = makeTempDir('upgrade');
after(() => removeDir(workDir));

function schemaOf(dir: string): string | undefined {
  const db = new Database(join(dir, dataDirFiles.ledger), { readonly: true });
  try {
    return db.prepare<[], string>("SELECT value FROM meta WHERE key = 'schema'").pluck().get();
  } finally {
    db.close();
  }
}

/** The indexes later layouts replaced: each must be gone once this release has opened the file. */
const replacedIndexes = ['txs_by_id_key', 'state_by_key', 'state_index_entries_order'];

for (const layout of ['4', '5']) {
  const fixtureDir = join(import.meta.dirname, 'fixtures', `layout${layout}-data`);
  const manifest = JSON.parse(readFileSync(join(fixtureDir, 'fixture.json'), 'utf8')) as FixtureManifest;
  const copyOfFixture = (name: string): string => {
    const dir = join(workDir, `layout${layout}-${name}`);
    cpSync(fixtureDir, dir, { recursive: true });
    return dir;
  };
  /** The first seq each txId was committed at: what a lookup by id must answer (later copies are failed replays). */
  const firstSeqOf = new Map<string, number>();
  for (const tx of [...manifest.transactions].reverse()) firstSeqOf.set(tx.txId, tx.seq);

  test(`the layout ${layout} fixture verifies as the earlier release left it`, () => {
    const dir = copyOfFixture('as-left');
    assert.equal(schemaOf(dir), layout);
    assert.deepEqual(verifyDataDir(dir, builtInContracts), { ok: true, blocks: manifest.head.height, transactions: manifest.head.logSize, problem: undefined });
    assert.equal(schemaOf(dir), layout, 'verify opens the file read-only');
  });

  test(`opened by this release, the layout ${layout} fixture keeps its chain and documents, finds every transaction by id and refuses replays`, () => {
    const dir = copyOfFixture('opened');
    const { genesis, nodeKey, ordererKey } = openDataDir(dir);
    const ledger = openLedger({ path: join(dir, dataDirFiles.ledger), genesis, executor: createNodeRuntime(genesis, builtInContracts).executor, nodeKey });
    try {
      const db = ledger.rawDatabase();
      assert.equal(db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get(), String(storeSchemaVersion));
      for (const name of replacedIndexes) assert.equal(db.prepare('SELECT count(*) FROM sqlite_schema WHERE name = ?').pluck().get(name), 0, `${name} is gone`);
      assert.match(db.prepare<[], string>("SELECT sql FROM sqlite_schema WHERE name = 'state_index_entries'").pluck().get()!, /WITHOUT ROWID/);
      assert.equal(txIdIndexProblem(db), undefined);
      assert.equal(stateKeyIndexProblem(db), undefined);
      const head = ledger.head();
      assert.deepEqual({ height: head.height, logSize: head.logSize, logRoot: head.logRoot, stateRoot: ledger.stateRoot() }, manifest.head);
      const anchors: string[] = [];
      for (const [txId, seq] of firstSeqOf) {
        const stored = ledger.getTransaction(txId);
        assert.equal(stored.seq, seq, txId);
        const expected = manifest.transactions[seq]!;
        assert.equal(stored.result.status === 'ok' ? 'ok' : stored.result.code, expected.result, `result of #${seq}`);
        if (stored.result.status === 'ok') anchors.push((stored.tx.args as { hash: string }).hash);
      }
      // Every anchor is found by its key and by both of the notary's declared indexes, as before the upgrade.
      for (const hash of anchors) assert.equal(ledger.state.get(notaryCollection, hash)?.doc['hash'], hash);
      for (const index of ['byType', 'bySigner']) {
        const found = ledger.state.query(notaryCollection, { index, limit: 1000 }).map((document) => document.id);
        assert.deepEqual([...found].sort(), [...anchors].sort(), index);
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
}
