import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Type } from '@sinclair/typebox';
import { bytesToHex, utf8ToBytes } from '../crypto/bytes.ts';
import { ed25519Suite } from '../crypto/ed25519-suite.ts';
import { custosError, isCustosError } from '../errors/custos-error.ts';
import { notaryContract } from '../runtime/contracts/notary.ts';
import { defineFunction, type Contract } from '../runtime/contract.ts';
import { createRuntime } from '../runtime/runtime.ts';
import { admitTransaction, type AdmittedTransaction } from './admission.ts';
import { signBlockHeader, type BlockHeader } from './block-header.ts';
import { defaultTxWindow, type Genesis } from './genesis.ts';
import { openLedger } from './ledger.ts';
import { signTransaction } from './transaction.ts';

const orderer = ed25519Suite.generateSigningKey();
const nodeKey = ed25519Suite.generateSigningKey();
const member = ed25519Suite.generateSigningKey();
const t0 = 1_800_000_000_000;
const genesis: Genesis = { v: 1, network: 'unit', title: 'unit', suite: 'ed25519-sha256', time: t0, orderers: [orderer.publicKey], nodes: [nodeKey.publicKey], txWindow: defaultTxWindow, extensions: {} };

// A contract that exercises the runtime's edges: a write then a failure, a plain JS throw, a counter.
const probe: Contract = {
  name: 'probe',
  version: '1',
  collections: [{ name: 'probe.items', indexes: [{ name: 'byKind', fields: ['kind', 'n'] }] }],
  functions: {
    writeThenFail: defineFunction({
      args: Type.Object({ id: Type.String() }),
      handler(ctx, args) {
        ctx.put('probe.items', args.id, { kind: 'x', n: 1 });
        throw custosError('RUNTIME_CONFLICT', 'refused after writing');
      },
    }),
    crash: defineFunction({
      args: Type.Object({}),
      handler() {
        throw new TypeError('engine-specific text');
      },
    }),
    increment: defineFunction({
      args: Type.Object({ id: Type.String() }),
      handler(ctx, args) {
        const current = ctx.get('probe.items', args.id);
        const n = typeof current?.doc['n'] === 'number' ? current.doc['n'] : 0;
        ctx.put('probe.items', args.id, { kind: 'counter', n: n + 1 });
        return n + 1;
      },
    }),
  },
};

let nonce = 0;
function admit(contract: string, fn: string, args: Record<string, string | number>, ts = t0 + 1000): AdmittedTransaction {
  nonce += 1;
  const tx = signTransaction({ v: 1, network: 'unit', contract, fn, args, signer: member.publicKey, nonce: `n${nonce}`, ts }, member);
  return admitTransaction(tx, { suite: ed25519Suite, network: 'unit', limits: { maxBytes: 65536 } });
}
const anchor = (i: number) => admit('notary', 'anchor', { hash: bytesToHex(ed25519Suite.hash(utf8ToBytes(`d${i}`))), title: `d${i}`, type: 'unit.doc' });

function freshLedger() {
  return openLedger({ path: ':memory:', genesis, executor: createRuntime([notaryContract, probe]), nodeKey, store: { durability: 'normal' } });
}

test('solo proposal: header links to genesis, logs every leaf, checkpoint signed', () => {
  const ledger = freshLedger();
  const block = ledger.commitProposal({ time: t0 + 2000, transactions: [anchor(1), anchor(2)] }, orderer);
  assert.equal(block.header.height, 1);
  assert.equal(block.header.prevHash, ledger.genesisHash);
  assert.equal(block.header.logSize, 2);
  assert.deepEqual(block.transactions.map((t) => t.result.status), ['ok', 'ok']);
  assert.equal(block.checkpoint.signer, nodeKey.publicKey);
  const second = ledger.commitProposal({ time: t0 + 1000, transactions: [anchor(3)] }, orderer);
  assert.equal(second.header.time, t0 + 2000, 'block time never goes backwards');
  assert.equal(second.header.prevHash, block.hash);
});

