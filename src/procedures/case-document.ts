import type { IsoDate } from './civil-date.ts';

/** A JSON object as stored in a case (form data). */
export type JsonObject = { [key: string]: JsonValue };
/** A JSON value as stored in a case. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;

/** Who acted, as recorded in the case. */
export interface ActorRecord {
  readonly memberId: string;
  readonly org: string;
  readonly roles: readonly string[];
}

/** A document hash given with an action, by document type. */
export interface EvidenceRef {
  readonly type: string;
  readonly hash: string;
}

/** Evidence accepted into the case: which step brought it, who, when. */
export interface EvidenceRecord extends EvidenceRef {
  readonly step: string;
  readonly by: string;
  readonly at: number;
}

/** One approval of a multi-approval step that has not completed yet. */
export interface ApprovalRecord {
  readonly by: ActorRecord;
  readonly at: number;
  readonly form: JsonObject;
  readonly evidence: readonly EvidenceRef[];
}

/**
 * `running` until the state is left (`met`) or the deadline expires: then the
 * automatic step is taken (`fired`) or the case goes `overdue`, which becomes
 * `late` once the state is finally left.
 */
export type DeadlineStatus = 'running' | 'met' | 'fired' | 'overdue' | 'late';

/** A deadline armed on a case when it entered the deadline's state. Dates are China Standard Time. */
export interface CaseDeadline {
  readonly id: string;
  readonly state: string;
  readonly startedAt: number;
  /** The day the state was entered (never counted). */
  readonly startDate: IsoDate;
  /** The last day before rolling forward to a working day. */
  readonly nominalLastDay: IsoDate;
  /** The last day of the period: the deadline expires when it ends. */
  readonly lastDay: IsoDate;
  /** The instant the deadline expires: 00:00 China Standard Time after `lastDay`. */
  readonly dueAt: number;
  readonly extensions: number;
  readonly status: DeadlineStatus;
  readonly closedAt?: number;
  readonly escalatedTo?: string;
}

/** What happened on a case. `by` is null for what the engine did at a deadline. */
export interface HistoryEntry {
  readonly seq: number;
  readonly at: number;
  readonly by: ActorRecord | null;
  readonly kind: 'open' | 'step' | 'approve' | 'reject' | 'withdraw' | 'comment' | 'extend' | 'deadline';
  readonly step?: string;
  readonly deadline?: string;
  readonly from?: string;
  readonly to?: string;
  readonly form?: JsonObject;
  readonly evidence?: readonly EvidenceRef[];
  readonly approvedBy?: readonly string[];
  readonly reason?: string;
  readonly text?: string;
  readonly outcome?: 'step' | 'overdue';
  readonly escalatedTo?: string;
  readonly lastDay?: IsoDate;
}

/**
 * One run of a procedure definition: a JSON document (canonical-JSON safe:
 * no undefined, no BigInt) that the procedures contract stores in the world
 * state. It stays on the definition version it was opened with. `awaiting`
 * and `overdue` are kept up to date for the state's indexes (queries by
 * assignee role and overdue cases).
 */
export interface CaseDocument {
  readonly v: 1;
  readonly id: string;
  readonly procedure: { readonly id: string; readonly version: number };
  readonly subject: { readonly type: string; readonly id: string };
  /** The organization that opened the case; `$case` in the definition means it. */
  readonly org: string;
  readonly state: string;
  readonly closed: boolean;
  readonly openedAt: number;
  readonly updatedAt: number;
  /** `role@org` that can act now (steps out of the state, escalations), sorted. */
  readonly awaiting: readonly string[];
  readonly overdue: boolean;
  /** The form of the action that completed each step, by step id. */
  readonly data: Readonly<Record<string, JsonObject>>;
  readonly evidence: readonly EvidenceRecord[];
  /** Approvals collected so far, by step id; cleared when the state changes. */
  readonly pending: Readonly<Record<string, readonly ApprovalRecord[]>>;
  readonly deadlines: readonly CaseDeadline[];
  readonly history: readonly HistoryEntry[];
}

/** A case being changed inside the engine: a private clone, never the caller's object. */
export interface MutableCase {
  v: 1;
  id: string;
  procedure: { readonly id: string; readonly version: number };
  subject: { readonly type: string; readonly id: string };
  org: string;
  state: string;
  closed: boolean;
  openedAt: number;
  updatedAt: number;
  awaiting: string[];
  overdue: boolean;
  data: Record<string, JsonObject>;
  evidence: EvidenceRecord[];
  pending: Record<string, ApprovalRecord[]>;
  deadlines: CaseDeadline[];
  history: HistoryEntry[];
}
