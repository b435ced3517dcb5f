import type { Reason, SentenceStage } from './assessment.ts';
import { cite, reason } from './cite.ts';
import type { CrimeProfile } from './crime-profile.ts';
import type { EligibilityInput } from './eligibility-input.ts';
import type { AmountTable, EligibilityRules, FixedTermRegimeNumbers, GroundsKey, ReduceToTable } from './eligibility-rules.ts';

/** The numbers that govern the next reduction at one stage of one sentence, with their articles. */
export interface CommutationRegime {
  readonly citation: string;
  /** Months to be executed before the first reduction; null where reductions follow an earlier ruling. */
  readonly start: { readonly months: number; readonly reason: Reason } | null;
  readonly interval: { readonly months: number; readonly reason: Reason };
  /** SPC 2016 art. 6 ¶3: the interval is at least the previous reduction. */
  readonly intervalAtLeastPreviousReduction: Reason | null;
  readonly amounts:
    | { readonly kind: 'by'; readonly table: AmountTable; readonly reason: Reason }
    | { readonly kind: 'to'; readonly table: ReduceToTable; readonly reason: Reason };
  /** Major merit lifts the start and interval limits. */
  readonly majorMeritWaiver: Reason | null;
  /** Major merit allows a shorter interval, by no stated amount (SPC 2016 art. 14). */
  readonly majorMeritShortensInterval: Reason | null;
}

const groundsKeys: readonly GroundsKey[] = ['repentanceOrMerit', 'repentanceAndMerit', 'majorMerit', 'repentanceAndMajorMerit'];

function capAmounts(table: AmountTable, cap: number): AmountTable {
  const capped = { ...table };
  for (const key of groundsKeys) capped[key] = Math.min(table[key], cap);
  return capped;
}

/** Raise a reduce-to table to a minimum term (SPC 2016 arts. 9, 11: "比照…从严掌握…最低不得少于"). */
function floorReduceTo(table: ReduceToTable, minMonths: number): ReduceToTable {
  const floored = { ...table };
  for (const key of groundsKeys) {
    const band = table[key];
    const min = Math.max(band.minMonths, minMonths);
    floored[key] = { minMonths: min, maxMonths: Math.max(band.maxMonths, min) };
  }
  return floored;
}

/** SPC 2016 arts. 7, 9, 11: the categories handled strictly. */
function isStrictFixedTerm(profile: CrimeProfile): boolean {
  return profile.strictCategories.length > 0 || profile.violentTenYears || profile.twoCrimesTenYears;
}

function isStrictLifeOrReprieve(profile: CrimeProfile): boolean {
  return profile.strictCategories.length > 0 || profile.violent || profile.multipleCrimes;
}

/** The start for a fixed term by band of the original term (SPC 2016 art. 6 ¶1; SPC 2019 art. 2 ¶1). */
function startBand(termMonths: number, numbers: FixedTermRegimeNumbers, rules: EligibilityRules): { months: number; band: string } {
  if (termMonths < rules.spc2016.fiveYearsMonths) return { months: numbers.startBelowFiveYearsMonths, band: 'under 5 years' };
  if (termMonths < rules.spc2016.tenYearsMonths) return { months: numbers.startFiveToTenYearsMonths, band: '5 to under 10 years' };
  return { months: numbers.startTenYearsPlusMonths, band: '10 years or more' };
}

