// Determinism (DESIGN.md): the same blocks on two fresh nodes give
// byte-identical results and state. A chain is committed on one node; its
// stored headers and transaction bodies are replayed through full block
// validation into two fresh ledgers with other node keys — one of them closed
// and reopened along the way, as a restarted node is — and everything that
// must agree is compared: block hashes, every result, resultsRoot and
// stateRoot per block, and the state, transaction, block and Merkle tables
// byte for byte.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { canonicalize } from '../src/crypto/canonical-json.ts';
import { ed25519Suite } from '../src/crypto/ed25519-suite.ts';
import type { SigningKey } from '../src/crypto/suite.ts';
import { emptyRoot, leafHash, merkleTreeHash } from '../src/merkle/index.ts';
import { bytesToHex } from '../src/crypto/bytes.ts';
import type { Genesis } from '../src/ledger/genesis.ts';
import type { CommittedBlock, Ledger } from '../src/ledger/ledger.ts';
import { resultLeafData } from '../src/ledger/leaves.ts';
import type { TransactionResult } from '../src/ledger/result.ts';
import { dataDirFiles, readGenesisFile } from '../src/node/data-dir.ts';
import { builtInContracts } from '../src/node/serve.ts';
import { verifyDataDir } from '../src/node/verify-data-dir.ts';
import { notaryCollection } from '../src/runtime/contracts/notary.ts';
import { createCustosClient, CustosApiError } from '../src/sdk/index.ts';
import { buildLedgerFixture, resultCode, transactionKinds, writeDataDir, type TransactionKind } from './helpers/ledger-fixture.ts';
import { startNodeProcess, type NodeProcess } from './helpers/node-process.ts';
import { anchorArgs, seededSigningKey, signedCall } from './helpers/notary-transactions.ts';
import { createSeededRandom, replayHint, testSeed, withSeed, type SeededRandom } from './helpers/seeded-random.ts';
import { readStoredChain, replayChain, sharedTables, type StoredBlock } from './helpers/stored-chain.ts';
import { makeTempDir, removeDir } from './helpers/temp-dir.ts';

const thisFile = 'test/determinism.test.ts';
const seed = testSeed();
const workDir = makeTempDir('determinism');
after(() => removeDir(workDir));

/** resultsRoot recomputed from stored result bytes: RFC 9162 root over the block's result leaves. */
function resultsRootOf(transactions: readonly { id: string; result: string }[]): string {
  if (transactions.length === 0) return bytesToHex(emptyRoot(ed25519Suite.hash));
  const leaves = transactions.map((tx) => leafHash(ed25519Suite.hash, resultLeafData(tx.id, JSON.parse(tx.result) as TransactionResult)));
  return bytesToHex(merkleTreeHash(ed25519Suite.hash, leaves));
}

/** Indexed queries must list the same documents in the same order on every node. */
function queryAnswers(ledger: Ledger): string[] {
  const answers: string[] = [];
  const types = ['court.ruling', 'prison.public-notice', 'procuratorate.opinion', 'relief.receipt', 'test.doc'];
  for (const type of types) answers.push(`byType ${type}: ${ledger.state.query(notaryCollection, { index: 'byType', equals: [type], limit: 1000 }).map((d) => d.id).join(',')}`);
  const signers = new Set(ledger.state.query(notaryCollection, { index: 'bySigner', limit: 1000 }).map((d) => String(d.doc['signer'])));
  for (const signer of [...signers].sort()) {
    answers.push(`bySigner ${signer}: ${ledger.state.query(notaryCollection, { index: 'bySigner', equals: [signer], range: { gte: 2 }, limit: 1000 }).map((d) => d.id).join(',')}`);
  }
  return answers;
}

interface Replay {
  name: string;
  nodeKey: SigningKey;
  ledger: Ledger;
  committed: CommittedBlock[];
}

/** Replays `chain` into a fresh data directory signed by `nodeKey`. */
function replayInto(name: string, chain: StoredBlock[], genesis: Genesis, nodeKey: SigningKey, ordererKey: SigningKey, reopenAfter: Set<number>): Replay {
  const dir = join(workDir, name);
  writeDataDir(dir, { genesis, nodeKey, ordererKey });
  const { ledger, committed } = replayChain(chain, { path: join(dir, dataDirFiles.ledger), genesis, nodeKey, reopenAfter });
  return { name, nodeKey, ledger, committed };
}

/**
 * Everything that must agree between the source node's stored chain and
 * each replay. The source's own checkpoint is the reference for the roots;
 * resultsRoot is also recomputed here from the stored result bytes.
 */
