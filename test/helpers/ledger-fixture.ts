// A real data directory (genesis.json, keys/, ledger.sqlite) built in
// process by the same ledger code a node runs, from seeded randomness only:
// the same seed gives the same bytes, so a failing tamper or replay case
// replays exactly.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SigningKey } from '../../src/crypto/suite.ts';
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import { admitTransaction, type AdmittedTransaction } from '../../src/ledger/admission.ts';
import { decodeGenesis, defaultTxWindow, type Genesis } from '../../src/ledger/genesis.ts';
import { openLedger, type CommittedBlock, type Ledger } from '../../src/ledger/ledger.ts';
import { defaultTransactionLimits, type SignedTransaction } from '../../src/ledger/transaction.ts';
import { dataDirFiles } from '../../src/node/data-dir.ts';
import { signingKeyToKeyFile, writeKeyFile } from '../../src/node/key-file.ts';
import { builtInContracts } from '../../src/node/serve.ts';
import { createRuntime } from '../../src/runtime/runtime.ts';
import { anchorArgs, seededSigningKey, signedCall } from './notary-transactions.ts';
import type { SeededRandom } from './seeded-random.ts';

/** 2026-01-01T00:00:00Z: fixtures never read the wall clock. */
export const fixtureGenesisTime = 1_767_225_600_000;

export interface NetworkKeys {
  genesis: Genesis;
  ordererKey: SigningKey;
  nodeKey: SigningKey;
}

/** A single-orderer genesis whose node list holds `nodeKeys`. */
export function createTestGenesis(network: string, ordererKey: SigningKey, nodeKeys: SigningKey[]): Genesis {
  return decodeGenesis({
    v: 1,
    network,
    title: `Custos test network ${network}`,
    suite: ed25519Suite.id,
    time: fixtureGenesisTime,
    orderers: [ordererKey.publicKey],
    nodes: nodeKeys.map((key) => key.publicKey),
    txWindow: defaultTxWindow,
    extensions: {},
  });
}

/** Lays out `dir` as `custos init` does, with the given genesis and keys. */
export function writeDataDir(dir: string, keys: NetworkKeys): void {
  mkdirSync(join(dir, 'keys'), { recursive: true, mode: 0o700 });
  writeFileSync(join(dir, dataDirFiles.genesis), JSON.stringify(keys.genesis, null, 2) + '\n');
  writeKeyFile(join(dir, dataDirFiles.nodeKey), signingKeyToKeyFile(ed25519Suite.id, keys.nodeKey));
  writeKeyFile(join(dir, dataDirFiles.ordererKey), signingKeyToKeyFile(ed25519Suite.id, keys.ordererKey));
}

/**
 * Merges txIds every 64 transactions and state keys every 48 new documents,
 * so fixtures hold tx_ids and state_keys tables as well as recent ones in memory.
 */
export function openFixtureLedger(path: string, genesis: Genesis, nodeKey: SigningKey): Ledger {
  return openLedger({ path, genesis, executor: createRuntime(builtInContracts), nodeKey, store: { txIdMergeThreshold: 64, stateKeyMergeThreshold: 48 } });
}

export function admit(genesis: Genesis, raw: string | SignedTransaction): AdmittedTransaction {
  return admitTransaction(raw, { suite: ed25519Suite, network: genesis.network, limits: defaultTransactionLimits });
}

/** What a planned transaction is meant to exercise, and the result code it must get. */
export const transactionKinds = {
  ok: 'ok',
  anchoredAgain: 'NOTARY_ALREADY_ANCHORED',
  badArgs: 'RUNTIME_BAD_ARGS',
  unknownFunction: 'LEDGER_TX_UNKNOWN_FUNCTION',
  unknownContract: 'LEDGER_TX_UNKNOWN_CONTRACT',
  replayed: 'LEDGER_TX_DUPLICATE',
  outOfWindow: 'LEDGER_TX_TS_OUT_OF_WINDOW',
} as const;

export type TransactionKind = keyof typeof transactionKinds;

export interface PlannedTransaction {
  kind: TransactionKind;
  /** 'ok' or the failure code the ledger must record. */
  expected: string;
  tx: SignedTransaction;
}

export interface FixtureOptions {
  random: SeededRandom;
  network: string;
  blocks: number;
  /** Each block holds 1..maxTransactionsPerBlock transactions. */
  maxTransactionsPerBlock: number;
  /** Relative weights of the kinds; kinds left out never occur. */
  weights: Partial<Record<TransactionKind, number>>;
  /** Some titles in Chinese, to carry non-ASCII text through canonical JSON. */
  unicodeTitles?: boolean;
}

export interface BuiltFixture extends NetworkKeys {
  dataDir: string;
  /** Per block, in order: its time and planned transactions. */
  plan: { time: number; transactions: PlannedTransaction[] }[];
  committed: CommittedBlock[];
  /** Extra seeded node keys in the genesis node list, for replays that sign their own checkpoints. */
  spareNodeKeys: SigningKey[];
}

