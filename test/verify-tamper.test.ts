// `custos verify` against tampered copies of a real data directory: one
// changed byte in a stored value, a deleted block, two transactions swapped,
// raw bytes flipped in the SQLite file. Each case must fail verification and,
// where the change belongs to a block, name that block's height — worked out
// here independently from the untouched copy, not taken from verify.
//
// The data directory is built from the seed alone (in process, through the
// ledger's own commit path), so `CUSTOS_TEST_SEED=<seed>` replays every case
// byte for byte.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirFiles } from '../src/node/data-dir.ts';
import { builtInContracts } from '../src/node/serve.ts';
import { verifyDataDir, type VerifyReport } from '../src/node/verify-data-dir.ts';
import { buildLedgerFixture, resultCode, type BuiltFixture } from './helpers/ledger-fixture.ts';
import { runVerifyCli } from './helpers/node-process.ts';
import { createSeededRandom, replayHint, testSeed, withSeed, type SeededRandom } from './helpers/seeded-random.ts';
import { dumpTables, fileLayout, findInPagesOf, sqliteIntegrity } from './helpers/sqlite-files.ts';
import { makeTempDir, removeDir } from './helpers/temp-dir.ts';

const thisFile = 'test/verify-tamper.test.ts';
const seed = testSeed();
const random = createSeededRandom(seed);
const workDir = makeTempDir('tamper');
const pristineDir = join(workDir, 'pristine');
const levelStride = 2 ** 40;

interface BlockRange {
  height: number;
  firstSeq: number;
  txCount: number;
}

let fixture: BuiltFixture;
let blocks: BlockRange[] = [];
let totalTransactions = 0;
let pristineDump: Record<string, string[]>;
let copies = 0;

/** The block holding transaction `seq`, from the untouched copy's block ranges. */
function heightOfSeq(seq: number): number {
  const block = blocks.find((b) => seq >= b.firstSeq && seq < b.firstSeq + b.txCount);
  assert.ok(block !== undefined, `no block holds transaction #${seq}`);
  return block.height;
}

function ledgerPathOf(dir: string): string {
  return join(dir, dataDirFiles.ledger);
}

/**
 * A fresh copy of the untouched directory. Readers of the original leave an
 * empty -wal/-shm pair behind (SQLite in WAL mode); `before` checks the WAL
 * is empty, so the copy takes the main file alone.
 */
function freshCopy(): string {
  const dir = join(workDir, `copy-${++copies}`);
  cpSync(pristineDir, dir, { recursive: true, filter: (source) => !/-(wal|shm)$/.test(source) });
  return dir;
}

/** A fresh copy, changed by `mutate` through SQL. */
function tamperedCopy(mutate: (db: Database.Database) => void): string {
  const dir = freshCopy();
  const db = new Database(ledgerPathOf(dir), { fileMustExist: true });
  try {
    mutate(db);
  } finally {
    db.close();
  }
  return dir;
}

/** A fresh copy whose ledger.sqlite bytes are changed by `mutate`. */
function rawTamperedCopy(mutate: (file: Buffer) => void): string {
  const dir = freshCopy();
  const file = readFileSync(ledgerPathOf(dir));
  mutate(file);
  writeFileSync(ledgerPathOf(dir), file);
  return dir;
}

/** What verify made of a copy: its report, or the error it threw (verify must report, never throw). */
type Verdict = { report: VerifyReport; threw?: undefined } | { report?: undefined; threw: string };

/** Verifies a copy in process, then removes it. */
function verifyCopy(dir: string): Verdict {
  try {
    return { report: verifyDataDir(dir, builtInContracts) };
  } catch (error: unknown) {
    return { threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    removeDir(dir);
  }
}

function describe(verdict: Verdict): string {
  return verdict.report === undefined ? `verify THREW (${verdict.threw})` : `verify said ${JSON.stringify(verdict.report)}`;
}

/** A failed report that names `height`. */
function failsAt(verdict: Verdict, height: number): boolean {
  return verdict.report !== undefined && !verdict.report.ok && verdict.report.problem?.height === height;
}

/** A failed report, at any height. */
function fails(verdict: Verdict): boolean {
  return verdict.report !== undefined && !verdict.report.ok;
}

const asciiAlphabets = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '-_'];

