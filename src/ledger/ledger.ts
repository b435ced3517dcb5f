import Database from 'better-sqlite3';
import { bytesToHex } from '../crypto/bytes.ts';
import { canonicalize, type JsonObject } from '../crypto/canonical-json.ts';
import { digestLength, type CryptoSuite, type SigningKey } from '../crypto/suite.ts';
import { getSuite } from '../crypto/suites.ts';
import { custosError } from '../errors/custos-error.ts';
import { createMerkleLog, emptyRoot, merkleTreeHashInPlace, type MerkleLog } from '../merkle/index.ts';
import type { AdmittedTransaction } from './admission.ts';
import { blockHash, signBlockHeader, verifyBlockHeaderSignature, type BlockHeader, type UnsignedBlockHeader } from './block-header.ts';
import { signCheckpoint, verifyCheckpointSignature, type Checkpoint } from './checkpoint.ts';
import type { StateAccess, TransactionExecutor } from './executor.ts';
import { genesisHash, type Genesis } from './genesis.ts';
import { resultLeafHashInto } from './leaves.ts';
import { failedResult, type TransactionResult } from './result.ts';
import { createBlockTables } from './store/block-tables.ts';
import { createMerkleNodeTable } from './store/merkle-node-table.ts';
import { applySchema, defaultStoreOptions, type StoreOptions } from './store/schema.ts';
import { createStateStore, type StoredDocument } from './store/state-store.ts';
import { createTxIdIndex } from './store/tx-id-index.ts';
import { addDigest, digestSumToHex, hexToDigestSum, stateEntryDigestInto, stateRootOf, subtractDigest } from './state-root.ts';
import { createLedgerReads } from './ledger-reads.ts';

export interface LedgerOptions {
  /** Path of the SQLite file, or ':memory:'. */
  path: string;
  genesis: Genesis;
  executor: TransactionExecutor;
  /** Signs this node's checkpoints. */
  nodeKey: SigningKey;
  store?: Partial<StoreOptions>;
}

export interface ChainHead {
  height: number;
  /** Hash of the head block, or the genesis hash at height 0. */
  hash: string;
  time: number;
  logSize: number;
  logRoot: string;
  header: BlockHeader | undefined;
}

export interface CommittedTransaction {
  txId: string;
  seq: number;
  result: TransactionResult;
}

export interface CommittedBlock {
  header: BlockHeader;
  hash: string;
  transactions: CommittedTransaction[];
  checkpoint: Checkpoint;
}

export interface BlockProposal {
  time: number;
  transactions: AdmittedTransaction[];
}

function invalidBlock(height: number, message: string): never {
  throw custosError('LEDGER_BLOCK_INVALID', `block ${height}: ${message}`, { height });
}

/**
 * The ledger of one node: validates blocks, executes their transactions
 * through the injected executor and commits each block — transactions,
 * results, Merkle nodes, state and the node's checkpoint — in one SQL
 * transaction, so a crash leaves it at the last whole block.
 */
