import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { Commutation, Health, Merit, NewCrime, PropertyJudgment, Sentence } from '../eligibility/eligibility-input.ts';
import type { IsoDate } from '../prison-dates.ts';
import type { ScorePart } from '../points/points-rules.ts';

export type PartScores = Record<ScorePart, number>;

/** Balance since admission; the open cycle's number, the balance it started from, and whether it saw a punishment. */
export interface PrisonerPoints extends JsonObject {
  balance: number;
  cycleNo: number;
  cycleStart: number;
  punished: boolean;
}

/** A prison (a unit of PrisonBureau in genesis) and its 监区/分监区. */
export interface PrisonDoc extends JsonObject {
  id: string;
  name: string;
  units: { id: string; name: string; parent: string | null; normalDaily: { min: number; max: number } }[];
  /** Entries dated before this day are migrated history: exempt from the late-entry alert. */
  goLiveDate: IsoDate;
  registeredBy: string;
  height: number;
}

export type PrisonerStatus = 'in-custody' | 'released';

/**
 * The one current row of a prisoner. Everything the rules need is here as
 * facts and flags; names, ID numbers, addresses and health details are not —
 * only `personalDataHash`, a salted hash of the node-local record.
 */
export interface PrisonerDoc extends JsonObject {
  id: string;
  prison: string;
  unit: string;
  status: PrisonerStatus;
  admittedOn: IsoDate;
  releasedOn: IsoDate | null;
  personalDataHash: string;
  /** Needed by the age rules (minors, 65+, 80+; SPC 2016 arts. 19-20, 31). */
  birthDate: IsoDate;
  recidivist: boolean;
  /** Assessed without the labour part (cannot work). */
  canWork: boolean;
  /** Certified flags only (SPC 2016 art. 39), never a diagnosis. */
  health: Health;
  noRiskOfReoffending: boolean | null;
  sentence: Sentence;
  commutations: Commutation[];
  newCrimes: NewCrime[];
  property: PropertyJudgment;
  merits: Merit[];
  commendations: IsoDate[];
  refusesRestitution: boolean;
  refusesToAdmitGuilt: boolean;
  level: string;
  /** Kept in its own document (`prison.points`, see prisoner-store.ts); readers see it here. */
  points: PrisonerPoints;
  /** Last day of the current fixed term, or null (life, death with reprieve). */
  expectedRelease: IsoDate | null;
  nextEligibility: { commutation: IsoDate | null; parole: IsoDate | null; asOf: IsoDate; ruleVersion: string };
  version: number;
}

export interface ScoreEntryDoc extends JsonObject {
  id: string;
  kind: 'daily' | 'correction' | 'base' | 'bonus' | 'deduction';
  prisonerId: string;
  prison: string;
  unit: string;
  date: IsoDate;
  /** Points added to each part by this entry (negative for minus). */
  parts: PartScores;
  total: number;
  reason: string;
  /** The entry a correction corrects. */
  corrects: string | null;
  officer: string;
  signer: string;
  txId: string;
  recordedOn: IsoDate;
  height: number;
  migrated: boolean;
  rules: string;
}

export interface ScoreDayDoc extends JsonObject {
  prisonerId: string;
  date: IsoDate;
  entryId: string;
  /** The day's values after all corrections. */
  effective: PartScores;
  corrections: string[];
}

export interface ScoreMonthDoc extends JsonObject {
  prisonerId: string;
  month: string;
  /** Sum of positive daily values per part (after corrections), for the plus cap. */
  plus: PartScores;
  confinementDays: number;
  closed: boolean;
  punished: boolean;
}

export interface CycleDoc extends JsonObject {
  prisonerId: string;
  prison: string;
  n: number;
  status: 'full' | 'proposed' | 'graded';
  filledOn: IsoDate;
  /** A warning, demerit or confinement was recorded during the cycle. */
  punished: boolean;
  proposed: { grade: string; by: string; minutesHash: string | null; on: IsoDate } | null;
  grade: string | null;
  gradedBy: string | null;
  gradedOn: IsoDate | null;
  rules: string;
}