/**
 * `text` with the ASCII character at `index` replaced by another that looks
 * as valid there: hex stays hex inside hashes, digits stay digits, letters
 * stay letters of the same case; punctuation becomes a letter or digit.
 */
function flipCharacter(text: string, index: number, rng: SeededRandom): { changed: string; from: string; to: string } {
  const from = text[index]!;
  let start = index;
  let end = index;
  while (start > 0 && /[0-9a-f]/.test(text[start - 1]!)) start--;
  while (end < text.length - 1 && /[0-9a-f]/.test(text[end + 1]!)) end++;
  const inHexRun = /[0-9a-f]/.test(from) && end - start + 1 >= 16;
  const alphabet = inHexRun ? '0123456789abcdef' : (asciiAlphabets.find((chars) => chars.includes(from)) ?? 'abcdefghijklmnopqrstuvwxyz0123456789');
  let to = from;
  while (to === from) to = rng.pick([...alphabet]);
  return { changed: text.slice(0, index) + to + text.slice(index + 1), from, to };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function randomAsciiIndex(text: string, rng: SeededRandom): number {
  const candidates: number[] = [];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 128) candidates.push(i);
  return rng.pick(candidates);
}

interface ValueTarget {
  table: string;
  column: string;
  keys: string[];
  /** Height of the block a row belongs to, reasoned from the untouched copy. */
  expectedHeight(row: Record<string, unknown>, db: Database.Database): number;
}

const valueTargets: ValueTarget[] = [
  { table: 'blocks', column: 'header', keys: ['height'], expectedHeight: (row) => row['height'] as number },
  { table: 'blocks', column: 'hash', keys: ['height'], expectedHeight: (row) => row['height'] as number },
  ...(['body', 'result', 'id'] as const).map(
    (column): ValueTarget => ({
      table: 'txs',
      column,
      keys: ['seq'],
      expectedHeight(row) {
        const height = heightOfSeq(row['seq'] as number);
        assert.equal(row['height'], height, `txs #${String(row['seq'])} is filed under the block whose range holds it`);
        return height;
      },
    }),
  ),
  { table: 'checkpoints', column: 'body', keys: ['height', 'signer'], expectedHeight: (row) => row['height'] as number },
  {
    table: 'state',
    column: 'doc',
    keys: ['collection', 'id'],
    // The block that last wrote the document; a notary document is written
    // once, by the transaction it names.
    expectedHeight(row, db) {
      const doc = JSON.parse(row['doc'] as string) as { txId: string; height: number };
      const tx = db.prepare<[string], { height: number }>('SELECT height FROM txs WHERE id = ?').get(doc.txId);
      assert.equal(tx?.height, row['height'], `state ${String(row['id'])} was written by the block of its transaction`);
      assert.equal(doc.height, row['height'], `state ${String(row['id'])} records its own block`);
      return row['height'] as number;
    },
  },
  {
    table: 'merkle_nodes',
    column: 'hash',
    keys: ['key'],
    // Node (level, index) is the perfect subtree over leaves
    // [index·2^level, (index+1)·2^level); the log stores it when its last
    // leaf is appended, i.e. in the block holding that leaf.
    expectedHeight(row) {
      const key = row['key'] as number;
      const level = Math.floor(key / levelStride);
      const index = key % levelStride;
      return heightOfSeq((index + 1) * 2 ** level - 1);
    },
  },
];