export function openLedger(options: LedgerOptions) {
  const { genesis, executor, nodeKey } = options;
  const suite: CryptoSuite = getSuite(genesis.suite);
  const db = new Database(options.path);
  const storeOptions = { ...defaultStoreOptions, ...options.store };
  applySchema(db, storeOptions);
  const tables = createBlockTables(db);
  const state = createStateStore(db, storeOptions.stateKeyMergeThreshold);
  for (const spec of executor.collections()) state.declare(spec);
  const nodeStore = createMerkleNodeTable(db, suite.hash);
  const txIds = createTxIdIndex(db, storeOptions.txIdMergeThreshold);
  const hashOfGenesis = genesisHash(suite, genesis);

  const storedGenesisHash = tables.getMeta('genesis_hash');
  if (storedGenesisHash === undefined) {
    tables.setMeta('genesis_hash', hashOfGenesis);
    tables.setMeta('genesis', canonicalize(genesis));
  } else if (storedGenesisHash !== hashOfGenesis) {
    db.close();
    throw custosError('NODE_DATA_DIR_INVALID', 'the database belongs to another genesis', { stored: storedGenesisHash, given: hashOfGenesis });
  }

  let head = readHead();
  let log: MerkleLog = createMerkleLog({ hash: suite.hash, hashInto: suite.hashInto, store: nodeStore, size: head.logSize });
  let stateSum = hexToDigestSum(tables.getMeta('state_sum') ?? '0'.repeat(64));
  /** Each written document's state-entry digest, consumed by the sum at once. */
  const entryDigest = new Uint8Array(digestLength);

  function readHead(): ChainHead {
    const row = tables.lastBlock();
    if (row === undefined) {
      return { height: 0, hash: hashOfGenesis, time: genesis.time, logSize: 0, logRoot: bytesToHex(emptyRoot(suite.hash)), header: undefined };
    }
    const header = JSON.parse(row.header) as BlockHeader;
    return { height: row.height, hash: row.hash, time: header.time, logSize: header.logSize, logRoot: header.logRoot, header };
  }

  /**
   * Rows read while one transaction (or the block hooks) executes, by
   * collection and id; null when absent. PERF: contracts mostly read what
   * they then write (the notary checks a hash is new, then anchors it), so
   * applying the writes reuses these rows instead of looking each up again.
   * Emptied before each execution and after its writes are applied.
   */
  const rowsRead = new Map<string, StoredDocument | null>();
  const rowKey = (collection: string, id: string) => `${collection}\u0000${id}`;
  const stateAccess: StateAccess = {
    get(collection, id) {
      const row = state.getRaw(collection, id);
      rowsRead.set(rowKey(collection, id), row ?? null);
      return row === undefined ? undefined : { collection, id, doc: JSON.parse(row.doc) as JsonObject, version: row.version, height: row.height };
    },
    query: state.query,
  };

  function isDuplicate(txId: string, seenInBlock: Set<string>): boolean {
    if (seenInBlock.has(txId)) return true;
    seenInBlock.add(txId);
    return txIds.seqOf(txId) !== undefined;
  }

  function applyWrites(outcomeWrites: ReturnType<TransactionExecutor['execute']>['writes'], height: number): void {
    for (const write of outcomeWrites) {
      // Taken, not just read: block hooks may write one document twice, and the second write must see the first.
      const key = rowKey(write.collection, write.id);
      const read = rowsRead.get(key);
      rowsRead.delete(key);
      const previous = read === undefined ? state.getRaw(write.collection, write.id) : (read ?? undefined);
      if (previous !== undefined) {
        subtractDigest(stateSum, stateEntryDigestInto(suite.hashInto, write.collection, write.id, previous.version, previous.doc, entryDigest));
      }
      if (write.canonical === null) {
        if (previous !== undefined) state.delete(write.collection, write.id, previous);
      } else {
        const version = (previous?.version ?? 0) + 1;
        if (previous === undefined) state.insert(write.collection, write.id, write.canonical, height);
        else state.update(write.collection, write.id, previous, write.canonical, height);
        addDigest(stateSum, stateEntryDigestInto(suite.hashInto, write.collection, write.id, version, write.canonical, entryDigest));
      }
    }
    rowsRead.clear();
  }

  /** Executes and stores the transactions of a block whose header is already checked. */
  function executeAndStore(header: BlockHeader, hash: string, transactions: readonly AdmittedTransaction[]): CommittedBlock {
    const firstSeq = header.logSize - transactions.length;
    const block = { network: genesis.network, height: header.height, time: header.time };
    rowsRead.clear();
    applyWrites(executor.beginBlock(block, stateAccess), header.height);
    const seen = new Set<string>();
    const committed: CommittedTransaction[] = [];
    const resultLeaves = new Uint8Array(digestLength * transactions.length);
    transactions.forEach((admitted, i) => {
      const { tx, txId } = admitted;
      let result: TransactionResult;
      if (isDuplicate(txId, seen)) {
        result = failedResult('LEDGER_TX_DUPLICATE', 'transaction id already in the ledger');
      } else if (tx.ts < header.time - genesis.txWindow.maxAgeMs || tx.ts > header.time + genesis.txWindow.maxSkewMs) {
        result = failedResult('LEDGER_TX_TS_OUT_OF_WINDOW', 'timestamp outside the window around block time');
      } else {
        const outcome = executor.execute(admitted, block, stateAccess);
        result = outcome.result;
        if (result.status === 'ok') applyWrites(outcome.writes, header.height);
        else rowsRead.clear();
      }
      const seq = firstSeq + i;
      const resultText = canonicalize(result);
      tables.insertTx(seq, header.height, txId, admitted.canonical, resultText);
      txIds.stage(txId, seq);
      resultLeafHashInto(suite.hashInto, txId, resultText, resultLeaves, digestLength * i);
      committed.push({ txId, seq, result });
    });
    txIds.writeStaged(header.logSize);
    state.mergeKeysIfDue();
    tables.insertBlock({ height: header.height, hash, header: canonicalize(header), first_seq: firstSeq, tx_count: transactions.length });
    tables.setMeta('state_sum', digestSumToHex(stateSum));
    const checkpoint = signCheckpoint(
      {
        v: 1,
        network: genesis.network,
        height: header.height,
        blockHash: hash,
        resultsRoot: bytesToHex(transactions.length === 0 ? emptyRoot(suite.hash) : merkleTreeHashInPlace(suite.hashInto, digestLength, resultLeaves, transactions.length)),
        stateRoot: stateRootOf(suite.hash, stateSum, header.height),
        signer: nodeKey.publicKey,
      },
      nodeKey,
    );
    tables.insertCheckpoint(header.height, nodeKey.publicKey, canonicalize(checkpoint));
    return { header, hash, transactions: committed, checkpoint };
  }

  function appendLeaves(transactions: readonly AdmittedTransaction[]): string {
    if (transactions.length === 0) return bytesToHex(emptyRoot(suite.hash));
    // Packed for the in-place txRoot, which overwrites them (the log copies what it keeps).
    const packed = new Uint8Array(digestLength * transactions.length);
    transactions.forEach(({ leafHash }, i) => {
      log.appendLeafHash(leafHash);
      packed.set(leafHash, digestLength * i);
    });
    return bytesToHex(merkleTreeHashInPlace(suite.hashInto, digestLength, packed, transactions.length));
  }

  /** Runs `work` in one SQL transaction; on any failure the in-memory log, state sum and state keys are put back as on disk, and the staged txIds dropped. */
  function inBlockTransaction<T>(work: () => T): T {
    const savedSum = stateSum.slice();
    try {
      const out = db.transaction(work)();
      // Memory follows the committed file before anything else here can throw.
      txIds.committed();
      state.committed();
      head = readHead();
      return out;
    } catch (error) {
      stateSum = savedSum;
      log = createMerkleLog({ hash: suite.hash, hashInto: suite.hashInto, store: nodeStore, size: head.logSize });
      txIds.discardStaged();
      state.rolledBack();
      throw error;
    }
  }

  /** Appends the proposal's leaves to the log (inside a block transaction) and signs the resulting header. */
  function headerForProposal(proposal: BlockProposal, orderer: SigningKey): BlockHeader {
    const txRoot = appendLeaves(proposal.transactions);
    const unsigned: UnsignedBlockHeader = {
      v: 1,
      network: genesis.network,
      height: head.height + 1,
      prevHash: head.hash,
      time: Math.max(proposal.time, head.time),
      txRoot,
      logSize: log.size,
      logRoot: bytesToHex(log.root()),
      orderer: orderer.publicKey,
    };
    if (!genesis.orderers.includes(orderer.publicKey)) invalidBlock(unsigned.height, 'orderer key is not in genesis');
    return signBlockHeader(unsigned, orderer);
  }

  /** Solo ordering: build, sign and commit the next block from admitted transactions. */
  function commitProposal(proposal: BlockProposal, orderer: SigningKey): CommittedBlock {
    return inBlockTransaction(() => {
      const header = headerForProposal(proposal, orderer);
      return executeAndStore(header, blockHash(suite, header), proposal.transactions);
    });
  }

  /**
   * Consortium ordering: the signed header of the block that would follow
   * the head with these transactions, without committing anything. The
   * cutter publishes it; every node (the cutter too) then runs `commitBlock`.
   */
  function proposeHeader(proposal: BlockProposal, orderer: SigningKey): BlockHeader {
    let header: BlockHeader | undefined;
    const rollback = new Error('roll back the proposal');
    try {
      inBlockTransaction(() => {
        header = headerForProposal(proposal, orderer);
        throw rollback;
      });
    } catch (error) {
      if (error !== rollback) throw error;
    }
    return header!;
  }

  /**
   * Validates and commits a block made elsewhere (another orderer, a replay).
   * Transactions must already be admitted (form and signature checked).
   */
  function commitBlock(header: BlockHeader, transactions: readonly AdmittedTransaction[]): CommittedBlock {
    return inBlockTransaction(() => {
      const expected = head.height + 1;
      if (header.v !== 1) invalidBlock(header.height, 'unsupported header version');
      if (header.network !== genesis.network) invalidBlock(header.height, `network ${header.network} is not ${genesis.network}`);
      if (header.height !== expected) invalidBlock(header.height, `expected height ${expected}`);
      if (header.prevHash !== head.hash) invalidBlock(header.height, 'prevHash does not link to the previous block');
      if (header.time < head.time) invalidBlock(header.height, 'time goes backwards');
      if (!genesis.orderers.includes(header.orderer)) invalidBlock(header.height, 'orderer key is not in genesis');
      if (!verifyBlockHeaderSignature(suite, header)) invalidBlock(header.height, 'orderer signature does not verify');
      if (transactions.some((t) => t.tx.network !== genesis.network)) invalidBlock(header.height, 'holds a transaction of another network');
      const txRoot = appendLeaves(transactions);
      if (txRoot !== header.txRoot) invalidBlock(header.height, 'txRoot does not match the transactions');
      if (log.size !== header.logSize) invalidBlock(header.height, `logSize ${header.logSize} but the log holds ${log.size}`);
      if (bytesToHex(log.root()) !== header.logRoot) invalidBlock(header.height, 'logRoot does not match the log');
      return executeAndStore(header, blockHash(suite, header), transactions);
    });
  }

  /**
   * Stores another node's checkpoint (consortium mode) after checking its
   * form and signature. Whether it agrees with ours is the caller's business
   * (finality and divergence live in the node layer).
   */
  function recordCheckpoint(checkpoint: Checkpoint): void {
    if (checkpoint.network !== genesis.network) throw custosError('LEDGER_BLOCK_INVALID', 'checkpoint is for another network');
    if (!genesis.nodes.includes(checkpoint.signer)) throw custosError('LEDGER_BLOCK_INVALID', 'checkpoint signer is not a node of this network');
    if (!verifyCheckpointSignature(suite, checkpoint)) throw custosError('LEDGER_BLOCK_INVALID', 'checkpoint signature does not verify');
    tables.insertCheckpoint(checkpoint.height, checkpoint.signer, canonicalize(checkpoint));
  }

  /**
   * `recordCheckpoint` for many checkpoints in one SQL transaction (one
   * commit, one fsync), each checked the same way; the ones that fail a
   * check are returned with their reason and not stored, the others are.
   * PERF: a node hears three checkpoints per block from the others; an
   * autocommit each cost an fsync each.
   */
  function recordCheckpoints(checkpoints: readonly Checkpoint[]): { checkpoint: Checkpoint; reason: string }[] {
    const refused: { checkpoint: Checkpoint; reason: string }[] = [];
    db.transaction(() => {
      for (const checkpoint of checkpoints) {
        try {
          recordCheckpoint(checkpoint);
        } catch (error) {
          refused.push({ checkpoint, reason: error instanceof Error ? error.message : String(error) });
        }
      }
    })();
    return refused;
  }

  const reads = createLedgerReads({ db, tables, txIds, suite, genesis, getLog: () => log, getHead: () => head });

  return {
    suite,
    genesis,
    genesisHash: hashOfGenesis,
    nodePublicKey: nodeKey.publicKey,
    head: () => head,
    state,
    stateRoot: () => stateRootOf(suite.hash, stateSum, head.height),
    hasTransaction: (txId: string) => txIds.seqOf(txId) !== undefined,
    commitProposal,
    proposeHeader,
    recordCheckpoint,
    recordCheckpoints,
    commitBlock,
    ...reads,
    /** For verification and tests that compare raw tables; never for writes. */
    rawDatabase: () => db,
    close: () => db.close(),
  };
}

export type Ledger = ReturnType<typeof openLedger>;
