import type { IsoDate } from './iso-date.ts';

/**
 * The grounds a commutation is proposed on (Criminal Law art. 78 ¶1; SPC 2016
 * arts. 3–6): 确有悔改表现 (repentance, evidenced by commendations 表扬),
 * 立功 (merit) and 重大立功 (major merit). Each table of the provisions has one
 * row per key.
 */
export type GroundsKey = 'repentanceOrMerit' | 'repentanceAndMerit' | 'majorMerit' | 'repentanceAndMajorMerit';

/** Maximum reduction in months per grounds (fixed terms: SPC 2016 art. 6 ¶2 and its variants). */
export type AmountTable = Readonly<Record<GroundsKey, number>>;

/** A "reduce to between min and max months" band (life and death-with-reprieve: SPC 2016 arts. 8, 10). */
export interface TermBand {
  readonly minMonths: number;
  readonly maxMonths: number;
}

export type ReduceToTable = Readonly<Record<GroundsKey, TermBand>>;

/** A fraction of a term; the numbers are kept as integers. */
export interface Fraction {
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * How "served half the original term" is turned into a date.
 * - `term-days`: the term is laid on the calendar from its start (month
 *   arithmetic), its length in days is counted, and the fraction of those days,
 *   rounded up to a whole day, must have been served.
 * - `months-and-days`: the fraction is taken of the months; a remainder is
 *   turned into days at `daysPerMonth` (so half of 7 months is 3 months 15 days).
 */
export type FractionMethod = 'term-days' | 'months-and-days';

/** Fixed-term regimes for sentences given as a fixed term (SPC 2016 arts. 6–7, SPC 2019 art. 2). */
export interface FixedTermRegimeNumbers {
  /** Start: months executed before the first reduction, by band of the original term. */
  readonly startBelowFiveYearsMonths: number;
  readonly startFiveToTenYearsMonths: number;
  readonly startTenYearsPlusMonths: number;
  readonly amounts: AmountTable;
  readonly intervalBelowTenYearsMonths: number;
  readonly intervalTenYearsPlusMonths: number;
}

/**
 * Commutation and parole rules as versioned data. Every assessment records
 * `${id}@${version}`; a change of any number is a new version, never an edit.
 * All durations are whole months unless the name says otherwise.
 */
export interface EligibilityRules {
  readonly id: string;
  readonly version: number;
  /** Dates the texts came into force; an assessment as of an earlier date does not apply them. */
  readonly inForce: {
    /** SPC 2016 art. 42. Assessments as of an earlier date are refused. */
    readonly spc2016: IsoDate;
    /** SPC 2019 art. 7. */
    readonly spc2019: IsoDate;
    /** SPC 2024 art. 15. */
    readonly spc2024: IsoDate;
    /** Criminal Law Amendment IX; SPC 2019 covers corruption and bribery sentences imposed after it. */
    readonly criminalLawAmendmentNine: IsoDate;
  };
  readonly criminalLaw: {
    /** Arts. 78 ¶2(1), 81 ¶1: a fixed term must be served at least this fraction. */
    readonly fixedTermServedFraction: Fraction;
    /** Arts. 78 ¶2(2), 81 ¶1: 13 years for life. */
    readonly lifeServedMonths: number;
    /** Art. 78 ¶2(3): restricted death with reprieve reduced to life: 25 years. */
    readonly restrictedToLifeServedMonths: number;
    /** Art. 78 ¶2(3): restricted death with reprieve reduced to 25 years: 20 years. */
    readonly restrictedToTermServedMonths: number;
    /** Art. 48 ¶1: the reprieve lasts two years. */
    readonly reprieveMonths: number;
    /** Art. 50 ¶1: major merit during the reprieve: 25 years at its end. */
    readonly reprieveMajorMeritTermMonths: number;
    /** Art. 81 ¶2: violent crimes bar parole from ten years (art. 99: "以上" includes the number). */
    readonly violentThresholdMonths: number;
    /** Art. 83: parole probation for life is ten years. */
    readonly lifeParoleProbationMonths: number;
  };
  readonly spc2016: {
    /** Art. 6. */
    readonly fixedTerm: FixedTermRegimeNumbers;
    /** Art. 6 ¶1: the band limits (five and ten years). */
    readonly fiveYearsMonths: number;
    readonly tenYearsMonths: number;
    /** Art. 7: strict categories, fixed term. */
    readonly strictFixedTerm: {
      readonly startMonths: number;
      readonly maxAmountMonths: number;
      readonly intervalBelowTenYearsMonths: number;
      readonly intervalTenYearsPlusMonths: number;
    };
    /** Art. 8: life. `intervalMonths` also governs the term a life sentence was reduced to. */
    readonly life: { readonly startMonths: number; readonly reduceTo: ReduceToTable; readonly intervalMonths: number };
    /** Art. 9: life, strict categories. */
    readonly strictLife: {
      readonly startMonths: number;
      readonly minTermMonths: number;
      readonly laterMaxAmountMonths: number;
      readonly intervalMonths: number;
    };
    /** Art. 10: death with reprieve once reduced to life. Later reductions follow art. 8. */
    readonly reprieve: { readonly startMonths: number; readonly reduceTo: ReduceToTable };
    /** Art. 11: death with reprieve, strict categories. */
    readonly strictReprieve: {
      readonly startMonths: number;
      readonly usualTermMonths: number;
      readonly minTermMonths: number;
      readonly laterMaxAmountMonths: number;
      readonly intervalMonths: number;
    };
    /** Art. 12 ¶1: at least 15 years actually served, the reprieve not counted. */
    readonly reprieveServedMonths: number;
    /** Arts. 13–14: restricted death with reprieve (限制减刑). */
    readonly restrictedReprieve: {
      readonly startMonths: number;
      readonly laterMaxAmountMonths: number;
      readonly laterMajorMeritMaxAmountMonths: number;
      readonly intervalMonths: number;
    };
    /** Art. 16: less than two years left when the judgment took effect. */
    readonly shortRemainderMonths: number;
    /** Art. 17: deprivation of political rights. */
    readonly politicalRights: {
      readonly fixedTermMinMonths: number;
      readonly convertedMinMonths: number;
      readonly convertedMaxMonths: number;
      readonly finalMinMonths: number;
    };
    /** Art. 18: suspended sentences of criminal detention or up to three years. */
    readonly suspended: {
      readonly maxFixedTermMonths: number;
      readonly detentionProbationMinMonths: number;
      readonly fixedTermProbationMinMonths: number;
    };
    /** Arts. 19–20, 31: relaxation of amounts or times by at most this fraction. */
    readonly relaxation: Fraction;
    /** Arts. 19, 26(3): minors. */
    readonly minorAgeYears: number;
    /** Art. 21: no reduction for this long after a new intentional crime. */
    readonly newCrime: {
      readonly fixedTermBlockMonths: number;
      readonly lifeBlockMonths: number;
      readonly reprieveBlockMonths: number;
    };
    /** Art. 23 ¶3: parole after 15 years counted from the end of the reprieve. */
    readonly reprieveParoleServedMonths: number;
    /** Art. 28: commutation followed by parole. */
    readonly paroleAfterCommutation: {
      readonly intervalMonths: number;
      readonly largeReductionMonths: number;
      readonly intervalAfterLargeReductionMonths: number;
      readonly shortRemainderMonths: number;
    };
    /** Art. 31: parole preferred from 80. */
    readonly preferredParoleAgeYears: number;
    /** Art. 37 ¶2: life again after an omitted crime of at most 3 years: reducible after 1 year. */
    readonly omittedCrime: { readonly maxOmittedTermMonths: number; readonly startMonths: number };
    /** Art. 39 ¶1: "老年罪犯" means 65 or over when the proposal is filed. */
    readonly elderlyAgeYears: number;
  };
  /** SPC 2019 supplement: corruption and bribery by former state functionaries. */
  readonly spc2019: {
    /** Art. 2. */
    readonly fixedTerm: FixedTermRegimeNumbers;
    /** Art. 3. */
    readonly life: { readonly startMonths: number; readonly reduceTo: ReduceToTable; readonly intervalMonths: number };
    /** Art. 4. */
    readonly reprieve: { readonly startMonths: number; readonly reduceTo: ReduceToTable; readonly intervalMonths: number };
  };
  /** SPC 2024 property-judgment rules. */
  readonly spc2024: {
    /** Art. 6 ¶3: six months after the refusal ends or the judgment is performed. */
    readonly waitAfterRefusalMonths: number;
  };
  /**
   * Readings the texts leave open. Each is documented where it is used and is
   * a parameter so that a court's practice can be configured without a code
   * change.
   */
  readonly conventions: {
    readonly halfTermMethod: FractionMethod;
    /** Used by `months-and-days` only. */
    readonly daysPerMonth: number;
    /**
     * Commendations (表扬) since the last ruling that evidence 确有悔改表现.
     * Set by provincial practice, not by the national texts.
     */
    readonly commendationsForRepentance: number;
    /**
     * Art. 19 "在报请减刑前的服刑期间不满十八周岁": `service-start` reads it as
     * under 18 when delivered to prison; `proposal` as still under 18 on the
     * date of the proposal (the as-of date).
     */
    readonly minorAgeAt: 'service-start' | 'proposal';
    /**
     * Where the 25/20 years of Criminal Law art. 78 ¶2(3) are counted from for
     * restricted death with reprieve: `reprieve-end` (the reprieve not counted,
     * as art. 12 does for the 15 years) or `judgment` (reprieve included).
     */
    readonly restrictedServedFrom: 'reprieve-end' | 'judgment';
    /**
     * Art. 28: whether a ruling that turned life into a fixed term counts as
     * "一次减去一年以上" (it always takes away more than a year in substance).
     */
    readonly conversionIsLargeReduction: boolean;
    /**
     * SPC 2016 arts. 10–11, 13 "减为无期徒刑后…执行三年以上": counted from the end
     * of the reprieve (`reprieve-end`, when Criminal Law art. 50 turns the
     * sentence into life) or from the ruling that did so (`life-ruling`).
     */
    readonly reprieveStartFrom: 'reprieve-end' | 'life-ruling';
  };
}
