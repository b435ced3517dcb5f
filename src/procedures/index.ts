/**
 * The procedure engine: procedures as versioned data, run by pure functions of
 * (definition, case, action, context). See docs/PROCEDURES.md.
 */
export type {
  ActorPattern,
  ApprovalRequirement,
  DayCount,
  DeadlineDefinition,
  DeadlineExtension,
  EvidenceRequirement,
  ExpiryAction,
  LocalizedText,
  OpenRule,
  ProcedureDefinition,
  StateDefinition,
  StepDefinition,
  WithdrawRule,
} from './definition.ts';
export { caseOrgToken } from './definition.ts';
export { definitionSchema } from './definition-shape.ts';
export { parseDefinitionYaml } from './parse-definition-yaml.ts';
export { assertDefinition, checkDefinition, type DefinitionCheckOptions } from './check-definition.ts';
export type { DefinitionProblem } from './definition-problem.ts';

export type { Actor } from './actor-pattern.ts';
export type {
  ActorRecord,
  ApprovalRecord,
  CaseDeadline,
  CaseDocument,
  DeadlineStatus,
  EvidenceRecord,
  EvidenceRef,
  HistoryEntry,
  JsonObject,
  JsonValue,
} from './case-document.ts';
export type { CaseAction, CommentAction, ExtendAction, RejectAction, StepAction, WithdrawAction } from './case-action.ts';
export type { CaseContext, CaseResult, DeadlineContext, DeadlineEvent } from './case-context.ts';
export { openCase, type OpenCaseInput } from './open-case.ts';
export { applyAction } from './apply-action.ts';
export { dueDeadlines, fireDeadlines } from './fire-deadlines.ts';
export { armDeadline } from './deadline-due.ts';
export { evidenceHashPattern } from './evidence.ts';

export type { CalendarData, CalendarSource, CalendarYear, WorkingDayCalendar } from './working-day-calendar.ts';
export { createWorkingDayCalendar, parseCalendarYaml } from './working-day-calendar.ts';
export { isWorkingDay } from './is-working-day.ts';
export { addWorkingDays } from './add-working-days.ts';
export { addCalendarDays } from './add-calendar-days.ts';
export { chinaDayOf, chinaDayStart, chinaStandardTimeOffsetMs, type IsoDate } from './civil-date.ts';

export { toMermaid } from './to-mermaid.ts';
export { procedureErrorCodes, type ProcedureErrorCode } from './error-codes.ts';