before(() => {
  fixture = buildLedgerFixture(pristineDir, {
    random,
    network: 'tamper-test',
    blocks: 60,
    maxTransactionsPerBlock: 10,
    // No exact replays: two identical transactions in one block could be
    // swapped without changing a byte.
    weights: { ok: 80, anchoredAgain: 8, badArgs: 6, unknownFunction: 3, outOfWindow: 3 },
  });
  fixture.plan.forEach((block, b) =>
    block.transactions.forEach((planned, i) => {
      const committed = fixture.committed[b]!.transactions[i]!;
      assert.equal(resultCode(committed.result), planned.expected, `block ${b + 1} tx ${i} (${planned.kind}) — ${replayHint(seed, thisFile)}`);
    }),
  );
  const db = new Database(ledgerPathOf(pristineDir), { readonly: true, fileMustExist: true });
  blocks = db.prepare<[], BlockRange>('SELECT height, first_seq AS firstSeq, tx_count AS txCount FROM blocks ORDER BY height').all();
  totalTransactions = (db.prepare('SELECT COUNT(*) AS n FROM txs').get() as { n: number }).n;
  db.close();
  pristineDump = dumpTables(ledgerPathOf(pristineDir));
  const wal = `${ledgerPathOf(pristineDir)}-wal`;
  assert.ok(!existsSync(wal) || statSync(wal).size === 0, 'everything of the untouched copy is in ledger.sqlite');
});

after(() => removeDir(workDir));

test(`fixture and control (${replayHint(seed, thisFile)})`, (t) => {
  t.diagnostic(replayHint(seed, thisFile));
  assert.equal(blocks.length, 60);
  assert.ok(totalTransactions >= 250, `a few hundred transactions, got ${totalTransactions}`);
  assert.ok(blocks.filter((b) => b.txCount >= 2).length >= 10, 'many blocks hold two or more transactions');
  const control = verifyCopy(freshCopy());
  assert.deepEqual(control.report, { ok: true, blocks: 60, transactions: totalTransactions, problem: undefined }, describe(control));
  const cli = runVerifyCli(pristineDir, false);
  assert.equal(cli.exitCode, 0, `custos verify on the untouched copy:\n${cli.stdout}\n${cli.stderr}`);
  assert.equal(cli.stdout.trim(), `ok: 60 blocks and ${totalTransactions} transactions verified`);
});

// state.doc and merkle_nodes.hash once made verify throw "This database
// connection is busy executing a query" instead of reporting: a comparison
// that failed left its row cursor open, and the database could not close.
test('one changed byte in any stored value is caught at the block it belongs to', () =>
  withSeed(seed, thisFile, () => {
    const casesPerTarget = 7;
    const failures: string[] = [];
    const reader = new Database(ledgerPathOf(pristineDir), { readonly: true, fileMustExist: true });
    let cases = 0;
    try {
      for (const target of valueTargets) {
        const rows = reader.prepare(`SELECT *, ${target.column} AS value FROM ${target.table}`).all() as Record<string, unknown>[];
        for (let i = 0; i < casesPerTarget; i++) {
          const row = random.pick(rows);
          const expected = target.expectedHeight(row, reader);
          const where = target.keys.map((k) => `${k} = ?`).join(' AND ');
          const keyValues = target.keys.map((k) => row[k]);
          let change: string;
          let newValue: string | Buffer;
          if (Buffer.isBuffer(row['value'])) {
            const bytes = Buffer.from(row['value']);
            const at = random.int(0, bytes.length - 1);
            const before = bytes[at]!;
            bytes[at] = before ^ random.int(1, 255);
            newValue = bytes;
            change = `byte ${at}: ${before.toString(16)} → ${bytes[at]!.toString(16)}`;
          } else {
            const text = row['value'] as string;
            let at = randomAsciiIndex(text, random);
            let flipped = flipCharacter(text, at, random);
            // SQLite's JSON indexes on state refuse a document that is no
            // longer JSON, so a state document is changed into another valid one.
            while (target.table === 'state' && !isJson(flipped.changed)) {
              at = randomAsciiIndex(text, random);
              flipped = flipCharacter(text, at, random);
            }
            newValue = flipped.changed;
            change = `char ${at} of ${text.length}: ${JSON.stringify(flipped.from)} → ${JSON.stringify(flipped.to)} in …${JSON.stringify(text.slice(Math.max(0, at - 12), at + 12))}…`;
          }
          const label = `${target.table}.${target.column} at ${target.keys.map((k) => `${k}=${String(row[k])}`).join(',')}, ${change}`;
          const dir = tamperedCopy((db) => {
            const changed = db.prepare(`UPDATE ${target.table} SET ${target.column} = ? WHERE ${where}`).run(newValue, ...keyValues);
            assert.equal(changed.changes, 1, label);
          });
          const verdict = verifyCopy(dir);
          cases += 1;
          if (!failsAt(verdict, expected)) failures.push(`${label}: expected failure at height ${expected}, ${describe(verdict)}`);
        }
      }
    } finally {
      reader.close();
    }
    assert.ok(cases >= 40, `at least 40 cases, ran ${cases}`);
    assert.deepEqual(failures, [], `${failures.length} of ${cases} changed values not caught at the right height`);
  }));

