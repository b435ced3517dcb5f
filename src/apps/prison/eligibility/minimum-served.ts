import type { MinimumServed, Reason } from './assessment.ts';
import { cite, reason } from './cite.ts';
import type { EligibilityInput } from './eligibility-input.ts';
import type { EligibilityRules } from './eligibility-rules.ts';
import { addMonths, latestDate, type IsoDate } from './iso-date.ts';
import type { FixedTermSpan, SentenceState } from './sentence-state.ts';
import { dateFractionServed } from './term-fraction.ts';

/** Months the term can still lose so that it does not end before `floor`. */
export function maxCutAbove(term: FixedTermSpan, floor: IsoDate): number {
  let cut = 0;
  while (cut < term.months && addMonths(term.start, term.months - cut - 1) >= floor) cut += 1;
  return cut;
}

/** The first day on which half the original fixed term has been served (Criminal Law arts. 78 ¶2(1), 81 ¶1). */
export function halfServedDate(term: FixedTermSpan, rules: EligibilityRules): IsoDate {
  const { halfTermMethod, daysPerMonth } = rules.conventions;
  return dateFractionServed(term.start, term.months, rules.criminalLaw.fixedTermServedFraction, halfTermMethod, daysPerMonth);
}

function floorOf(input: EligibilityInput, state: SentenceState, rules: EligibilityRules): { date: IsoDate | null; reasons: Reason[] } {
  const { sentence } = input;
  const law = rules.criminalLaw;
  switch (sentence.kind) {
    case 'fixed-term': {
      if (state.originalTerm === null) return { date: null, reasons: [] };
      const date = halfServedDate(state.originalTerm, rules);
      const { numerator, denominator } = law.fixedTermServedFraction;
      return {
        date,
        reasons: [
          reason(
            cite.criminalLaw('78 ¶2(1)'),
            `at least ${numerator}/${denominator} of the original ${sentence.termMonths} months, counted from ${state.originalTerm.start}: served on ${date} (${rules.conventions.halfTermMethod})`,
          ),
        ],
      };
    }
    case 'life': {
      const date = addMonths(sentence.judgmentEffectiveDate, law.lifeServedMonths);
      return {
        date,
        reasons: [
          reason(
            cite.criminalLaw('78 ¶2(2)'),
            `life: at least ${law.lifeServedMonths} months from the judgment taking effect on ${sentence.judgmentEffectiveDate} (counted as in SPC 2016 art. 23 ¶2): ${date}`,
          ),
        ],
      };
    }
    case 'death-reprieve': {
      if (state.reprieveEnd === null) return { date: null, reasons: [] };
      const served = addMonths(state.reprieveEnd, rules.spc2016.reprieveServedMonths);
      const reasons = [
        reason(cite.spc2016('12 ¶1'), `at least ${rules.spc2016.reprieveServedMonths} months after the reprieve ended on ${state.reprieveEnd}: ${served}`),
      ];
      if (!sentence.restricted) return { date: served, reasons };
      const toTerm = state.rulings.some((ruling) => ruling.kind === 'reprieve-to-fixed-term');
      const months = toTerm ? law.restrictedToTermServedMonths : law.restrictedToLifeServedMonths;
      const from = rules.conventions.restrictedServedFrom === 'reprieve-end' ? state.reprieveEnd : sentence.judgmentEffectiveDate;
      const restricted = addMonths(from, months);
      reasons.push(
        reason(
          cite.criminalLaw('78 ¶2(3)'),
          `restricted, reduced to ${toTerm ? '25 years' : 'life'}: at least ${months} months from ${from} (${cite.convention('restrictedServedFrom')}): ${restricted}`,
        ),
      );
      return { date: latestDate(served, restricted), reasons };
    }
    case 'suspended':
      return { date: null, reasons: [] };
  }
}

/** The minimum actually served, after all commutations. */
export function minimumServedOf(input: EligibilityInput, state: SentenceState, rules: EligibilityRules): MinimumServed {
  const floor = floorOf(input, state, rules);
  if (floor.date === null || state.term === null) {
    return { releaseNotBefore: floor.date, maxFurtherReductionMonths: null, reasons: floor.reasons };
  }
  const cut = maxCutAbove(state.term, floor.date);
  return {
    releaseNotBefore: floor.date,
    maxFurtherReductionMonths: cut,
    reasons: [
      ...floor.reasons,
      reason(floor.reasons[0]?.article ?? cite.criminalLaw('78 ¶2'), `current term of ${state.term.months} months from ${state.term.start} can lose at most ${cut} more months`),
    ],
  };
}
