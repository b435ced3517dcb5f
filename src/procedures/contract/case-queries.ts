import { custosError } from '../../errors/custos-error.ts';
import type { IndexValue, StateDocument, StateQuery } from '../../ledger/store/state-store.ts';
import type { JsonObject } from '../../crypto/canonical-json.ts';
import { jsonToRecord, type CaseRecord } from './case-record.ts';
import { procedureCollections } from './procedure-collections.ts';

/** Reads of the world state (the ledger's state store, or a contract's context). */
export interface StateReads {
  get(collection: string, id: string): StateDocument | undefined;
  query(collection: string, query: StateQuery): StateDocument[];
}

/** What a case list may be filtered by; all given filters must hold. */
export interface CaseFilter {
  readonly procedure?: string;
  readonly state?: string;
  readonly org?: string;
  readonly unit?: string;
  /** `role@org` that can act now, or a bare role (any organization). */
  readonly awaiting?: string;
  readonly overdue?: boolean;
  readonly closed?: boolean;
}

/** One case in a list: no history, no forms. */
export interface CaseSummary extends JsonObject {
  caseId: string;
  procedure: { id: string; version: number };
  subject: { type: string; id: string };
  org: string;
  unit: string | null;
  state: string;
  closed: boolean;
  overdue: boolean;
  awaiting: string[];
  openedAt: number;
  updatedAt: number;
  nextDueAt: number | null;
}

export function caseSummary(record: CaseRecord): CaseSummary {
  const doc = record.case;
  return {
    caseId: doc.id,
    procedure: { id: doc.procedure.id, version: doc.procedure.version },
    subject: { type: doc.subject.type, id: doc.subject.id },
    org: doc.org,
    unit: record.unit,
    state: doc.state,
    closed: doc.closed,
    overdue: doc.overdue,
    awaiting: [...doc.awaiting],
    openedAt: doc.openedAt,
    updatedAt: doc.updatedAt,
    nextDueAt: record.nextDueAt,
  };
}

function holds(filter: CaseFilter, record: CaseRecord): boolean {
  const doc = record.case;
  const awaiting = filter.awaiting;
  return (
    (filter.procedure === undefined || doc.procedure.id === filter.procedure) &&
    (filter.state === undefined || doc.state === filter.state) &&
    (filter.org === undefined || doc.org === filter.org) &&
    (filter.unit === undefined || record.unit === filter.unit) &&
    (filter.overdue === undefined || doc.overdue === filter.overdue) &&
    (filter.closed === undefined || doc.closed === filter.closed) &&
    (awaiting === undefined || doc.awaiting.some((a) => a === awaiting || (!awaiting.includes('@') && a.startsWith(`${awaiting}@`))))
  );
}

/** Equal values for an index's leading fields, stopping at the first filter not given. */
function prefix(...values: (IndexValue | undefined)[]): IndexValue[] {
  const end = values.indexOf(undefined);
  return (end === -1 ? values : values.slice(0, end)) as IndexValue[];
}

/**
 * Cases matching a filter, one page of the most selective index: awaiting
 * role, then procedure (+ state), unit, organization, overdue, state. Other
 * filters are applied to that page, so a page may hold fewer than `limit`
 * cases; `next` is the offset of the following page, null after the last.
 */
export function queryCases(state: StateReads, filter: CaseFilter, page: { limit: number; offset: number }): { cases: CaseSummary[]; next: number | null } {
  if (!Number.isSafeInteger(page.limit) || page.limit < 1 || page.limit > 500) throw custosError('LEDGER_QUERY_INVALID', 'limit must be 1..500');
  const window = { limit: page.limit, offset: page.offset };
  let records: CaseRecord[];
  let fetched: number;
  if (filter.awaiting !== undefined) {
    const byRole = !filter.awaiting.includes('@');
    const rows = state.query(procedureCollections.awaiting, { index: byRole ? 'byRole' : 'byAwaiting', equals: [filter.awaiting], ...window });
    fetched = rows.length;
    records = rows.flatMap((row) => {
      const found = state.get(procedureCollections.cases, String(row.doc['caseId']));
      return found === undefined ? [] : [jsonToRecord(found.doc)];
    });
  } else {
    const { index, equals } =
      filter.procedure !== undefined
        ? { index: 'byProcedure', equals: prefix(filter.procedure, filter.state) }
        : filter.unit !== undefined
          ? { index: 'byUnit', equals: prefix(filter.unit, filter.closed) }
          : filter.org !== undefined
            ? { index: 'byOrg', equals: prefix(filter.org, filter.closed) }
            : filter.overdue !== undefined
              ? { index: 'byOverdue', equals: [filter.overdue] }
              : { index: 'byState', equals: prefix(filter.state) };
    const rows = state.query(procedureCollections.cases, { index, equals, ...window });
    fetched = rows.length;
    records = rows.map((row) => jsonToRecord(row.doc));
  }
  return { cases: records.filter((record) => holds(filter, record)).map(caseSummary), next: fetched === page.limit ? page.offset + page.limit : null };
}