function fixedTermRegime(termMonths: number, profile: CrimeProfile, rules: EligibilityRules): CommutationRegime {
  const { spc2016 } = rules;
  const tenPlus = termMonths >= spc2016.tenYearsMonths;
  if (profile.corruption2019) {
    const numbers: FixedTermRegimeNumbers = rules.spc2019.fixedTerm;
    const band = tenPlus ? '10 years or more' : 'under 10 years';
    const start = startBand(termMonths, numbers, rules);
    return {
      citation: cite.spc2019('2'),
      start: {
        months: start.months,
        reason: reason(cite.spc2019('2 ¶1'), `corruption or bribery, sentence ${start.band}: first reduction after ${start.months} months`),
      },
      interval: {
        months: tenPlus ? numbers.intervalTenYearsPlusMonths : numbers.intervalBelowTenYearsMonths,
        reason: reason(cite.spc2019('2 ¶3'), `corruption or bribery, sentence ${band}: reductions at least ${tenPlus ? numbers.intervalTenYearsPlusMonths : numbers.intervalBelowTenYearsMonths} months apart`),
      },
      intervalAtLeastPreviousReduction: null,
      amounts: { kind: 'by', table: numbers.amounts, reason: reason(cite.spc2019('2 ¶2'), 'corruption or bribery: at most 6, 9 or 12 months by grounds') },
      majorMeritWaiver: reason(cite.spc2019('5'), 'major merit: start and interval limits do not apply'),
      majorMeritShortensInterval: null,
    };
  }
  if (isStrictFixedTerm(profile)) {
    const strict = spc2016.strictFixedTerm;
    // Correction 1 of the notes: "十年以下" (¶1) and "十年以上" (¶2) both include ten (Criminal Law art. 99); ten years takes the stricter ¶2.
    const paragraph = tenPlus ? '¶2' : '¶1';
    const why = [
      ...profile.strictCategories.map((category) => category.text),
      ...(profile.violentTenYears ? ['violent crime punished with 10 years or more'] : []),
      ...(profile.twoCrimesTenYears ? ['two or more crimes each punished with 10 years or more'] : []),
    ].join('; ');
    const interval = tenPlus ? strict.intervalTenYearsPlusMonths : strict.intervalBelowTenYearsMonths;
    return {
      citation: cite.spc2016(`7 ${paragraph}`),
      start: { months: strict.startMonths, reason: reason(cite.spc2016(`7 ${paragraph}`), `strict category (${why}): first reduction after ${strict.startMonths} months`) },
      interval: { months: interval, reason: reason(cite.spc2016(`7 ${paragraph}`), `strict category, sentence ${tenPlus ? '10 years or more' : 'under 10 years'}: reductions at least ${interval} months apart`) },
      intervalAtLeastPreviousReduction: null,
      amounts: {
        kind: 'by',
        table: capAmounts(spc2016.fixedTerm.amounts, strict.maxAmountMonths),
        reason: reason(cite.spc2016(`7 ${paragraph}`), `strict category: art. 6 amounts, at most ${strict.maxAmountMonths} months a time`),
      },
      majorMeritWaiver: reason(cite.spc2016('7 ¶3'), 'major merit: start and interval limits do not apply'),
      majorMeritShortensInterval: null,
    };
  }
  const numbers = spc2016.fixedTerm;
  const start = startBand(termMonths, numbers, rules);
  const interval = tenPlus ? numbers.intervalTenYearsPlusMonths : numbers.intervalBelowTenYearsMonths;
  return {
    citation: cite.spc2016('6'),
    start: { months: start.months, reason: reason(cite.spc2016('6 ¶1'), `sentence ${start.band}: first reduction after ${start.months} months`) },
    interval: { months: interval, reason: reason(cite.spc2016('6 ¶3'), `sentence ${tenPlus ? '10 years or more' : 'under 10 years'}: reductions at least ${interval} months apart`) },
    intervalAtLeastPreviousReduction: reason(cite.spc2016('6 ¶3'), 'the interval is never shorter than the previous reduction'),
    amounts: { kind: 'by', table: numbers.amounts, reason: reason(cite.spc2016('6 ¶2'), 'at most 9, 12, 18 or 24 months by grounds') },
    majorMeritWaiver: reason(cite.spc2016('6 ¶4'), 'major merit: start and interval limits do not apply'),
    majorMeritShortensInterval: null,
  };
}

