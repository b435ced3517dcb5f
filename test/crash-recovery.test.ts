// Crash safety with a real process: a `custos start` node under load from
// concurrent clients (signed notary anchors, `wait=true`) is killed with
// SIGKILL at seeded random moments — some right after an acknowledgement,
// while the next block is being cut or committed, some after a random delay —
// and restarted on the same data directory each time. A 200 "committed" is a
// promise: every acknowledged transaction must be found afterwards with the
// height, seq and result it was acknowledged with, the chain must be
// contiguous, every restarted node must take new transactions, and
// `custos verify` must pass, both on the killed directory and at the end.
//
// The seed fixes the kill schedule and the transactions' content; where a
// kill lands in the node's work depends on timing, so a replay repeats the
// schedule, not the exact interleaving.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalize } from '../src/crypto/canonical-json.ts';
import { ed25519Suite } from '../src/crypto/ed25519-suite.ts';
import type { SigningKey } from '../src/crypto/suite.ts';
import type { TransactionResult } from '../src/ledger/result.ts';
import { computeTxId, transactionBody, type SignedTransaction } from '../src/ledger/transaction.ts';
import { dataDirFiles } from '../src/node/data-dir.ts';
import { signingKeyToKeyFile, writeKeyFile } from '../src/node/key-file.ts';
import { createCustosClient, CustosApiError, verifyTransactionProof, type CustosClient } from '../src/sdk/index.ts';
import { runVerifyCli, startNodeProcess, type NodeProcess } from './helpers/node-process.ts';
import { seededSigningKey, signedCall } from './helpers/notary-transactions.ts';
import { createSeededRandom, replayHint, testSeed, withSeed } from './helpers/seeded-random.ts';
import { makeTempDir, removeDir } from './helpers/temp-dir.ts';

const thisFile = 'test/crash-recovery.test.ts';
const seed = testSeed();
const kills = 20;
const clientLoops = 12;
// A txId merge every 64 transactions, so kills also land in and around merges (tx-id-index.ts).
const nodeArgs = ['--block-max-tx', '48', '--block-max-wait-ms', '10', '--workers', '1', '--durability', 'full', '--txid-merge-every', '64', '--state-merge-every', '56'];

const workDir = makeTempDir('crash');
const dataDir = join(workDir, 'data');
let current: NodeProcess | undefined;
after(async () => {
  await current?.kill();
  removeDir(workDir);
});