test('custos verify --json exits 1 and names the height of a changed result', () =>
  withSeed(seed, thisFile, () => {
    const block = random.pick(blocks);
    const seq = block.firstSeq + random.int(0, block.txCount - 1);
    const dir = tamperedCopy((db) => {
      const row = db.prepare<[number], { result: string }>('SELECT result FROM txs WHERE seq = ?').get(seq)!;
      db.prepare('UPDATE txs SET result = ? WHERE seq = ?').run(flipCharacter(row.result, randomAsciiIndex(row.result, random), random).changed, seq);
    });
    const cli = runVerifyCli(dir, true);
    removeDir(dir);
    assert.equal(cli.exitCode, 1, `exit code; stdout:\n${cli.stdout}\nstderr:\n${cli.stderr}`);
    assert.equal(cli.report?.ok, false, cli.stdout);
    assert.equal(cli.report?.problem?.height, block.height, cli.stdout);
  }));

test('a deleted block row is named by its height', () =>
  withSeed(seed, thisFile, () => {
    const failures: string[] = [];
    const heights = new Set<number>([1]);
    while (heights.size < 5) heights.add(random.int(2, blocks.length - 1));
    for (const height of heights) {
      const verdict = verifyCopy(tamperedCopy((db) => db.prepare('DELETE FROM blocks WHERE height = ?').run(height)));
      if (!failsAt(verdict, height)) failures.push(`block ${height} deleted: ${describe(verdict)}`);
    }
    assert.deepEqual(failures, []);
  }));

// With the head block's row gone the block loop ends cleanly; the orphaned
// transactions must still be reported, and at the height they belong to.
test('a deleted head block is named by its height', () =>
  withSeed(seed, thisFile, () => {
    const head = blocks[blocks.length - 1]!.height;
    const verdict = verifyCopy(tamperedCopy((db) => db.prepare('DELETE FROM blocks WHERE height = ?').run(head)));
    assert.ok(failsAt(verdict, head), `head block ${head} deleted: ${describe(verdict)}`);
  }));

test('a layout 3 file not yet opened by this release verifies, though it still holds Merkle levels 1-3', () => {
  const verdict = verifyCopy(
    tamperedCopy((db) => {
      // As layout 3 wrote them; layout 4 neither reads nor writes these levels, so their bytes cannot matter.
      const insert = db.prepare('INSERT INTO merkle_nodes (key, hash) VALUES (?, ?)');
      insert.run(levelStride, Buffer.alloc(32, 1));
      insert.run(3 * levelStride + 1, Buffer.alloc(32, 2));
      db.prepare("UPDATE meta SET value = '3' WHERE key = 'schema'").run();
    }),
  );
  assert.equal(verdict.report?.ok, true, describe(verdict));
});