function lifeRegime(stage: 'life' | 'life-converted', profile: CrimeProfile, rules: EligibilityRules): CommutationRegime {
  const { spc2016, spc2019 } = rules;
  const converted = stage === 'life-converted';
  if (profile.corruption2019) {
    return {
      citation: cite.spc2019('3'),
      start: converted ? null : { months: spc2019.life.startMonths, reason: reason(cite.spc2019('3 ¶1'), `corruption or bribery, life: first reduction after ${spc2019.life.startMonths} months`) },
      interval: { months: spc2019.life.intervalMonths, reason: reason(cite.spc2019('3 ¶3'), `reductions at least ${spc2019.life.intervalMonths} months apart`) },
      intervalAtLeastPreviousReduction: null,
      amounts: converted
        ? { kind: 'by', table: spc2019.fixedTerm.amounts, reason: reason(cite.spc2019('3 ¶3'), 'after reduction to a fixed term: amounts of SPC 2019 art. 2') }
        : { kind: 'to', table: spc2019.life.reduceTo, reason: reason(cite.spc2019('3 ¶2'), 'corruption or bribery: reduced to 23 years, 22–23 or 21–22 by grounds') },
      majorMeritWaiver: reason(cite.spc2019('5'), 'major merit: start and interval limits do not apply'),
      majorMeritShortensInterval: null,
    };
  }
  if (isStrictLifeOrReprieve(profile)) {
    const strict = spc2016.strictLife;
    return {
      citation: cite.spc2016('9'),
      start: converted ? null : { months: strict.startMonths, reason: reason(cite.spc2016('9 ¶1'), `strict category, life: first reduction after ${strict.startMonths} months`) },
      interval: { months: strict.intervalMonths, reason: reason(cite.spc2016('9 ¶1'), `strict category: reductions at least ${strict.intervalMonths} months apart`) },
      intervalAtLeastPreviousReduction: null,
      amounts: converted
        ? { kind: 'by', table: capAmounts(spc2016.fixedTerm.amounts, strict.laterMaxAmountMonths), reason: reason(cite.spc2016('9 ¶1'), `after reduction to a fixed term: art. 6 amounts, at most ${strict.laterMaxAmountMonths} months a time`) }
        : { kind: 'to', table: floorReduceTo(spc2016.life.reduceTo, strict.minTermMonths), reason: reason(cite.spc2016('9 ¶1'), `strict category: art. 8 bands, never below ${strict.minTermMonths} months`) },
      majorMeritWaiver: reason(cite.spc2016('9 ¶2'), 'major merit: start and interval limits do not apply'),
      majorMeritShortensInterval: null,
    };
  }
  const life = spc2016.life;
  return {
    citation: cite.spc2016('8'),
    start: converted ? null : { months: life.startMonths, reason: reason(cite.spc2016('8 ¶1'), `life: first reduction after ${life.startMonths} months`) },
    interval: { months: life.intervalMonths, reason: reason(cite.spc2016('8 ¶1'), `reductions at least ${life.intervalMonths} months apart`) },
    intervalAtLeastPreviousReduction: null,
    amounts: converted
      ? { kind: 'by', table: spc2016.fixedTerm.amounts, reason: reason(cite.spc2016('8 ¶1'), 'after reduction to a fixed term: amounts of art. 6') }
      : { kind: 'to', table: life.reduceTo, reason: reason(cite.spc2016('8 ¶1'), 'reduced to 22 years, 21–22, 20–21 or 19–20 by grounds') },
    majorMeritWaiver: reason(cite.spc2016('8 ¶2'), 'major merit: start and interval limits do not apply'),
    majorMeritShortensInterval: null,
  };
}