test('a block from elsewhere is validated: each defect is refused and nothing is written', () => {
  const source = freshLedger();
  const txs = [anchor(10), anchor(11)];
  const good = source.commitProposal({ time: t0 + 5000, transactions: txs }, orderer);
  const resign = (header: BlockHeader, key = orderer) => signBlockHeader(header, key);
  const defects: [string, BlockHeader, AdmittedTransaction[]][] = [
    ['wrong height', resign({ ...good.header, height: 2 }), txs],
    ['wrong prevHash', resign({ ...good.header, prevHash: '0'.repeat(64) }), txs],
    ['other network', resign({ ...good.header, network: 'elsewhere' }), txs],
    ['unknown orderer', resign({ ...good.header, orderer: member.publicKey }, member), txs],
    ['bad signature', { ...good.header, sig: resign({ ...good.header, time: 1 }).sig }, txs],
    ['transactions reordered', good.header, [txs[1]!, txs[0]!]],
    ['transaction missing', good.header, [txs[0]!]],
    ['wrong logRoot', resign({ ...good.header, logRoot: '1'.repeat(64) }), txs],
  ];
  const target = freshLedger();
  for (const [label, header, transactions] of defects) {
    assert.throws(() => target.commitBlock(header, transactions), (error: unknown) => isCustosError(error) && error.code === 'LEDGER_BLOCK_INVALID', label);
    assert.equal(target.head().height, 0, `${label}: nothing committed`);
    assert.equal(target.head().logSize, 0, `${label}: log untouched`);
  }
  const applied = target.commitBlock(good.header, txs);
  assert.equal(applied.checkpoint.stateRoot, good.checkpoint.stateRoot, 'after refusals the good block still applies identically');
  assert.equal(applied.checkpoint.resultsRoot, good.checkpoint.resultsRoot);
});

test('failed transactions stay in the ledger with a code and write nothing', () => {
  const ledger = freshLedger();
  const rootBefore = ledger.commitProposal({ time: t0 + 1000, transactions: [anchor(20)] }, orderer).checkpoint.stateRoot;
  const block = ledger.commitProposal(
    { time: t0 + 2000, transactions: [admit('probe', 'writeThenFail', { id: 'a' }), admit('probe', 'crash', {}), admit('notary', 'anchor', { hash: 'zz', title: 't', type: 'unit.doc' })] },
    orderer,
  );
  const codes = block.transactions.map((t) => (t.result.status === 'failed' ? t.result.code : 'ok'));
  assert.deepEqual(codes, ['RUNTIME_CONFLICT', 'RUNTIME_CONTRACT_FAULT', 'RUNTIME_BAD_ARGS']);
  const crash = block.transactions[1]!.result;
  assert.ok(crash.status === 'failed' && !crash.message.includes('engine-specific'), 'engine messages never reach the ledger');
  assert.equal(ledger.state.get('probe.items', 'a'), undefined, 'write before the failure is discarded');
  assert.equal(block.checkpoint.stateRoot !== rootBefore, true, 'state root is bound to the height');
  assert.equal(ledger.getTransaction(block.transactions[0]!.txId).result.status, 'failed');
});

test('a transaction sees the writes of earlier ones in its block; versions count writes', () => {
  const ledger = freshLedger();
  const block = ledger.commitProposal({ time: t0 + 1000, transactions: [admit('probe', 'increment', { id: 'c' }), admit('probe', 'increment', { id: 'c' }), admit('probe', 'increment', { id: 'c' })] }, orderer);
  assert.deepEqual(block.transactions.map((t) => (t.result.status === 'ok' ? t.result.value : null)), [1, 2, 3]);
  assert.equal(ledger.state.get('probe.items', 'c')?.version, 3);
  assert.deepEqual(ledger.state.query('probe.items', { index: 'byKind', equals: ['counter'] }).map((d) => d.id), ['c']);
});

