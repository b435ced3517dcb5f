import type { JsonObject } from '../../crypto/canonical-json.ts';
import type { CaseDocument } from '../case-document.ts';

/** Which transaction — or which block's deadline hook (`txId: null`) — appended a run of history entries. */
export interface CaseWrite {
  readonly fromSeq: number;
  readonly toSeq: number;
  readonly txId: string | null;
  readonly height: number;
  readonly time: number;
}

/**
 * A case as stored in `procedures.cases`: the engine's document, untouched,
 * and beside it what the indexes need. `nextDueAt` is the earliest running
 * deadline (null when none or closed): the block hook's index. `writes` ties
 * the history to the ledger's transactions.
 */
export interface CaseRecord {
  readonly v: 1;
  readonly case: CaseDocument;
  readonly unit: string | null;
  readonly nextDueAt: number | null;
  readonly writes: readonly CaseWrite[];
  /** Set when the deadline hook could not run the case (the code and message); it is then left out of `byDue`. */
  readonly deadlineError?: { readonly code: string; readonly message: string };
}

/** The earliest `dueAt` of the case's running deadlines, or null. */
export function nextDueAt(doc: CaseDocument): number | null {
  if (doc.closed) return null;
  let next: number | null = null;
  for (const deadline of doc.deadlines) {
    if (deadline.status === 'running' && (next === null || deadline.dueAt < next)) next = deadline.dueAt;
  }
  return next;
}

/** The record after the engine produced `doc`, written by `txId` (null: the block hook) at a block. */
export function nextRecord(previous: CaseRecord | undefined, doc: CaseDocument, unit: string | null, write: Omit<CaseWrite, 'fromSeq' | 'toSeq'>): CaseRecord {
  const fromSeq = (previous?.case.history.length ?? 0) + 1;
  const toSeq = doc.history.length;
  const writes = toSeq >= fromSeq ? [...(previous?.writes ?? []), { fromSeq, toSeq, ...write }] : [...(previous?.writes ?? [])];
  return { v: 1, case: doc, unit, nextDueAt: nextDueAt(doc), writes };
}

export function recordToJson(record: CaseRecord): JsonObject {
  return record as unknown as JsonObject;
}

export function jsonToRecord(doc: JsonObject): CaseRecord {
  return doc as unknown as CaseRecord;
}