test('two transactions swapped within a block are caught at that block', () =>
  withSeed(seed, thisFile, () => {
    const failures: string[] = [];
    const candidates = blocks.filter((b) => b.txCount >= 2);
    for (let i = 0; i < 6; i++) {
      const block = random.pick(candidates);
      const a = block.firstSeq + random.int(0, block.txCount - 1);
      let b = a;
      while (b === a) b = block.firstSeq + random.int(0, block.txCount - 1);
      const dir = tamperedCopy((db) => {
        db.transaction(() => {
          db.prepare('UPDATE txs SET seq = -1 WHERE seq = ?').run(a);
          db.prepare('UPDATE txs SET seq = ? WHERE seq = ?').run(a, b);
          db.prepare('UPDATE txs SET seq = ? WHERE seq = -1').run(b);
        })();
      });
      const verdict = verifyCopy(dir);
      if (!failsAt(verdict, block.height)) failures.push(`swapped #${a} and #${b} in block ${block.height}: ${describe(verdict)}`);
    }
    assert.deepEqual(failures, []);
  }));

/**
 * Whether a raw change matters: SQLite's own integrity check, and whether
 * any table's content differs from the untouched copy.
 */
function rawChangeMatters(dir: string): { matters: boolean; contentChanged: boolean; why: string } {
  const path = ledgerPathOf(dir);
  const integrity = sqliteIntegrity(path);
  let dump: Record<string, string[]>;
  try {
    dump = dumpTables(path);
  } catch (error: unknown) {
    return { matters: true, contentChanged: true, why: `tables unreadable: ${error instanceof Error ? error.message : String(error)}` };
  }
  for (const [table, rows] of Object.entries(pristineDump)) {
    const now = dump[table] ?? [];
    if (now.length !== rows.length) return { matters: true, contentChanged: true, why: `${table} has ${now.length} rows, was ${rows.length}` };
    const i = rows.findIndex((row, k) => row !== now[k]);
    if (i >= 0) return { matters: true, contentChanged: true, why: `${table} row ${i} changed: ${now[i]!.slice(0, 160)}` };
  }
  if (integrity !== 'ok') return { matters: true, contentChanged: false, why: `integrity_check: ${integrity.slice(0, 200)}` };
  return { matters: false, contentChanged: false, why: 'same content, integrity ok (unused bytes)' };
}

test('raw bytes flipped inside stored values in the SQLite file are caught at their block', () =>
  withSeed(seed, thisFile, () => {
    const path = ledgerPathOf(pristineDir);
    const layout = fileLayout(path);
    const reader = new Database(path, { readonly: true, fileMustExist: true });
    const failures: string[] = [];
    try {
      const targets: { owner: string; text: string; height: number; what: string }[] = [];
      for (let i = 0; i < 3; i++) {
        const block = random.pick(blocks);
        const seq = block.firstSeq + random.int(0, block.txCount - 1);
        const tx = reader.prepare<[number], { body: string }>('SELECT body FROM txs WHERE seq = ?').get(seq)!;
        targets.push({ owner: 'txs', text: (JSON.parse(tx.body) as { sig: string }).sig, height: block.height, what: `signature of transaction #${seq}` });
        const header = reader.prepare<[number], { header: string }>('SELECT header FROM blocks WHERE height = ?').get(block.height)!;
        targets.push({ owner: 'blocks', text: (JSON.parse(header.header) as { sig: string }).sig, height: block.height, what: `orderer signature of block ${block.height}` });
      }
      const doc = random.pick(reader.prepare<[], { doc: string; height: number }>('SELECT doc, height FROM state').all());
      targets.push({ owner: 'state', text: doc.doc, height: doc.height, what: 'a state document' });
      for (const target of targets) {
        // Freed space inside a page can still hold an old copy of a value:
        // flip the occurrence that is the live row (the one whose change shows in the table).
        const offsets = findInPagesOf(path, layout, target.owner, target.text);
        assert.ok(offsets.length >= 1, `${target.what} is in ${target.owner}'s pages`);
        const within = randomAsciiIndex(target.text, random);
        let flipped = false;
        for (const offset of offsets) {
          const at = offset + within;
          const dir = rawTamperedCopy((file) => {
            const window = file.toString('latin1', at - 20, at + 20);
            file.write(flipCharacter(window, 20, random).changed, at - 20, 'latin1');
          });
          if (!rawChangeMatters(dir).contentChanged) {
            removeDir(dir);
            continue;
          }
          flipped = true;
          const verdict = verifyCopy(dir);
          if (!failsAt(verdict, target.height)) failures.push(`byte ${at} in ${target.what}: expected failure at ${target.height}, ${describe(verdict)}`);
          break;
        }
        assert.ok(flipped, `one of ${offsets.length} copies of ${target.what} in the file is the live row`);
      }
    } finally {
      reader.close();
    }
    assert.deepEqual(failures, []);
  }));

