import type { CustosError } from '../errors/custos-error.ts';
import type { Actor } from './actor-pattern.ts';
import type { CaseDocument, JsonObject } from './case-document.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * What the contract hands the engine besides the definition, the case and the
 * action. Everything that varies comes from here — the engine reads no clock,
 * no store and no randomness.
 */
export interface CaseContext {
  /** The member signing the transaction, with the roles identity gave them. */
  readonly actor: Actor;
  /** Block time, ms since the epoch (UTC). Deadline dates are taken in China Standard Time. */
  readonly blockTime: number;
  /** The working-day calendar registered on the ledger. */
  readonly calendar: WorkingDayCalendar;
  /** The subject's documents as read from the state, for guards (`subject.*`). */
  readonly subject?: JsonObject;
  /** Whether the notary has anchored a document hash; every hash is accepted when absent. */
  readonly isAnchored?: (hash: string) => boolean;
}

/** The part of the context deadlines need: no actor, the engine acts. */
export type DeadlineContext = Pick<CaseContext, 'blockTime' | 'calendar' | 'subject'>;

/** What a deadline did when it expired. */
export interface DeadlineEvent {
  readonly deadline: string;
  readonly outcome: 'step' | 'overdue';
  readonly step?: string;
  readonly from?: string;
  readonly to?: string;
  readonly escalatedTo?: string;
  /** Why an automatic step was not taken (guard false or failing). */
  readonly reason?: string;
}

/**
 * The engine's answer: the new case (and what deadlines did on the way), or a
 * coded rejection — in which case nothing is to be written.
 */
export type CaseResult =
  | { readonly ok: true; readonly case: CaseDocument; readonly events: readonly DeadlineEvent[] }
  | { readonly ok: false; readonly error: CustosError };
