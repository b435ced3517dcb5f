import Database from 'better-sqlite3';
import { bytesToHex } from '../../crypto/bytes.ts';
import type { CryptoSuite } from '../../crypto/suite.ts';
import { createMemoryNodeStore, createMerkleLog, emptyRoot, leafHash, merkleTreeHash } from '../../merkle/index.ts';
import { blockHash, verifyBlockHeaderSignature, type BlockHeader } from '../../ledger/block-header.ts';
import { verifyCheckpointSignature, type Checkpoint } from '../../ledger/checkpoint.ts';
import { genesisHash, type Genesis } from '../../ledger/genesis.ts';
import { resultLeafData, transactionLeafData } from '../../ledger/leaves.ts';
import type { TransactionResult } from '../../ledger/result.ts';
import { createMerkleNodeTable } from '../../ledger/store/merkle-node-table.ts';
import { computeTxId, decodeTransaction, transactionBody } from '../../ledger/transaction.ts';
import { consortiumError } from './consortium-error.ts';
import type { Consortium } from './consortium-config.ts';
import { checkpointClaim, meetsFinality } from './finality-tracker.ts';
import { recomputeStateRoot } from './recompute-state-root.ts';

export interface VerifiedSnapshot {
  height: number;
  header: BlockHeader | undefined;
  /** Organizations whose matching checkpoints made the snapshot's head final. */
  finalSigners: string[];
}

function invalid(message: string, details: Record<string, unknown> = {}): never {
  throw consortiumError('CONSORTIUM_SNAPSHOT_INVALID', message, details);
}

/**
 * Checks a snapshot (another node's SQLite backup) trusting only genesis:
 * the genesis hash; every header's hash link and orderer signature; every
 * transaction's id against its bytes, and the log root rebuilt from its
 * leaves — and from the stored Merkle nodes the node will serve proofs from —
 * against the head's signed header; the state root recomputed from the state
 * table (and the stored running sum); the head's results root; and finally
 * that checkpoints signed by organizations meeting the finality policy claim
 * exactly this block hash, results root and state root.
 */
export function verifySnapshot(path: string, genesis: Genesis, suite: CryptoSuite, consortium: Consortium, extraCheckpoints: readonly Checkpoint[]): VerifiedSnapshot {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const meta = (key: string) => db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value;
    if (meta('genesis_hash') !== genesisHash(suite, genesis)) invalid('snapshot belongs to another genesis');

    let prevHash = genesisHash(suite, genesis);
    let header: BlockHeader | undefined;
    let expectedHeight = 1;
    for (const row of db.prepare<[], { height: number; hash: string; header: string; first_seq: number; tx_count: number }>('SELECT height, hash, header, first_seq, tx_count FROM blocks ORDER BY height').iterate()) {
      const h = JSON.parse(row.header) as BlockHeader;
      if (row.height !== expectedHeight || h.height !== row.height) invalid(`block rows are not contiguous at height ${row.height}`, { height: row.height });
      if (h.prevHash !== prevHash) invalid(`block ${row.height} does not link to the previous block`, { height: row.height });
      if (blockHash(suite, h) !== row.hash) invalid(`block ${row.height}'s stored hash does not match its header`, { height: row.height });
      if (!genesis.orderers.includes(h.orderer) || !verifyBlockHeaderSignature(suite, h)) invalid(`block ${row.height}'s orderer signature does not verify`, { height: row.height });
      if (row.first_seq !== h.logSize - row.tx_count) invalid(`block ${row.height}'s transaction range does not match its log size`, { height: row.height });
      prevHash = row.hash;
      header = h;
      expectedHeight += 1;
    }
    const height = header?.height ?? 0;
    const logSize = header?.logSize ?? 0;

    const fresh = createMerkleLog({ hash: suite.hash, store: createMemoryNodeStore(), size: 0 });
    let seq = 0;
    for (const row of db.prepare<[], { seq: number; id: string; body: string }>('SELECT seq, id, body FROM txs ORDER BY seq').iterate()) {
      if (row.seq !== seq) invalid(`transaction rows are not contiguous at seq ${row.seq}`);
      const tx = decodeTransaction(JSON.parse(row.body));
      if (computeTxId(suite, transactionBody(tx)) !== row.id) invalid(`transaction ${row.seq}'s id does not match its bytes`, { seq: row.seq });
      fresh.appendLeafHash(leafHash(suite.hash, transactionLeafData(suite.hash, row.id, tx.sig)));
      seq += 1;
    }
    if (seq !== logSize) invalid(`snapshot holds ${seq} transactions, the head header says ${logSize}`);
    const logRoot = bytesToHex(logSize === 0 ? emptyRoot(suite.hash) : fresh.root());
    if (header !== undefined && logRoot !== header.logRoot) invalid('log root rebuilt from the transactions does not match the signed head');
    if (header !== undefined && bytesToHex(createMerkleLog({ hash: suite.hash, store: createMerkleNodeTable(db, suite.hash), size: logSize }).root()) !== header.logRoot) {
      invalid('stored Merkle nodes do not give the signed log root');
    }

    const state = recomputeStateRoot(db, suite.hash, height);
    if ((meta('state_sum') ?? '0'.repeat(64)) !== state.sum) invalid('stored state sum does not match the state table');
    if (header === undefined) return { height: 0, header: undefined, finalSigners: [] };

    const results = db.prepare<[number], { id: string; result: string }>('SELECT id, result FROM txs WHERE height = ? ORDER BY seq').all(height);
    const resultLeaves = results.map((r) => leafHash(suite.hash, resultLeafData(r.id, JSON.parse(r.result) as TransactionResult)));
    const resultsRoot = bytesToHex(resultLeaves.length === 0 ? emptyRoot(suite.hash) : merkleTreeHash(suite.hash, resultLeaves));

    const stored = db.prepare<[number], { body: string }>('SELECT body FROM checkpoints WHERE height = ?').all(height).map((r) => JSON.parse(r.body) as Checkpoint);
    const claim = `${prevHash}/${resultsRoot}/${state.stateRoot}`;
    const signers = new Set<string>();
    for (const checkpoint of [...stored, ...extraCheckpoints]) {
      const org = consortium.organizationOfNode(checkpoint.signer);
      if (org === undefined || checkpoint.height !== height || checkpoint.network !== genesis.network) continue;
      if (checkpointClaim(checkpoint) !== claim || !verifyCheckpointSignature(suite, checkpoint)) continue;
      signers.add(org.id);
    }
    if (!meetsFinality(consortium.finality, signers)) {
      invalid(`snapshot head ${height} is not final: matching checkpoints only from ${[...signers].join(', ') || 'nobody'}`, { height, signers: [...signers] });
    }
    return { height, header, finalSigners: [...signers].sort() };
  } finally {
    db.close();
  }
}