function assertReplaysAgree(chain: StoredBlock[], sourcePath: string, replays: Replay[]): void {
  const source = new Database(sourcePath, { readonly: true, fileMustExist: true });
  try {
    const sourceTables = sharedTables(source);
    for (const [b, block] of chain.entries()) {
      const reference = block.checkpoints[0];
      assert.ok(reference !== undefined, `block ${block.height}: the source node signed a checkpoint`);
      assert.equal(resultsRootOf(block.transactions), reference.resultsRoot, `block ${block.height}: stored results give the source's resultsRoot`);
      for (const replay of replays) {
        const committed = replay.committed[b]!;
        const where = `${replay.name}, block ${block.height}`;
        assert.equal(committed.hash, block.hash, `${where}: block hash`);
        assert.deepEqual(
          committed.transactions.map((tx) => canonicalize(tx.result)),
          block.transactions.map((tx) => tx.result),
          `${where}: every result, byte for byte`,
        );
        assert.equal(committed.checkpoint.resultsRoot, reference.resultsRoot, `${where}: resultsRoot`);
        assert.equal(committed.checkpoint.stateRoot, reference.stateRoot, `${where}: stateRoot`);
        assert.equal(committed.checkpoint.blockHash, reference.blockHash, `${where}: checkpoint blockHash`);
        assert.equal(committed.checkpoint.signer, replay.nodeKey.publicKey, `${where}: signed with its own key`);
        assert.notEqual(committed.checkpoint.sig, reference.sig, `${where}: a different key gives a different signature`);
      }
    }
    const [first, ...others] = replays;
    assert.ok(first !== undefined);
    for (const replay of replays) {
      assert.deepEqual(sharedTables(replay.ledger.rawDatabase()), sourceTables, `${replay.name}: state, txs, blocks, merkle_nodes and state sum equal the source's, byte for byte`);
      assert.equal(replay.ledger.head().hash, chain[chain.length - 1]!.hash, `${replay.name}: head`);
    }
    for (const replay of others) {
      assert.equal(replay.ledger.stateRoot(), first.ledger.stateRoot(), `${replay.name}: final stateRoot equals ${first.name}'s`);
      assert.deepEqual(queryAnswers(replay.ledger), queryAnswers(first.ledger), `${replay.name}: indexed queries answer alike`);
    }
  } finally {
    source.close();
  }
}

function reopenHeights(random: SeededRandom, blocks: number): Set<number> {
  const heights = new Set<number>();
  for (let h = 1; h < blocks; h++) if (random.chance(0.3)) heights.add(h);
  return heights;
}

test(`an in-process chain with every kind of result replays identically on two fresh nodes (${replayHint(seed, thisFile)})`, (t) =>
  withSeed(seed, thisFile, () => {
    const random = createSeededRandom(seed);
    const fixture = buildLedgerFixture(
      join(workDir, 'source'),
      {
        random,
        network: 'determinism-test',
        blocks: 24,
        maxTransactionsPerBlock: 24,
        weights: { ok: 60, anchoredAgain: 10, badArgs: 8, unknownFunction: 5, unknownContract: 4, replayed: 7, outOfWindow: 6 },
        unicodeTitles: true,
      },
      2,
    );
    // The source ledger recorded what each planned transaction was meant to get.
    const seen = new Map<TransactionKind, number>();
    fixture.plan.forEach((block, b) =>
      block.transactions.forEach((planned, i) => {
        assert.equal(resultCode(fixture.committed[b]!.transactions[i]!.result), planned.expected, `block ${b + 1} tx ${i} (${planned.kind})`);
        seen.set(planned.kind, (seen.get(planned.kind) ?? 0) + 1);
      }),
    );
    const total = fixture.plan.reduce((n, block) => n + block.transactions.length, 0);
    assert.ok(total >= 200, `a few hundred transactions, got ${total}`);
    for (const kind of Object.keys(transactionKinds) as TransactionKind[]) assert.ok((seen.get(kind) ?? 0) > 0, `the chain holds a ${kind} transaction`);
    t.diagnostic(`${total} transactions in 24 blocks: ${[...seen].map(([kind, n]) => `${kind} ${n}`).join(', ')}`);

    const sourcePath = join(fixture.dataDir, dataDirFiles.ledger);
    const chain = readStoredChain(sourcePath);
    assert.equal(chain.length, 24);
    const [keyA, keyB] = fixture.spareNodeKeys as [SigningKey, SigningKey];
    const replays = [
      replayInto('replay-a', chain, fixture.genesis, keyA, fixture.ordererKey, new Set()),
      replayInto('replay-b', chain, fixture.genesis, keyB, fixture.ordererKey, reopenHeights(random, chain.length)),
    ];
    try {
      assertReplaysAgree(chain, sourcePath, replays);
    } finally {
      for (const replay of replays) replay.ledger.close();
    }
    // Each replay is a data directory `custos verify` accepts on its own.
    for (const replay of replays) {
      const report = verifyDataDir(join(workDir, replay.name), builtInContracts);
      assert.deepEqual(report, { ok: true, blocks: 24, transactions: total, problem: undefined }, `${replay.name} verifies`);
    }
  }));

