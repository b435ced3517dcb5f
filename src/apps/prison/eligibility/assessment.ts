import type { GroundsKey } from './eligibility-rules.ts';
import type { IsoDate } from './iso-date.ts';

/** One rule applied: the article (e.g. `SPC 2016 art. 6 ¶1`) and what it did here. */
export interface Reason {
  readonly article: string;
  readonly text: string;
}

/** A date and why. `date: null` means "never, on the facts given". */
export interface DateFinding {
  readonly date: IsoDate | null;
  readonly reasons: readonly Reason[];
}

/** A number of months and why. `months: null` means "not applicable". */
export interface MonthsFinding {
  readonly months: number | null;
  readonly reasons: readonly Reason[];
}

/** By how much one ruling may reduce: by N months (fixed terms) or to a term in a band (life, death with reprieve). */
export type Reduction =
  | { readonly kind: 'by'; readonly months: number }
  | { readonly kind: 'to'; readonly minMonths: number; readonly maxMonths: number };

/** Where the sentence stands on the as-of date. */
export type SentenceStage =
  | 'fixed-term'
  | 'life'
  | 'life-converted'
  | 'reprieve'
  | 'reprieve-life'
  | 'reprieve-converted'
  | 'suspended';

export type MeritLevel = 'none' | 'merit' | 'major-merit';

export interface Grounds {
  /** The row of the amount tables; null when there is no ground for a reduction. */
  readonly key: GroundsKey | null;
  readonly repentance: boolean;
  readonly merit: MeritLevel;
  /** The first major merit in the window: with a waiver, the earliest day a proposal can rest on it. */
  readonly majorMeritDate: IsoDate | null;
  readonly reasons: readonly Reason[];
}

/**
 * A legal bar to a commutation. `until: null` — no end date; `waived` — lifted
 * here by major merit.
 */
export interface Block {
  readonly code: string;
  readonly until: IsoDate | null;
  readonly waived: boolean;
  readonly reasons: readonly Reason[];
}

/** The ⅓ relaxation of SPC 2016 arts. 19–20 and 31: amount raised *or* times shortened. */
export interface Relaxation {
  readonly reasons: readonly Reason[];
  /** The raised cap on this reduction, when the amount is a number of months. */
  readonly maxReductionMonths: number | null;
  /** The earliest proposal with start or interval shortened. */
  readonly earliestProposal: IsoDate | null;
  readonly intervalMonths: number | null;
}

/** The current fixed term: counted from `start`, last day `endsOn` (as judgments write "至…止"). */
export interface CurrentTerm {
  readonly start: IsoDate;
  readonly months: number;
  readonly endsOn: IsoDate;
}

export interface MinimumServed {
  /** The term may not be cut to end before this day (Criminal Law art. 78 ¶2; SPC 2016 art. 12). */
  readonly releaseNotBefore: IsoDate | null;
  /** Months the current fixed term can still lose in total; null before it is a fixed term. */
  readonly maxFurtherReductionMonths: number | null;
  readonly reasons: readonly Reason[];
}

export interface LimitFinding {
  readonly minMonths: number;
  readonly maxMonths: number | null;
  readonly reasons: readonly Reason[];
}

export interface CommutationAssessment {
  readonly ruleVersion: string;
  readonly asOf: IsoDate;
  readonly stage: SentenceStage;
  /** How the stage and the current term follow from the sentence and its rulings. */
  readonly stageReasons: readonly Reason[];
  /** The article whose numbers govern the next reduction. */
  readonly regime: string;
  readonly grounds: Grounds;
  /** When the first reduction of this sentence may be proposed under the ordinary start rule. */
  readonly firstProposal: DateFinding;
  /** The minimum interval between two reductions at this stage. */
  readonly interval: MonthsFinding;
  /** The next date a proposal may be filed, after history, blocks and major-merit waivers. */
  readonly earliestProposal: DateFinding;
  /** The cap for each kind of grounds, as the table gives it. */
  readonly maxReductionByGrounds: Readonly<Record<GroundsKey, Reduction>>;
  /** The cap for this prisoner's grounds, also limited by the minimum to be served. */
  readonly maxReduction: { readonly reduction: Reduction | null; readonly reasons: readonly Reason[] };
  readonly minimumServed: MinimumServed;
  readonly currentTerm: CurrentTerm | null;
  readonly blocks: readonly Block[];
  readonly relaxation: Relaxation | null;
  /** Times or amounts a court may shorten at its discretion, without a number (arts. 14, 16). */
  readonly discretion: readonly Reason[];
  /** Art. 17; null when no deprivation of political rights was imposed. */
  readonly politicalRights: LimitFinding | null;
  /** Art. 18; suspended sentences only. */
  readonly probation: LimitFinding | null;
  readonly eligibleNow: boolean;
}

/** A bar to parole; `absolute: false` for "一般不得" (generally not). */
export interface Exclusion {
  readonly code: string;
  readonly absolute: boolean;
  readonly reasons: readonly Reason[];
}

export interface ParoleAssessment {
  readonly ruleVersion: string;
  readonly asOf: IsoDate;
  /** The time condition alone (Criminal Law art. 81 ¶1; SPC 2016 art. 23). */
  readonly timeEligible: DateFinding;
  /** The time condition with the waits after a commutation (art. 28) and after property refusal (SPC 2024 art. 6). */
  readonly earliestDate: DateFinding;
  readonly exclusions: readonly Exclusion[];
  /** Grounds for leniency or preference (arts. 26, 31) and for strictness (SPC 2019 art. 6). */
  readonly considerations: readonly Reason[];
  readonly preferred: boolean;
  /** The probation period if paroled on `earliestDate` (Criminal Law art. 83). */
  readonly probation: { readonly endsOn: IsoDate | null; readonly reasons: readonly Reason[] };
  readonly eligibleNow: boolean;
}

export interface EligibilityAssessment {
  readonly ruleVersion: string;
  readonly commutation: CommutationAssessment;
  readonly parole: ParoleAssessment;
}
