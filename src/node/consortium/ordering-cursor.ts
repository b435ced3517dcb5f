import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { OrderingPosition } from '../../ordering/nats/block-cutter.ts';

/**
 * Where a node resumes reading BLOCKS after a restart. It may lag the
 * ledger (it is written about once a second, not inside the block's SQL
 * transaction): the node then re-reads some blocks and skips those it holds,
 * which is safe. It must never lead the ledger, and it cannot: it is written
 * only after the ledger committed.
 */
export interface OrderingCursor extends OrderingPosition {
  height: number;
  checkpointsSeq: number;
}

export const initialCursor: OrderingCursor = { height: 0, blocksSeq: 0, txSeq: 0, checkpointsSeq: 0 };

export function readCursor(path: string): OrderingCursor | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<OrderingCursor>;
    if ([value.height, value.blocksSeq, value.txSeq, value.checkpointsSeq].every((n) => Number.isSafeInteger(n))) return value as OrderingCursor;
  } catch {
    // absent or torn: start from the stream's beginning and skip what the ledger holds
  }
  return undefined;
}

export function writeCursor(path: string, cursor: OrderingCursor): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(cursor) + '\n');
  renameSync(`${path}.tmp`, path);
}
