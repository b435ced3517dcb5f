/**
 * The procedure definition model. A definition is data: governance registers
 * it on the ledger and the engine runs any definition the same way. Its YAML
 * form is described by `definition-schema.json`; `checkDefinition` enforces
 * what a schema cannot (reachability, known roles, compiling guards …).
 */

/** Text in both languages the console shows. */
export interface LocalizedText {
  readonly zh: string;
  readonly en: string;
}

/**
 * Who may act: `"role@org"`. `org` is an organization id of the network, or
 * `$case` for the organization that opened the case (e.g. the prison holding
 * the prisoner), so one definition serves every prison of a province.
 */
export type ActorPattern = string;

/** The organization token that stands for the case's own organization. */
export const caseOrgToken = '$case';

export interface StateDefinition {
  readonly title: LocalizedText;
  /** A final state closes the case: no step may leave it. */
  readonly final?: boolean;
  readonly description?: LocalizedText;
}

/**
 * How many distinct members must approve a step before it takes effect, and
 * how many of them must come from given organizations (`$case` allowed).
 */
export interface ApprovalRequirement {
  readonly distinct: number;
  readonly from?: Readonly<Record<string, number>>;
}

/** A document type a step needs, by hash, anchored through the notary. */
export interface EvidenceRequirement {
  readonly type: string;
  /** How many documents of this type; 1 when absent. */
  readonly min?: number;
  readonly title?: LocalizedText;
}

export interface StepDefinition {
  readonly id: string;
  readonly title: LocalizedText;
  readonly from: readonly string[];
  readonly to: string;
  /** Who may take (or approve, or reject) the step. Absent only on automatic steps. */
  readonly allowed?: readonly ActorPattern[];
  /** Taken only by a deadline when it expires, never by a member. */
  readonly automatic?: boolean;
  readonly approvals?: ApprovalRequirement;
  /** JSON Schema (draft-07) of the form data the step takes. */
  readonly form?: Readonly<Record<string, unknown>>;
  readonly evidence?: readonly EvidenceRequirement[];
  /** CEL expression that must be true for the step to be taken. */
  readonly guard?: string;
  /** Where a rejection of this step sends the case; without it a rejection only clears approvals. */
  readonly rejectTo?: string;
}

/** A length of time counted in whole days; see `deadline-due.ts` for the counting rule. */
export type DayCount = { readonly calendarDays: number } | { readonly workingDays: number };

/** What happens when a deadline expires: an automatic step, or overdue + escalation. */
export interface ExpiryAction {
  /** Automatic step to take; if absent, or if its guard does not hold, the deadline goes overdue. */
  readonly step?: string;
  /** `role@org` the case is escalated to when it goes overdue. */
  readonly escalate?: ActorPattern;
}

export interface DeadlineExtension {
  readonly by: DayCount;
  /** How many times the deadline may be extended. */
  readonly max: number;
  readonly allowed: readonly ActorPattern[];
}

export interface DeadlineDefinition {
  readonly id: string;
  readonly title?: LocalizedText;
  /** The deadline runs from entering this state until the state is left. */
  readonly state: string;
  readonly duration: DayCount;
  /**
   * When the last day falls on a non-working day, the deadline ends on the next
   * working day (Criminal Procedure Law art. 105 ¶3). Only meaningful for calendar days.
   */
  readonly endsOnWorkingDay?: boolean;
  readonly extension?: DeadlineExtension;
  readonly onExpiry: ExpiryAction;
}

export interface OpenRule {
  readonly allowed: readonly ActorPattern[];
  readonly guard?: string;
}

export interface WithdrawRule {
  readonly to: string;
  readonly allowed: readonly ActorPattern[];
  /** States a case may be withdrawn from; every non-final state when absent. */
  readonly from?: readonly string[];
}

export interface ProcedureDefinition {
  readonly id: string;
  readonly version: number;
  readonly title: LocalizedText;
  readonly description?: LocalizedText;
  /** The kind of record a case is about (`prisoner`, `relief-request` …). */
  readonly subjectType: string;
  readonly initial: string;
  readonly states: Readonly<Record<string, StateDefinition>>;
  readonly open: OpenRule;
  readonly steps: readonly StepDefinition[];
  readonly deadlines?: readonly DeadlineDefinition[];
  readonly withdraw?: WithdrawRule;
  /** Members holding `attribute` act only on subjects whose `subject` field has the same value. */
  readonly actorScope?: readonly { readonly attribute: string; readonly subject: string }[];
}

/** State ids in a defined order (sorted), whatever order the YAML gave them in. */
export function stateIds(definition: ProcedureDefinition): string[] {
  return Object.keys(definition.states).sort();
}

/** True when the state exists and is final. */
export function isFinalState(definition: ProcedureDefinition, state: string): boolean {
  return Object.hasOwn(definition.states, state) && definition.states[state]?.final === true;
}

/** The step with this id, if the definition has one. */
export function findStep(definition: ProcedureDefinition, stepId: string): StepDefinition | undefined {
  return definition.steps.find((step) => step.id === stepId);
}

/** The number of days in a day count, and whether they are working days. */
export function dayCountParts(count: DayCount): { days: number; working: boolean } {
  return 'workingDays' in count ? { days: count.workingDays, working: true } : { days: count.calendarDays, working: false };
}