test('a file that is no longer a SQLite database is reported, not a crash', () =>
  withSeed(seed, thisFile, () => {
    const dir = rawTamperedCopy((file) => {
      const at = random.int(0, 15); // inside "SQLite format 3\0"
      file[at] = file[at]! ^ 0x20;
    });
    const cli = runVerifyCli(dir, true);
    const verdict = verifyCopy(dir);
    assert.ok(fails(verdict), describe(verdict));
    assert.equal(cli.exitCode, 1, `exit code; stdout:\n${cli.stdout}\nstderr:\n${cli.stderr}`);
    assert.equal(cli.report?.ok, false, cli.stdout);
  }));

// A flip into free space changes nothing and may pass; one that changes a
// row, or leaves a file SQLite itself calls damaged, must fail. Every table
// a node reads is in reach: blocks, transactions, checkpoints, Merkle nodes,
// state, declared indexes and their entries, meta, and the SQLite indexes.
test('random raw byte flips: never a crash, and every flip that changes content or damages the file fails verify', (t) =>
  withSeed(seed, thisFile, () => {
    const path = ledgerPathOf(pristineDir);
    const size = statSync(path).size;
    const layout = fileLayout(path);
    const ownerOf = (at: number) => layout.pages.find((page) => page.pageno === Math.floor(at / layout.pageSize) + 1)?.name ?? 'free or header';
    const failures: string[] = [];
    let mattered = 0;
    const flips = 24;
    for (let i = 0; i < flips; i++) {
      const at = random.int(0, size - 1);
      const mask = random.int(1, 255);
      const dir = rawTamperedCopy((file) => {
        file[at] = file[at]! ^ mask;
      });
      const { matters, why } = rawChangeMatters(dir);
      const verdict = verifyCopy(dir);
      if (matters) mattered += 1;
      const label = `byte ${at} (${ownerOf(at)}) ^ 0x${mask.toString(16)}`;
      if (verdict.threw !== undefined) failures.push(`${label}: ${describe(verdict)}`);
      else if (matters && verdict.report.ok) failures.push(`${label}: ${why}; verify said ok`);
    }
    t.diagnostic(`${mattered} of ${flips} random flips changed content or damaged the file`);
    assert.deepEqual(failures, []);
  }));

const checkpointKeyIndex = 'sqlite_autoindex_checkpoints_1';