test('replays and stale timestamps are failed results decided against block time', () => {
  const ledger = freshLedger();
  const tx = anchor(30);
  const stale = admit('notary', 'anchor', { hash: 'a'.repeat(64), title: 'old', type: 'unit.doc' }, t0 - 60 * 60_000);
  const block = ledger.commitProposal({ time: t0 + 1000, transactions: [tx, tx, stale] }, orderer);
  const codes = block.transactions.map((t) => (t.result.status === 'failed' ? t.result.code : 'ok'));
  assert.deepEqual(codes, ['ok', 'LEDGER_TX_DUPLICATE', 'LEDGER_TX_TS_OUT_OF_WINDOW']);
  const again = ledger.commitProposal({ time: t0 + 2000, transactions: [tx] }, orderer);
  assert.equal(again.transactions[0]!.result.status === 'failed' && again.transactions[0]!.result.code, 'LEDGER_TX_DUPLICATE', 'a replay in a later block fails too');
  assert.equal(ledger.getTransaction(tx.txId).seq, 0, 'lookup by id finds the original');
});

test('replays are caught and lookups by id answer whether the original was merged into tx_ids or is still in memory, across reopening', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'custos-unit-'));
  const open = () => openLedger({ path: join(dir, 'l.sqlite'), genesis, executor: createRuntime([notaryContract]), nodeKey, store: { durability: 'normal', txIdMergeThreshold: 4 } });
  let ledger = open();
  const sent: AdmittedTransaction[] = [];
  for (let block = 0; block < 5; block++) {
    const txs = [anchor(100 + 3 * block), anchor(101 + 3 * block), anchor(102 + 3 * block)];
    sent.push(...txs);
    ledger.commitProposal({ time: t0 + 1000 * (block + 1), transactions: txs }, orderer);
    if (block === 2) {
      ledger.close();
      ledger = open();
    }
  }
  const merged = Number(ledger.rawDatabase().prepare("SELECT value FROM meta WHERE key = 'tx_ids_through'").pluck().get());
  assert.ok(merged > 0 && merged < sent.length, `some merged (${merged}), some in memory`);
  sent.forEach((tx, seq) => {
    assert.equal(ledger.getTransaction(tx.txId).seq, seq);
    assert.equal(ledger.hasTransaction(tx.txId), true);
  });
  const replays = ledger.commitProposal({ time: t0 + 9000, transactions: [sent[0]!, sent[sent.length - 1]!] }, orderer);
  assert.deepEqual(replays.transactions.map((t) => t.result.status === 'failed' && t.result.code), ['LEDGER_TX_DUPLICATE', 'LEDGER_TX_DUPLICATE']);
  assert.equal(ledger.hasTransaction(anchor(999).txId), false);
  ledger.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a ledger file belongs to one genesis', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'custos-unit-'));
  const path = join(dir, 'l.sqlite');
  openLedger({ path, genesis, executor: createRuntime([notaryContract]), nodeKey }).close();
  assert.throws(() => openLedger({ path, genesis: { ...genesis, title: 'another' }, executor: createRuntime([notaryContract]), nodeKey }), (error: unknown) => isCustosError(error) && error.code === 'NODE_DATA_DIR_INVALID');
  rmSync(dir, { recursive: true, force: true });
});

test('proposeHeader signs the next header without committing; commitBlock then accepts it', () => {
  const ledger = freshLedger();
  ledger.commitProposal({ time: t0 + 1000, transactions: [anchor(40)] }, orderer);
  const txs = [anchor(41), anchor(42)];
  const header = ledger.proposeHeader({ time: t0 + 2000, transactions: txs }, orderer);
  assert.equal(ledger.head().height, 1, 'nothing committed');
  assert.equal(ledger.head().logSize, 1, 'log rolled back');
  assert.equal(header.height, 2);
  const block = ledger.commitBlock(header, txs);
  assert.equal(block.header.logSize, 3);
  assert.deepEqual(block.transactions.map((t) => t.result.status), ['ok', 'ok']);
});
