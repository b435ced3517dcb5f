import { canonicalize, type JsonObject } from '../../crypto/canonical-json.ts';
import type { CaseRecord } from './case-record.ts';
import { procedureCollections } from './procedure-collections.ts';

/** Writes the hook or a transaction may make. */
export interface IndexWriter {
  put(collection: string, id: string, doc: JsonObject): void;
  delete(collection: string, id: string): void;
}

export function awaitingKey(caseId: string, awaiting: string): string {
  return `${caseId}|${awaiting}`;
}

/** One `procedures.awaiting` row: the case can be acted on by `awaiting` (`role@org`). */
export function awaitingDoc(record: CaseRecord, awaiting: string): JsonObject {
  const doc = record.case;
  const at = awaiting.indexOf('@');
  return {
    caseId: doc.id,
    awaiting,
    role: awaiting.slice(0, at),
    org: awaiting.slice(at + 1),
    procedure: doc.procedure.id,
    version: doc.procedure.version,
    state: doc.state,
    caseOrg: doc.org,
    unit: record.unit,
    overdue: doc.overdue,
    openedAt: doc.openedAt,
  };
}

/**
 * Keeps `procedures.awaiting` equal to the case's `awaiting` list: rows for
 * roles that can no longer act go, new or changed rows are written; rows
 * that did not change are not rewritten.
 */
export function syncAwaiting(writer: IndexWriter, before: CaseRecord | undefined, after: CaseRecord): void {
  const previous = new Map((before?.case.awaiting ?? []).map((awaiting) => [awaiting, canonicalize(awaitingDoc(before!, awaiting))]));
  const current = new Set(after.case.awaiting);
  for (const awaiting of previous.keys()) {
    if (!current.has(awaiting)) writer.delete(procedureCollections.awaiting, awaitingKey(after.case.id, awaiting));
  }
  for (const awaiting of after.case.awaiting) {
    const doc = awaitingDoc(after, awaiting);
    if (previous.get(awaiting) !== canonicalize(doc)) writer.put(procedureCollections.awaiting, awaitingKey(after.case.id, awaiting), doc);
  }
}
