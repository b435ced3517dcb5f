import type { CommutationAssessment, DateFinding, Reason, Reduction, Relaxation } from './assessment.ts';
import { assessSuspendedInContext } from './assess-suspended.ts';
import { cite, reason } from './cite.ts';
import { ruleVersionOf } from './cn-spc-rules.ts';
import { commutationBlocksOf, isBlocking } from './commutation-blocks.ts';
import { applyBlocks, firstStageOf, ordinaryDateOf, startOf } from './commutation-dates.ts';
import { commutationRegimeOf, type CommutationRegime } from './commutation-regime.ts';
import type { EligibilityContext } from './eligibility-context.ts';
import type { GroundsKey } from './eligibility-rules.ts';
import { addMonths, latestDate, type IsoDate } from './iso-date.ts';
import { politicalRightsOf } from './political-rights.ts';
import { relaxationGroundsOf } from './relaxation-grounds.ts';
import { lastDayOf } from './sentence-state.ts';
import { extendByFraction, shortenByFraction } from './term-fraction.ts';

const groundsKeys: readonly GroundsKey[] = ['repentanceOrMerit', 'repentanceAndMerit', 'majorMerit', 'repentanceAndMajorMerit'];

function reductionOf(regime: CommutationRegime, key: GroundsKey): Reduction {
  if (regime.amounts.kind === 'by') return { kind: 'by', months: regime.amounts.table[key] };
  const band = regime.amounts.table[key];
  return { kind: 'to', minMonths: band.minMonths, maxMonths: band.maxMonths };
}