// A byte changed inside the index SQLite keeps for the checkpoints' key
// leaves every table row intact, so the replay passes, yet SQLite reports the
// file damaged and the node finds checkpoints through that index: verify
// checks the file's structure.
test('a byte flipped inside an index page fails verify', () =>
  withSeed(seed, thisFile, () => {
    const path = ledgerPathOf(pristineDir);
    const layout = fileLayout(path);
    const leaves = layout.pages.filter((page) => page.name === checkpointKeyIndex && page.pagetype === 'leaf');
    assert.ok(leaves.length > 0, 'the checkpoint key index has leaf pages');
    const page = random.pick(leaves);
    const pageStart = (page.pageno - 1) * layout.pageSize;
    // The cell content area runs from the offset in header bytes 5-6 to the page's end.
    const contentStart = pageStart + readFileSync(path).readUInt16BE(pageStart + 5);
    // Not every byte there is a live entry (freed cells stay as they were):
    // take the first seeded flip that SQLite's own integrity check notices.
    for (let attempt = 0; attempt < 40; attempt++) {
      const at = random.int(contentStart, pageStart + layout.pageSize - 1);
      const mask = random.int(1, 255);
      const dir = rawTamperedCopy((file) => {
        file[at] = file[at]! ^ mask;
      });
      const { matters, contentChanged, why } = rawChangeMatters(dir);
      if (!matters) {
        removeDir(dir);
        continue;
      }
      assert.equal(contentChanged, false, `an index flip leaves the tables as they were (${why})`);
      const verdict = verifyCopy(dir);
      assert.ok(fails(verdict), `byte ${at} ^ 0x${mask.toString(16)} in ${checkpointKeyIndex} page ${page.pageno}: ${why}; ${describe(verdict)}`);
      return;
    }
    assert.fail(`no flip in ${checkpointKeyIndex} page ${page.pageno} damaged the index`);
  }));

// A restarted node resumes its state root from meta.state_sum, refuses a
// file whose meta.genesis_hash is not its genesis's, and reads the layout
// number to decide on migrations: each changed is a wrong node while every
// block still replays.
test('a changed meta row (state sum, genesis, layout number) fails verify', () =>
  withSeed(seed, thisFile, () => {
    const edits: [string, RegExp, (db: Database.Database) => void][] = [
      [
        'state_sum',
        /state sum/,
        (db) => {
          const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'state_sum'").get()!;
          db.prepare("UPDATE meta SET value = ? WHERE key = 'state_sum'").run(flipCharacter(row.value, random.int(0, row.value.length - 1), random).changed);
        },
      ],
      [
        'genesis_hash',
        /meta\.genesis_hash/,
        (db) => {
          const row = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'genesis_hash'").get()!;
          db.prepare("UPDATE meta SET value = ? WHERE key = 'genesis_hash'").run(flipCharacter(row.value, random.int(0, row.value.length - 1), random).changed);
        },
      ],
      ['genesis', /meta\.genesis\b/, (db) => db.prepare(`UPDATE meta SET value = replace(value, '"network"', '"netwxrk"') WHERE key = 'genesis'`).run()],
      ['schema from the future', /layout number/, (db) => db.prepare("UPDATE meta SET value = '9' WHERE key = 'schema'").run()],
      ['schema of a layout that needs migrating', /layout number/, (db) => db.prepare("UPDATE meta SET value = '1' WHERE key = 'schema'").run()],
      ['schema not a number', /layout number/, (db) => db.prepare("UPDATE meta SET value = '4 ' WHERE key = 'schema'").run()],
      ['a row no release writes', /meta\.sneaky/, (db) => db.prepare("INSERT INTO meta (key, value) VALUES ('sneaky', '1')").run()],
    ];
    for (const [what, named, edit] of edits) {
      const dir = tamperedCopy(edit);
      const verdict = verifyCopy(dir);
      assert.ok(fails(verdict), `meta ${what} changed: ${describe(verdict)}`);
      assert.match(describe(verdict), named, `meta ${what}: verify names it`);
      removeDir(dir);
    }
  }));

// The first and the last entry in key order (the table is keyed by its values, no rowid).
const entryKey = '(ix, v1, v2, v3, v4, id)';
const firstEntry = `${entryKey} = (SELECT ix, v1, v2, v3, v4, id FROM state_index_entries ORDER BY ix, v1, v2, v3, v4, id LIMIT 1)`;
const lastEntry = `${entryKey} = (SELECT ix, v1, v2, v3, v4, id FROM state_index_entries ORDER BY ix DESC, v1 DESC, v2 DESC, v3 DESC, v4 DESC, id DESC LIMIT 1)`;

