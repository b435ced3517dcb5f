import type { HistoryEntry } from '../case-document.ts';
import type { CaseRecord } from './case-record.ts';

/** A history entry with where it is on the ledger: the transaction (null: a deadline at a block) and the block height. */
export type LedgerHistoryEntry = HistoryEntry & { readonly txId: string | null; readonly height: number };

/** The case's full history — who, what, when — each entry tied to the transaction or block that wrote it. */
export function caseHistory(record: CaseRecord): LedgerHistoryEntry[] {
  return record.case.history.map((entry) => {
    const write = record.writes.find((w) => w.fromSeq <= entry.seq && entry.seq <= w.toSeq);
    return { ...entry, txId: write?.txId ?? null, height: write?.height ?? 0 };
  });
}