interface Acknowledged {
  height: number;
  seq: number;
  result: TransactionResult;
  incarnation: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items` with at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

test(`acknowledged transactions survive ${kills} SIGKILLs and restarts (${replayHint(seed, thisFile)})`, { timeout: 600_000 }, (t) =>
  withSeed(seed, thisFile, async () => {
    t.diagnostic(replayHint(seed, thisFile));
    const schedule = createSeededRandom(seed);
    const content = createSeededRandom(seed ^ 0x7c3a11);
    const signers: SigningKey[] = Array.from({ length: 4 }, () => seededSigningKey(content));

    const acked = new Map<string, Acknowledged>();
    /** Sent, but the node died before answering: committed or not, both are allowed. */
    const unanswered = new Map<string, SignedTransaction>();
    const unexpected: string[] = [];
    const acksPerIncarnation: number[] = [];
    const killNotes: string[] = [];
    let inFlight = 0;
    let incarnation = 0;
    let client: CustosClient | undefined;
    let network = '';
    let stopLoad = false;
    let counter = 0;

    // Loops wait on `up` while no node serves; the controller replaces it before each kill.
    let markUp: () => void = () => {};
    let up = new Promise<void>((resolve) => (markUp = resolve));
    // Hook for the controller: called after every acknowledgement.
    let onAck: (() => void) | undefined;

    function nextTransaction(): SignedTransaction {
      counter += 1;
      return signedCall({
        network,
        signer: content.pick(signers),
        args: { hash: content.hex(32), title: `crash test document ${counter}`, type: 'test.doc' },
        ts: Date.now(),
        random: content,
      });
    }

    async function clientLoop(): Promise<void> {
      while (!stopLoad) {
        await up;
        if (stopLoad) return;
        const api = client!;
        const servedBy = incarnation;
        const tx = nextTransaction();
        const txId = computeTxId(ed25519Suite, transactionBody(tx));
        inFlight += 1;
        try {
          const ack = await api.submit(tx, { wait: true, timeoutMs: 60_000 });
          if (ack.status !== 'committed' || ack.height === undefined || ack.seq === undefined || ack.result === undefined) {
            unexpected.push(`${txId}: acknowledged without height/seq/result: ${JSON.stringify(ack)}`);
            continue;
          }
          if (ack.txId !== txId) unexpected.push(`${txId}: acknowledged as ${ack.txId}`);
          if (ack.result.status !== 'ok') unexpected.push(`${txId}: a fresh anchor failed: ${JSON.stringify(ack.result)}`);
          acked.set(txId, { height: ack.height, seq: ack.seq, result: ack.result, incarnation: servedBy });
          acksPerIncarnation[servedBy] = (acksPerIncarnation[servedBy] ?? 0) + 1;
          onAck?.();
        } catch (error: unknown) {
          unanswered.set(txId, tx);
          if (error instanceof CustosApiError) unexpected.push(`${txId}: node answered ${error.status} ${error.code}: ${error.message}`);
          else await sleep(20); // connection refused or reset: the node is down
        } finally {
          inFlight -= 1;
        }
      }
    }

    async function startIncarnation(): Promise<NodeProcess> {
      const node = await startNodeProcess({ dataDir, args: nodeArgs });
      current = node;
      incarnation += 1;
      acksPerIncarnation[incarnation] = 0;
      client = createCustosClient({ url: node.url });
      if (network === '') network = (await client.getNetwork()).genesis.network;
      return node;
    }

    /** Resolves at the `count`-th acknowledgement of the current incarnation from now. */
    function acksFromNow(count: number, then?: () => void): Promise<void> {
      const target = (acksPerIncarnation[incarnation] ?? 0) + count;
      const mine = incarnation;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`incarnation ${mine} acknowledged ${acksPerIncarnation[mine]} of ${target} transactions within 90 s`)), 90_000);
        onAck = () => {
          if ((acksPerIncarnation[mine] ?? 0) < target) return;
          onAck = undefined;
          clearTimeout(timer);
          then?.(); // runs inside the acknowledgement's own callback, before anything else
          resolve();
        };
      });
    }

    /** After a restart: the chain reaches every acknowledged height, and the last acknowledgements are there. */
    async function checkNothingLost(node: NodeProcess, previous: number): Promise<void> {
      const health = (await (await fetch(`${node.url}/healthz`)).json()) as { status: string; height: number };
      const highest = Math.max(0, ...[...acked.values()].map((a) => a.height));
      assert.equal(health.status, 'ok');
      assert.ok(health.height >= highest, `incarnation ${incarnation} restarted at height ${health.height}, below acknowledged height ${highest}`);
      const lastOfPrevious = [...acked.entries()].filter(([, a]) => a.incarnation === previous).slice(-40);
      await eachLimited(lastOfPrevious, 8, async ([txId, ack]) => {
        const stored = await client!.getTransaction(txId);
        assert.deepEqual({ height: stored.height, seq: stored.seq, result: stored.result }, { height: ack.height, seq: ack.seq, result: ack.result }, `acknowledged ${txId} after restart ${incarnation}`);
      });
    }

    let node = await startIncarnation();
    const loops = Array.from({ length: clientLoops }, () => clientLoop());
    markUp();
    const started = Date.now();
    try {
      for (let kill = 1; kill <= kills; kill++) {
        // Each incarnation must take new transactions before it dies.
        await acksFromNow(1);
        const afterAck = schedule.chance(0.5);
        let killed: Promise<unknown>;
        if (afterAck) {
          // Right after an acknowledgement: other clients' transactions are
          // admitted and the next block is being cut or committed.
          const count = schedule.int(1, 60);
          let inFlightAtKill = 0;
          await acksFromNow(count, () => {
            up = new Promise<void>((resolve) => (markUp = resolve));
            inFlightAtKill = inFlight;
            void node.kill();
          });
          killed = node.exited;
          killNotes.push(`#${kill} after ${count} more acks (${inFlightAtKill} in flight)`);
        } else {
          const delay = schedule.int(0, 1000);
          await sleep(delay);
          up = new Promise<void>((resolve) => (markUp = resolve));
          killNotes.push(`#${kill} after ${delay} ms (${inFlight} in flight)`);
          killed = node.kill();
        }
        const status = (await killed) as { signal: string | null };
        assert.equal(status.signal, 'SIGKILL', `kill ${kill} ended the process with SIGKILL`);
        const previous = incarnation;
        if (kill === kills) {
          // `custos verify` on the directory exactly as the kill left it (hot WAL).
          const cli = runVerifyCli(dataDir, true);
          assert.equal(cli.exitCode, 0, `custos verify on the killed directory:\n${cli.stdout}\n${cli.stderr}`);
          assert.equal(cli.report?.ok, true, cli.stdout);
        }
        node = await startIncarnation();
        markUp();
        await checkNothingLost(node, previous);
      }
      await acksFromNow(1);
    } finally {
      // Also on a failure: the loops must end, or they would retry a dead node forever.
      stopLoad = true;
      markUp();
    }
    await Promise.all(loops);
    t.diagnostic(`load phase: ${acked.size} acknowledged, ${unanswered.size} unanswered, ${Math.round((Date.now() - started) / 1000)} s`);
    t.diagnostic(`kills: ${killNotes.join('; ')}`);

    const api = client!;
    // Unanswered transactions, sent again: either committed before the kill
    // (refused as a duplicate, and then readable) or not (committed now).
    let committedBeforeKill = 0;
    let committedNow = 0;
    await eachLimited([...unanswered.entries()], 12, async ([txId, tx]) => {
      try {
        const ack = await api.submit(tx, { wait: true, timeoutMs: 60_000 });
        assert.equal(ack.status, 'committed');
        acked.set(txId, { height: ack.height!, seq: ack.seq!, result: ack.result!, incarnation });
        committedNow += 1;
      } catch (error: unknown) {
        assert.ok(error instanceof CustosApiError && error.code === 'LEDGER_TX_DUPLICATE', `resubmitting ${txId}: ${String(error)}`);
        const stored = await api.getTransaction(txId);
        assert.equal(stored.result.status, 'ok', `${txId} committed before the kill`);
        committedBeforeKill += 1;
      }
    });
    t.diagnostic(`unanswered at a kill: ${committedBeforeKill} had been committed (acknowledgement lost), ${committedNow} had not (block not yet committed)`);

    assert.deepEqual(unexpected, [], 'no error answers from a live node');
    for (let i = 1; i <= kills + 1; i++) assert.ok((acksPerIncarnation[i] ?? 0) >= 1, `incarnation ${i} accepted transactions after its restart`);

    // Every acknowledged transaction, with what it was acknowledged with.
    const missing: string[] = [];
    await eachLimited([...acked.entries()], 16, async ([txId, ack]) => {
      try {
        const stored = await api.getTransaction(txId);
        if (stored.height !== ack.height || stored.seq !== ack.seq || canonicalize(stored.result) !== canonicalize(ack.result)) {
          missing.push(`${txId}: acknowledged ${JSON.stringify(ack)}, stored height ${stored.height} seq ${stored.seq} result ${JSON.stringify(stored.result)}`);
        }
      } catch (error: unknown) {
        missing.push(`${txId} (acknowledged at height ${ack.height} by incarnation ${ack.incarnation}): ${String(error)}`);
      }
    });
    assert.deepEqual(missing.slice(0, 10), [], `${missing.length} of ${acked.size} acknowledged transactions lost or changed (first 10 shown)`);

    // A sample of proofs, checked offline against the genesis keys.
    const { genesis } = await api.getNetwork();
    const sample = [...acked.keys()].filter((_, i) => i % Math.max(1, Math.floor(acked.size / 25)) === 0);
    for (const txId of sample) {
      const verdict = verifyTransactionProof(await api.getProof(txId), { network: genesis.network, orderers: genesis.orderers, nodes: genesis.nodes }, ed25519Suite);
      assert.equal(verdict.ok, true, `proof of ${txId}: ${JSON.stringify(verdict.checks.filter((c) => !c.ok))}`);
    }

    // The chain through the API: heights 1..head, hash-linked, log sizes adding up.
    const head = (await (await fetch(`${node.url}/v1/log/head`)).json()) as { height: number; logSize: number };
    let previousHash: string | undefined;
    let previousLogSize = 0;
    for (let from = 1; from <= head.height; from += 500) {
      const page = (await (await fetch(`${node.url}/v1/blocks?from=${from}&limit=500`)).json()) as { blocks: { header: { height: number; prevHash: string; logSize: number }; hash: string; txCount: number }[] };
      page.blocks.forEach((block, i) => {
        assert.equal(block.header.height, from + i, 'heights are contiguous');
        if (previousHash !== undefined) assert.equal(block.header.prevHash, previousHash, `block ${block.header.height} links to its predecessor`);
        assert.equal(block.header.logSize, previousLogSize + block.txCount, `block ${block.header.height} log size`);
        previousHash = block.hash;
        previousLogSize = block.header.logSize;
      });
    }
    assert.equal(previousLogSize, head.logSize);

    const stopped = await node.stop();
    current = undefined;
    assert.equal(stopped.code, 0, `clean stop:\n${node.output()}`);

    // The stored tables agree: seqs 0..n-1, each txId once, blocks 1..head.
    const db = new Database(join(dataDir, dataDirFiles.ledger), { readonly: true, fileMustExist: true });
    try {
      const txs = db.prepare('SELECT COUNT(*) AS n, MIN(seq) AS lo, MAX(seq) AS hi, COUNT(DISTINCT id) AS ids FROM txs').get() as { n: number; lo: number; hi: number; ids: number };
      assert.deepEqual(txs, { n: head.logSize, lo: 0, hi: head.logSize - 1, ids: head.logSize }, 'transactions are contiguous and each is stored once');
      const blocks = db.prepare('SELECT COUNT(*) AS n, MIN(height) AS lo, MAX(height) AS hi FROM blocks').get() as { n: number; lo: number; hi: number };
      assert.deepEqual(blocks, { n: head.height, lo: 1, hi: head.height }, 'blocks are contiguous');
      assert.ok(acked.size <= txs.n);
    } finally {
      db.close();
    }

    const cli = runVerifyCli(dataDir, true);
    assert.equal(cli.exitCode, 0, `custos verify:\n${cli.stdout}\n${cli.stderr}`);
    assert.deepEqual(cli.report, { ok: true, blocks: head.height, transactions: head.logSize }, cli.stdout);
    t.diagnostic(`final: ${head.height} blocks, ${head.logSize} transactions, ${acked.size} acknowledged and all found`);
  }));

