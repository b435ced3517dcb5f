/**
 * Procedures on the ledger: the `procedures` contract (cases, the deadline
 * block hook), the checks governance runs on definitions and calendars, and
 * the reads the API uses. See docs/PROCEDURES.md, "On the ledger".
 */
export { createProceduresContract, defaultProceduresContractOptions, type ProceduresContractOptions } from './procedures-contract.ts';
export { procedureGovernanceHooks } from './procedure-governance-hooks.ts';
export { procedureCollections, procedureCollectionSpecs } from './procedure-collections.ts';
export type { CaseRecord, CaseWrite } from './case-record.ts';
export { caseHistory, type LedgerHistoryEntry } from './case-history.ts';
export type { ReadDocument, SubjectReader, SubjectView } from './case-subject.ts';
export { isUsableAt, latestUsableDefinition, registeredDefinition, registeredVersions, type RegisteredDefinition } from './registered-definitions.ts';
export { loadShippedCalendar, shippedCalendarPath } from './shipped-calendar.ts';
