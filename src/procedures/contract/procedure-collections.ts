import type { CollectionSpec } from '../../ledger/store/collections.ts';

/** The procedures contract's collections. */
export const procedureCollections = {
  /** One document per case: the engine's case plus what the indexes need (`CaseRecord`). */
  cases: 'procedures.cases',
  /** One document per case and `role@org` that can act on it now: queries by assignee role. */
  awaiting: 'procedures.awaiting',
  /** Subjects' facts recorded for guards (`<type>:<id>`), for subject types no app reads itself. */
  subjects: 'procedures.subjects',
} as const;

/**
 * Indexes: every list the console and the API offer is an index query, and
 * the block hook finds due deadlines through `byDue` (never a scan).
 */
export const procedureCollectionSpecs: CollectionSpec[] = [
  {
    name: procedureCollections.cases,
    indexes: [
      { name: 'byProcedure', fields: ['case.procedure.id', 'case.state', 'case.openedAt'] },
      { name: 'byState', fields: ['case.state', 'case.openedAt'] },
      { name: 'byOrg', fields: ['case.org', 'case.closed', 'case.openedAt'] },
      { name: 'byUnit', fields: ['unit', 'case.closed', 'case.openedAt'] },
      { name: 'byOverdue', fields: ['case.overdue', 'case.updatedAt'] },
      { name: 'bySubject', fields: ['case.subject.type', 'case.subject.id', 'case.openedAt'] },
      { name: 'byDue', fields: ['nextDueAt'] },
    ],
  },
  {
    name: procedureCollections.awaiting,
    indexes: [
      { name: 'byAwaiting', fields: ['awaiting', 'openedAt'] },
      { name: 'byRole', fields: ['role', 'openedAt'] },
      { name: 'byCase', fields: ['caseId'] },
    ],
  },
  { name: procedureCollections.subjects, indexes: [{ name: 'byUnit', fields: ['unit', 'type'] }] },
];