// initDataDir (src/node/data-dir.ts) once wrote keys/node.json and
// keys/orderer.json with flag 'wx' before genesis.json, and `custos start`
// decides "initialized?" by genesis.json alone. A kill between those writes
// leaves a directory that start tries to initialize again and refuses with
// EEXIST, every time. This builds exactly that directory.
test('a node killed while initializing its directory starts on the next try', (t) =>
  withSeed(seed, thisFile, async () => {
    const random = createSeededRandom(seed ^ 0x1a17);
    const dir = join(workDir, 'interrupted-init');
    mkdirSync(join(dir, 'keys'), { recursive: true, mode: 0o700 });
    writeKeyFile(join(dir, dataDirFiles.nodeKey), signingKeyToKeyFile(ed25519Suite.id, seededSigningKey(random)));
    const bothKeys = random.chance(0.5);
    if (bothKeys) writeKeyFile(join(dir, dataDirFiles.ordererKey), signingKeyToKeyFile(ed25519Suite.id, seededSigningKey(random)));
    t.diagnostic(`left behind: keys/node.json${bothKeys ? ', keys/orderer.json' : ''}, no genesis.json`);
    let node: NodeProcess | undefined;
    try {
      node = await startNodeProcess({ dataDir: dir, args: nodeArgs });
      const api = createCustosClient({ url: node.url });
      const { genesis } = await api.getNetwork();
      const tx = signedCall({ network: genesis.network, signer: seededSigningKey(random), args: { hash: random.hex(32), title: 'after an interrupted init', type: 'test.doc' }, ts: Date.now(), random });
      const ack = await api.submit(tx, { wait: true });
      assert.equal(ack.status, 'committed');
    } finally {
      await node?.kill();
    }
  }));
