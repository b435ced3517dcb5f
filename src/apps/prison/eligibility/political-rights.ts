import type { LimitFinding, SentenceStage } from './assessment.ts';
import { cite, reason } from './cite.ts';
import type { EligibilityContext } from './eligibility-context.ts';

/** SPC 2016 art. 17: how far an additional deprivation of political rights may be cut at this stage. */
export function politicalRightsOf(context: EligibilityContext, stage: SentenceStage): LimitFinding | null {
  const deprivation = context.input.sentence.politicalRights;
  if (deprivation === undefined) return null;
  const limits = context.rules.spc2016.politicalRights;
  if (stage === 'life' || stage === 'reprieve' || stage === 'reprieve-life') {
    return { minMonths: limits.convertedMinMonths, maxMonths: limits.convertedMaxMonths, reasons: [reason(cite.spc2016('17 ¶2'), `on reduction to a fixed term, deprivation for life becomes ${limits.convertedMinMonths}–${limits.convertedMaxMonths} months`)] };
  }
  if (stage === 'life-converted' || stage === 'reprieve-converted') {
    return { minMonths: limits.finalMinMonths, maxMonths: null, reasons: [reason(cite.spc2016('17 ¶2'), `after further reductions, at least ${limits.finalMinMonths} months`)] };
  }
  return {
    minMonths: limits.fixedTermMinMonths,
    maxMonths: deprivation === 'life' ? null : deprivation,
    reasons: [reason(cite.spc2016('17 ¶1'), `may be reduced with the term, to no less than ${limits.fixedTermMinMonths} months`)],
  };
}