const badArgVariants: ((args: { hash: string; title: string; type: string }) => Record<string, string>)[] = [
  (a) => ({ ...a, hash: a.hash.toUpperCase() }),
  (a) => ({ ...a, hash: a.hash.slice(2) }),
  (a) => ({ ...a, title: '' }),
  (a) => ({ ...a, title: 'x'.repeat(201) }),
  (a) => ({ ...a, type: 'Not A Type' }),
  (a) => ({ hash: a.hash, title: a.title }),
  (a) => ({ ...a, extra: 'field' }),
];

function pickKind(random: SeededRandom, weights: FixtureOptions['weights']): TransactionKind {
  const entries = Object.entries(weights).filter(([, w]) => w !== undefined && w > 0) as [TransactionKind, number][];
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [kind, weight] of entries) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return entries[entries.length - 1]![0];
}

/**
 * Writes a data directory and commits `blocks` blocks of seeded notary
 * transactions through `commitProposal` (what a solo node does), with block
 * times from a fixed clock. Asserts nothing; callers compare `plan` with
 * `committed`.
 */
export function buildLedgerFixture(dataDir: string, options: FixtureOptions, spareNodeKeyCount = 0): BuiltFixture {
  const { random } = options;
  const ordererKey = seededSigningKey(random);
  const nodeKey = seededSigningKey(random);
  const spareNodeKeys = Array.from({ length: spareNodeKeyCount }, () => seededSigningKey(random));
  const genesis = createTestGenesis(options.network, ordererKey, [nodeKey, ...spareNodeKeys]);
  writeDataDir(dataDir, { genesis, ordererKey, nodeKey });
  const signers = Array.from({ length: 4 }, () => seededSigningKey(random));
  const anchored: string[] = [];
  const earlier: SignedTransaction[] = [];
  const plan: BuiltFixture['plan'] = [];
  let time = fixtureGenesisTime;
  for (let height = 1; height <= options.blocks; height++) {
    time += random.int(1, 4000);
    const transactions: PlannedTransaction[] = [];
    const count = random.int(1, options.maxTransactionsPerBlock);
    for (let i = 0; i < count; i++) {
      let kind = pickKind(random, options.weights);
      if (kind === 'anchoredAgain' && anchored.length === 0) kind = 'ok';
      if (kind === 'replayed' && earlier.length === 0) kind = 'ok';
      const signer = random.pick(signers);
      const ts = time - random.int(0, 5000);
      const title = options.unicodeTitles === true && random.chance(0.3) ? `江苏省监狱管理局 减刑公示 第${random.int(1, 999)}批 — ${random.hex(3)}` : undefined;
      const args = anchorArgs(random, title);
      const call = { network: options.network, signer, ts, random };
      let tx: SignedTransaction;
      switch (kind) {
        case 'ok':
          tx = signedCall({ ...call, args });
          anchored.push(args.hash);
          break;
        case 'anchoredAgain':
          tx = signedCall({ ...call, args: { ...args, hash: random.pick(anchored) } });
          break;
        case 'badArgs':
          tx = signedCall({ ...call, args: random.pick(badArgVariants)(args) });
          break;
        case 'unknownFunction':
          tx = signedCall({ ...call, fn: random.pick(['revoke', 'anchorMany', 'Anchor']), args });
          break;
        case 'unknownContract':
          tx = signedCall({ ...call, contract: random.pick(['registry', 'notary2']), args });
          break;
        case 'replayed':
          tx = random.pick(earlier);
          break;
        case 'outOfWindow':
          tx = signedCall({
            ...call,
            ts: random.chance(0.5) ? time - defaultTxWindow.maxAgeMs - random.int(1, 60_000) : time + defaultTxWindow.maxSkewMs + random.int(1, 60_000),
            args,
          });
          break;
      }
      if (kind !== 'replayed') earlier.push(tx);
      transactions.push({ kind, expected: transactionKinds[kind], tx });
    }
    plan.push({ time, transactions });
  }
  const ledger = openFixtureLedger(join(dataDir, dataDirFiles.ledger), genesis, nodeKey);
  try {
    const committed = plan.map((block) =>
      ledger.commitProposal({ time: block.time, transactions: block.transactions.map((planned) => admit(genesis, planned.tx)) }, ordererKey),
    );
    return { dataDir, genesis, ordererKey, nodeKey, plan, committed, spareNodeKeys };
  } finally {
    ledger.close();
  }
}

/** The result code of a committed transaction: 'ok' or its failure code. */
export function resultCode(result: CommittedBlock['transactions'][number]['result']): string {
  return result.status === 'ok' ? 'ok' : result.code;
}
