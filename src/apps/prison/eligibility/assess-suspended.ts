import type { Block, CommutationAssessment, LimitFinding, Reduction } from './assessment.ts';
import { cite, reason } from './cite.ts';
import { ruleVersionOf } from './cn-spc-rules.ts';
import { isBlocking } from './commutation-blocks.ts';
import { applyBlocks } from './commutation-dates.ts';
import type { EligibilityContext } from './eligibility-context.ts';
import { politicalRightsOf } from './political-rights.ts';

/**
 * SPC 2016 art. 18: a suspended sentence of criminal detention or up to three
 * years is generally not reduced; with major merit it may be, and probation is
 * shortened to no less than 2 months (detention) or 1 year (fixed term).
 */
export function assessSuspendedInContext(context: EligibilityContext, blocks: Block[]): CommutationAssessment {
  const { input, rules, grounds, minimumServed } = context;
  const sentence = input.sentence;
  const limits = rules.spc2016.suspended;
  const detention = sentence.kind === 'suspended' && sentence.underlying === 'criminal-detention';
  const minMonths = detention ? limits.detentionProbationMinMonths : limits.fixedTermProbationMinMonths;
  const probation: LimitFinding = {
    minMonths,
    maxMonths: sentence.kind === 'suspended' ? sentence.probationMonths : null,
    reasons: [reason(cite.spc2016('18 ¶2'), `a reduction shortens probation, to no less than ${minMonths} months for ${detention ? 'criminal detention' : 'a fixed term'}`)],
  };
  const date = applyBlocks(grounds.majorMeritDate, blocks);
  const none: Reduction = { kind: 'by', months: 0 };
  return {
    ruleVersion: ruleVersionOf(rules),
    asOf: input.asOf,
    stage: 'suspended',
    stageReasons: context.state.reasons,
    regime: cite.spc2016('18'),
    grounds,
    firstProposal: { date: null, reasons: [reason(cite.spc2016('18 ¶1'), 'suspended sentences are generally not reduced')] },
    interval: { months: null, reasons: [] },
    earliestProposal: { date, reasons: date === null ? [reason(cite.spc2016('18 ¶1'), 'no major merit')] : [reason(cite.spc2016('18 ¶2'), `major merit on ${date}: may be reduced as Criminal Law art. 78`)] },
    maxReductionByGrounds: { repentanceOrMerit: none, repentanceAndMerit: none, majorMerit: none, repentanceAndMajorMerit: none },
    maxReduction: { reduction: null, reasons: [reason(cite.spc2016('18 ¶2'), 'no amount is set; Criminal Law art. 78 applies by reference')] },
    minimumServed,
    currentTerm: null,
    blocks,
    relaxation: null,
    discretion: [],
    politicalRights: politicalRightsOf(context, 'suspended'),
    probation,
    eligibleNow: date !== null && date <= input.asOf && !blocks.some((block) => isBlocking(block, input.asOf)),
  };
}