function reprieveRegime(stage: 'reprieve-life' | 'reprieve-converted', input: EligibilityInput, profile: CrimeProfile, rules: EligibilityRules): CommutationRegime {
  const { spc2016, spc2019 } = rules;
  const converted = stage === 'reprieve-converted';
  const restricted = input.sentence.kind === 'death-reprieve' && input.sentence.restricted;
  const strictTable = (): ReduceToTable => {
    const table = floorReduceTo(spc2016.reprieve.reduceTo, spc2016.strictReprieve.minTermMonths);
    // Art. 11: "一般减为二十五年": without merit the usual term is 25 years.
    return { ...table, repentanceOrMerit: { minMonths: spc2016.strictReprieve.usualTermMonths, maxMonths: spc2016.strictReprieve.usualTermMonths } };
  };
  if (restricted) {
    const r = spc2016.restrictedReprieve;
    return {
      citation: converted ? cite.spc2016('14') : cite.spc2016('13'),
      start: converted ? null : { months: r.startMonths, reason: reason(cite.spc2016('13'), `restricted (限制减刑): first reduction after ${r.startMonths} months as life`) },
      interval: converted
        ? { months: r.intervalMonths, reason: reason(cite.spc2016('14'), `restricted: reductions at least ${r.intervalMonths} months apart`) }
        : { months: r.intervalMonths, reason: reason(cite.spc2016('13'), `restricted: intervals as art. 11, ${spc2016.strictReprieve.intervalMonths} months`) },
      intervalAtLeastPreviousReduction: null,
      amounts: converted
        ? {
            kind: 'by',
            table: { repentanceOrMerit: r.laterMaxAmountMonths, repentanceAndMerit: r.laterMaxAmountMonths, majorMerit: r.laterMajorMeritMaxAmountMonths, repentanceAndMajorMerit: r.laterMajorMeritMaxAmountMonths },
            reason: reason(cite.spc2016('14'), `restricted: at most ${r.laterMaxAmountMonths} months a time, ${r.laterMajorMeritMaxAmountMonths} with major merit`),
          }
        : { kind: 'to', table: strictTable(), reason: reason(cite.spc2016('13'), 'restricted: amounts as art. 11, usually 25 years, 23–25 with merit') },
      majorMeritWaiver: null,
      majorMeritShortensInterval: converted ? reason(cite.spc2016('14'), 'major merit: the interval may be shortened') : null,
    };
  }
  if (profile.corruption2019) {
    return {
      citation: cite.spc2019('4'),
      start: converted ? null : { months: spc2019.reprieve.startMonths, reason: reason(cite.spc2019('4 ¶1'), `corruption or bribery, death with reprieve: first reduction after ${spc2019.reprieve.startMonths} months as life`) },
      interval: { months: spc2019.reprieve.intervalMonths, reason: reason(cite.spc2019('4 ¶3'), `reductions at least ${spc2019.reprieve.intervalMonths} months apart`) },
      intervalAtLeastPreviousReduction: null,
      amounts: converted
        ? { kind: 'by', table: spc2019.fixedTerm.amounts, reason: reason(cite.spc2019('4 ¶3'), 'after reduction to a fixed term: amounts of SPC 2019 art. 2') }
        : { kind: 'to', table: spc2019.reprieve.reduceTo, reason: reason(cite.spc2019('4 ¶2'), 'corruption or bribery: reduced to 25 years, 24.5–25 or 24–24.5 by grounds') },
      majorMeritWaiver: reason(cite.spc2019('5'), 'major merit: start and interval limits do not apply'),
      majorMeritShortensInterval: null,
    };
  }
  if (isStrictLifeOrReprieve(profile)) {
    const strict = spc2016.strictReprieve;
    return {
      citation: cite.spc2016('11'),
      start: converted ? null : { months: strict.startMonths, reason: reason(cite.spc2016('11'), `strict category, death with reprieve: first reduction after ${strict.startMonths} months as life`) },
      interval: { months: strict.intervalMonths, reason: reason(cite.spc2016('11'), `strict category: reductions at least ${strict.intervalMonths} months apart`) },
      intervalAtLeastPreviousReduction: null,
      amounts: converted
        ? { kind: 'by', table: capAmounts(spc2016.fixedTerm.amounts, strict.laterMaxAmountMonths), reason: reason(cite.spc2016('11'), `after reduction to a fixed term: at most ${strict.laterMaxAmountMonths} months a time`) }
        : { kind: 'to', table: strictTable(), reason: reason(cite.spc2016('11'), 'strict category: usually 25 years, 23–25 with merit') },
      majorMeritWaiver: null,
      majorMeritShortensInterval: null,
    };
  }
  const r = spc2016.reprieve;
  return {
    citation: converted ? cite.spc2016('10 ¶2') : cite.spc2016('10 ¶1'),
    start: converted ? null : { months: r.startMonths, reason: reason(cite.spc2016('10 ¶1'), `death with reprieve: first reduction after ${r.startMonths} months as life`) },
    interval: { months: spc2016.life.intervalMonths, reason: reason(cite.spc2016('10 ¶2'), `as art. 8: reductions at least ${spc2016.life.intervalMonths} months apart`) },
    intervalAtLeastPreviousReduction: null,
    amounts: converted
      ? { kind: 'by', table: spc2016.fixedTerm.amounts, reason: reason(cite.spc2016('10 ¶2'), 'after reduction to a fixed term: as art. 8, amounts of art. 6') }
      : { kind: 'to', table: r.reduceTo, reason: reason(cite.spc2016('10 ¶1'), 'reduced to 25 years, 24–25, 23–24 or 22–23 by grounds') },
    // Art. 10 has no waiver of its own; after reduction to a fixed term art. 8 ¶2 applies through art. 10 ¶2.
    majorMeritWaiver: converted ? reason(cite.spc2016('8 ¶2'), 'major merit: start and interval limits do not apply (through art. 10 ¶2)') : null,
    majorMeritShortensInterval: null,
  };
}

/** The regime for the next reduction. Suspended sentences have none (SPC 2016 art. 18). */
export function commutationRegimeOf(
  stage: Exclude<SentenceStage, 'suspended'>,
  input: EligibilityInput,
  profile: CrimeProfile,
  rules: EligibilityRules,
): CommutationRegime {
  switch (stage) {
    case 'fixed-term':
      return fixedTermRegime(input.sentence.kind === 'fixed-term' ? input.sentence.termMonths : 0, profile, rules);
    case 'life':
    case 'life-converted':
      return lifeRegime(stage, profile, rules);
    case 'reprieve':
    case 'reprieve-life':
      return reprieveRegime('reprieve-life', input, profile, rules);
    case 'reprieve-converted':
      return reprieveRegime(stage, input, profile, rules);
  }
}