/** Commutation (减刑): Criminal Law arts. 78–80, SPC 2016 arts. 6–21, SPC 2019 arts. 1–5, SPC 2024 arts. 4, 6. */
export function assessCommutationInContext(context: EligibilityContext, paroleAvailable: boolean): CommutationAssessment {
  const { input, rules, state, grounds, minimumServed, profile } = context;
  const stage = state.stage;
  const lifeAnchor = state.reprieveEnd;
  const blocks = commutationBlocksOf({
    input,
    profile,
    rules,
    majorMerit: grounds.merit === 'major-merit',
    lifeAnchor,
    maxFurtherReductionMonths: minimumServed.maxFurtherReductionMonths,
  });
  if (stage === 'suspended') return assessSuspendedInContext(context, blocks);
  if (stage === 'reprieve' && state.reprieveEnd !== null) {
    blocks.unshift({
      code: 'REPRIEVE_RUNNING',
      until: state.reprieveEnd,
      waived: false,
      reasons: [reason(cite.criminalLaw('50 ¶1'), `the reprieve runs until ${state.reprieveEnd}; major merit during it means 25 years at its end`)],
    });
  }

  const regime = commutationRegimeOf(stage, input, profile, rules);
  const firstStage = firstStageOf(stage);
  const firstRegime = commutationRegimeOf(firstStage, input, profile, rules);
  const firstStart = startOf(context, firstStage, firstRegime, true);
  const firstProposal: DateFinding =
    firstStart === null
      ? { date: null, reasons: [] }
      : { date: addMonths(firstStart.from, firstStart.months), reasons: firstStart.reasons };

  const ordinary = ordinaryDateOf(context, stage, regime, (months) => months);
  let nextDate: IsoDate = ordinary.date;
  const nextReasons: Reason[] = [...ordinary.reasons];
  if (grounds.majorMeritDate !== null && regime.majorMeritWaiver !== null) {
    // Never before the sentence became life: a major merit during the reprieve is for Criminal Law art. 50.
    nextDate = state.reprieveEnd === null ? grounds.majorMeritDate : latestDate(grounds.majorMeritDate, state.reprieveEnd);
    nextReasons.push(regime.majorMeritWaiver, reason(regime.majorMeritWaiver.article, `major merit on ${grounds.majorMeritDate}`));
  }
  const earliestDate = applyBlocks(nextDate, blocks);
  for (const block of blocks) {
    for (const why of block.reasons) nextReasons.push(block.waived ? reason(why.article, `${why.text} — lifted by major merit`) : why);
  }

  const maxReductionByGrounds = Object.fromEntries(groundsKeys.map((key) => [key, reductionOf(regime, key)])) as Record<GroundsKey, Reduction>;
  const maxFurther = minimumServed.maxFurtherReductionMonths;
  const maxReduction = ((): CommutationAssessment['maxReduction'] => {
    if (grounds.key === null) return { reduction: null, reasons: [reason(cite.criminalLaw('78 ¶1'), 'no repentance or merit since the last ruling')] };
    const table = reductionOf(regime, grounds.key);
    const reasons: Reason[] = [regime.amounts.reason];
    if (table.kind === 'by' && maxFurther !== null && maxFurther < table.months) {
      reasons.push(reason(minimumServed.reasons[0]?.article ?? cite.criminalLaw('78 ¶2'), `limited to ${maxFurther} months by the minimum actually served`));
      return { reduction: { kind: 'by', months: maxFurther }, reasons };
    }
    return { reduction: table, reasons };
  })();

  const relaxationGrounds = relaxationGroundsOf(input, profile, rules, paroleAvailable);
  const relaxation = ((): Relaxation | null => {
    if (relaxationGrounds.third.length === 0) return null;
    const fraction = rules.spc2016.relaxation;
    const shortened = ordinaryDateOf(context, stage, regime, (months) => shortenByFraction(months, fraction));
    // The amount is relaxed only where it is a number of months; "reduce to" bands of life sentences have no stated base.
    const base = grounds.key !== null && regime.amounts.kind === 'by' ? regime.amounts.table[grounds.key] : null;
    const raised = base === null ? null : Math.min(extendByFraction(base, fraction), maxFurther ?? Number.MAX_SAFE_INTEGER);
    return {
      reasons: [...relaxationGrounds.third, reason(relaxationGrounds.third[0]?.article ?? cite.spc2016('20 ¶2'), 'either the amount is raised or the start and interval shortened, by at most a third')],
      maxReductionMonths: raised,
      earliestProposal: applyBlocks(shortened.date, blocks),
      intervalMonths: shortenByFraction(ordinary.interval, fraction),
    };
  })();

  const discretion: Reason[] = [...relaxationGrounds.notes];
  if (regime.majorMeritShortensInterval !== null && grounds.merit === 'major-merit') discretion.push(regime.majorMeritShortensInterval);
  const original = state.originalTerm;
  if (original !== null && addMonths(input.sentence.judgmentEffectiveDate, rules.spc2016.shortRemainderMonths) > original.endExclusive) {
    discretion.push(reason(cite.spc2016('16'), `less than ${rules.spc2016.shortRemainderMonths} months left when the judgment took effect: the start may be shortened; half must still be served`));
  }

  const blocking = blocks.some((block) => isBlocking(block, input.asOf));
  const reductionLeft = maxReduction.reduction !== null && (maxReduction.reduction.kind === 'to' || maxReduction.reduction.months > 0);
  return {
    ruleVersion: ruleVersionOf(rules),
    asOf: input.asOf,
    stage,
    stageReasons: state.reasons,
    regime: regime.citation,
    grounds,
    firstProposal,
    interval: { months: ordinary.interval, reasons: ordinary.intervalReasons },
    earliestProposal: { date: earliestDate, reasons: nextReasons },
    maxReductionByGrounds,
    maxReduction,
    minimumServed,
    currentTerm: state.term === null ? null : { start: state.term.start, months: state.term.months, endsOn: lastDayOf(state.term) },
    blocks,
    relaxation,
    discretion,
    politicalRights: politicalRightsOf(context, stage),
    probation: null,
    eligibleNow: earliestDate !== null && earliestDate <= input.asOf && !blocking && grounds.key !== null && reductionLeft,
  };
}