test('a chain committed by a real node process replays identically on two fresh nodes', async (t) =>
  withSeed(seed, thisFile, async () => {
    const random = createSeededRandom(seed ^ 0x5eed);
    const dataDir = join(workDir, 'node');
    let node: NodeProcess | undefined = await startNodeProcess({ dataDir, args: ['--block-max-tx', '12', '--block-max-wait-ms', '20', '--workers', '1'] });
    try {
      const client = createCustosClient({ url: node.url });
      const { genesis } = await client.getNetwork();
      const signers = Array.from({ length: 3 }, () => seededSigningKey(random));
      const anchoredHashes: string[] = [];
      const call = (args: Record<string, string>, fn = 'anchor') => signedCall({ network: genesis.network, signer: random.pick(signers), fn, args, ts: Date.now(), random });
      let committed = 0;
      const kinds: string[] = Array.from({ length: 160 }, () => (random.chance(0.12) ? 'anchoredAgain' : random.chance(0.15) ? 'badArgs' : 'ok'));
      let next = 0;
      const worker = async () => {
        while (next < kinds.length) {
          const kind = kinds[next++]!;
          const args = anchorArgs(random);
          const tx =
            kind === 'anchoredAgain' && anchoredHashes.length > 0
              ? call({ ...args, hash: random.pick(anchoredHashes) })
              : kind === 'badArgs'
                ? call({ ...args, title: '' })
                : call(args);
          const expected = kind === 'anchoredAgain' && anchoredHashes.length > 0 ? 'NOTARY_ALREADY_ANCHORED' : kind === 'badArgs' ? 'RUNTIME_BAD_ARGS' : 'ok';
          const ack = await client.submit(tx, { wait: true });
          assert.equal(ack.status, 'committed');
          assert.ok(ack.result !== undefined);
          assert.equal(ack.result.status === 'ok' ? 'ok' : ack.result.code, expected, `${kind} transaction ${ack.txId}`);
          if (expected === 'ok') anchoredHashes.push(String(tx.args['hash']));
          committed += 1;
          // Refused at the door, so never in a block: a replay and an unknown function.
          if (committed % 40 === 0) {
            await assert.rejects(client.submit(tx, { wait: true }), (error: unknown) => error instanceof CustosApiError && error.code === 'LEDGER_TX_DUPLICATE');
            await assert.rejects(client.submit(call(anchorArgs(random), 'revoke'), { wait: true }), (error: unknown) => error instanceof CustosApiError && error.code === 'LEDGER_TX_UNKNOWN_FUNCTION');
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
      const status = await node.stop();
      node = undefined;
      assert.equal(status.code, 0, 'the node stops cleanly on SIGTERM');

      const sourcePath = join(dataDir, dataDirFiles.ledger);
      const chain = readStoredChain(sourcePath);
      assert.equal(chain.reduce((n, block) => n + block.transactions.length, 0), 160, 'every acknowledged transaction and nothing refused is in the chain');
      assert.ok(chain.length >= 10, `several blocks, got ${chain.length}`);
      t.diagnostic(`160 transactions in ${chain.length} blocks from the node process`);
      const storedGenesis = readGenesisFile(join(dataDir, dataDirFiles.genesis));
      const orderer = seededSigningKey(random); // only laid out on disk; replays never sign blocks
      const replays = [
        replayInto('node-replay-a', chain, storedGenesis, seededSigningKey(random), orderer, new Set()),
        replayInto('node-replay-b', chain, storedGenesis, seededSigningKey(random), orderer, reopenHeights(random, chain.length)),
      ];
      try {
        assertReplaysAgree(chain, sourcePath, replays);
      } finally {
        for (const replay of replays) replay.ledger.close();
      }
    } finally {
      await node?.kill();
    }
  }));
