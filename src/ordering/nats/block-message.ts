import type { BlockHeader } from '../../ledger/block-header.ts';

/**
 * What the cutter publishes to BLOCKS: the signed header, the block's
 * transactions as their canonical signed texts, and `txSeq`, the TX stream
 * sequence up to which the cutter has read. A cutter that takes over reads
 * TX from the last valid block's `txSeq + 1`, so nothing is skipped; what it
 * reads again is dropped when the ledger already holds it.
 */
export interface BlockMessage {
  v: 1;
  header: BlockHeader;
  txs: string[];
  txSeq: number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function blockMessageToBytes(message: BlockMessage): Uint8Array {
  return encoder.encode(JSON.stringify(message));
}

/** The message's form only; the header's content and signature are the ledger's to check. */
export function decodeBlockMessage(bytes: Uint8Array): BlockMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  const m = value as Partial<BlockMessage>;
  const h = m.header as Partial<BlockHeader> | undefined;
  if (m.v !== 1 || !Number.isSafeInteger(m.txSeq) || !Array.isArray(m.txs) || !m.txs.every((tx) => typeof tx === 'string')) return undefined;
  if (h === undefined || h === null || typeof h !== 'object' || !Number.isSafeInteger(h.height) || typeof h.sig !== 'string' || typeof h.orderer !== 'string') return undefined;
  return m as BlockMessage;
}