// Queries answer from the declared-index entries, so a changed, missing or
// extra entry is a wrong answer to someone even though every document is intact.
test('a changed, deleted or added declared-index entry fails verify and is named', () =>
  withSeed(seed, thisFile, () => {
    const edits: [string, (db: Database.Database) => void][] = [
      ['value changed', (db) => db.prepare(`UPDATE state_index_entries SET v1 = ? WHERE ${lastEntry}`).run('forged')],
      ['entry deleted', (db) => db.prepare(`DELETE FROM state_index_entries WHERE ${firstEntry}`).run()],
      ['entry points at another document', (db) => db.prepare(`UPDATE state_index_entries SET rid = rid + 1 WHERE ${firstEntry}`).run()],
      ['entry added', (db) => db.prepare("INSERT INTO state_index_entries (ix, v1, v2, v3, v4, id, rid) SELECT ix, v1, v2, v3, v4, 'zz' || id, rid FROM state_index_entries LIMIT 1").run()],
    ];
    for (const [what, edit] of edits) {
      const dir = tamperedCopy(edit);
      const verdict = verifyCopy(dir);
      assert.ok(fails(verdict), `${what}: ${describe(verdict)}`);
      assert.match(describe(verdict), /index entry/, `${what}: verify names the index entry`);
      removeDir(dir);
    }
  }));

// tx_ids answers the replay check for all but the newest transactions: a row
// moved, dropped or added, or a wrong bound, would let a transaction be
// accepted twice although every block still replays.
test('a changed tx_ids row or bound fails verify and is named', () =>
  withSeed(seed, thisFile, () => {
    const edits: [string, (db: Database.Database) => Database.RunResult][] = [
      ['row moved to another transaction', (db) => db.prepare('UPDATE tx_ids SET seq = seq + 1 WHERE seq = (SELECT max(seq) FROM tx_ids)').run()],
      ['row key changed', (db) => db.prepare(`UPDATE tx_ids SET id_key = id_key + 1 WHERE seq = ?`).run(random.int(0, 63))],
      ['row dropped', (db) => db.prepare('DELETE FROM tx_ids WHERE seq = ?').run(random.int(0, 63))],
      ['bound lowered', (db) => db.prepare("UPDATE meta SET value = CAST(value AS INTEGER) - 1 WHERE key = 'tx_ids_through'").run()],
    ];
    for (const [what, edit] of edits) {
      const dir = tamperedCopy((db) => assert.equal(edit(db).changes, 1, `${what}: one row edited`));
      const verdict = verifyCopy(dir);
      assert.ok(fails(verdict), `${what}: ${describe(verdict)}`);
      assert.match(describe(verdict), /tx_ids/, `${what}: verify names tx_ids`);
      removeDir(dir);
    }
  }));

// A node opening the file compares the stored fields with the declared ones
// to decide whether to refill an index, so a changed declaration is changed
// content even while every entry still agrees (CI once drew such a flip).
test('a changed or renamed index declaration fails verify and is named', () =>
  withSeed(seed, thisFile, () => {
    const edits: [string, (db: Database.Database) => Database.RunResult][] = [
      ['fields changed', (db) => db.prepare(`UPDATE state_indexes SET fields = replace(fields, 'state', 'st$te') WHERE ix = (SELECT min(ix) FROM state_indexes WHERE fields LIKE '%state%')`).run()],
      ['collection renamed', (db) => db.prepare("UPDATE state_indexes SET collection = collection || 'x' WHERE ix = (SELECT max(ix) FROM state_indexes)").run()],
      ['index renamed', (db) => db.prepare("UPDATE state_indexes SET name = name || 'x' WHERE ix = (SELECT min(ix) FROM state_indexes)").run()],
    ];
    for (const [what, edit] of edits) {
      const dir = tamperedCopy((db) => assert.equal(edit(db).changes, 1, `${what}: one declaration edited`));
      const verdict = verifyCopy(dir);
      assert.ok(fails(verdict), `${what}: ${describe(verdict)}`);
      assert.match(describe(verdict), /declared index/, `${what}: verify names the declaration`);
      removeDir(dir);
    }
  }));
