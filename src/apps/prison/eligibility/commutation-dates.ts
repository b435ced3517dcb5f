import type { Block, Reason, SentenceStage } from './assessment.ts';
import { cite, reason } from './cite.ts';
import type { CommutationRegime } from './commutation-regime.ts';
import type { EligibilityContext } from './eligibility-context.ts';
import { addMonths, latestDate, type IsoDate } from './iso-date.ts';

export type RegimeStage = Exclude<SentenceStage, 'suspended'>;

/** The stage whose start rule governs the first reduction of the sentence. */
export function firstStageOf(stage: RegimeStage): RegimeStage {
  if (stage === 'life-converted') return 'life';
  if (stage === 'reprieve' || stage === 'reprieve-converted') return 'reprieve-life';
  return stage;
}

/** Where the start of a stage is counted from, and the start months (SPC 2016 arts. 6 ¶1, 30 ¶2, 37 ¶2, 40 ¶1). */
export function startOf(context: EligibilityContext, stage: RegimeStage, regime: CommutationRegime, ignoreRevocation: boolean): { from: IsoDate; months: number; reasons: Reason[] } | null {
  const { input, rules, state } = context;
  const { sentence } = input;
  if (regime.start === null) return null;
  const reasons: Reason[] = [regime.start.reason];
  let from = sentence.executionStartDate;
  let months = regime.start.months;
  if ((stage === 'reprieve' || stage === 'reprieve-life') && state.reprieveEnd !== null) {
    const lifeRuling = state.rulings.find((ruling) => ruling.kind === 'reprieve-to-life');
    from = rules.conventions.reprieveStartFrom === 'life-ruling' && lifeRuling !== undefined ? lifeRuling.rulingDate : state.reprieveEnd;
    reasons.push(reason(cite.convention('reprieveStartFrom'), `counted as life from ${from}`));
  } else {
    reasons.push(reason(cite.spc2016('40 ¶1'), `counted from delivery to prison on ${from}`));
  }
  if (sentence.kind === 'life' && sentence.omittedCrimeRejudgment !== undefined) {
    const rejudgment = sentence.omittedCrimeRejudgment;
    from = rejudgment.judgmentEffectiveDate;
    const omitted = rules.spc2016.omittedCrime;
    if (rejudgment.omittedCrimeTermMonths <= omitted.maxOmittedTermMonths) {
      months = omitted.startMonths;
      reasons.push(reason(cite.spc2016('37 ¶2'), `omitted crime of ${rejudgment.omittedCrimeTermMonths} months, life again from ${from}: reducible after ${months} months`));
    } else {
      reasons.push(reason(cite.spc2016('37 ¶1'), `life again from ${from}: the start is counted from the new judgment; time served before is deducted on reduction to a fixed term`));
    }
  }
  const revocation = input.paroleRevocation;
  if (!ignoreRevocation && revocation !== undefined) {
    from = revocation.reimprisonedOn;
    reasons.push(reason(cite.spc2016('30 ¶2'), `parole revoked: counted from re-imprisonment on ${from}`));
  }
  return { from, months, reasons };
}

/** The ordinary next-proposal date, with the interval or start months optionally shortened. */
export function ordinaryDateOf(
  context: EligibilityContext,
  stage: RegimeStage,
  regime: CommutationRegime,
  shorten: (months: number) => number,
): { date: IsoDate; interval: number; intervalReasons: Reason[]; reasons: Reason[] } {
  const ruling = context.state.intervalRuling;
  let interval = regime.interval.months;
  const intervalReasons: Reason[] = [regime.interval.reason];
  if (ruling !== null && ruling.kind === 'reduction' && regime.intervalAtLeastPreviousReduction !== null && ruling.months > interval) {
    interval = ruling.months;
    intervalReasons.push(reason(regime.intervalAtLeastPreviousReduction.article, `previous reduction was ${ruling.months} months: interval at least that`));
  }
  if (ruling !== null) {
    const date = addMonths(ruling.servedDate, shorten(interval));
    return { date, interval, intervalReasons, reasons: [...intervalReasons, reason(cite.spc2016('40 ¶2'), `${shorten(interval)} months from service of the ruling on ${ruling.servedDate}: ${date}`)] };
  }
  const start = startOf(context, stage, regime, false);
  if (start !== null) {
    const date = addMonths(start.from, shorten(start.months));
    return { date, interval, intervalReasons, reasons: [...start.reasons, reason(start.reasons[0]?.article ?? regime.citation, `${shorten(start.months)} months from ${start.from}: ${date}`)] };
  }
  // A fixed term after life whose earlier rulings preceded a revoked parole: the interval runs from re-imprisonment (art. 30 ¶2).
  const from = context.input.paroleRevocation?.reimprisonedOn ?? context.input.sentence.executionStartDate;
  const date = addMonths(from, shorten(interval));
  return { date, interval, intervalReasons, reasons: [...intervalReasons, reason(cite.spc2016('30 ¶2'), `${shorten(interval)} months from re-imprisonment on ${from}: ${date}`)] };
}

/** The ordinary date pushed back by bars in force; null if a bar has no end. */
export function applyBlocks(date: IsoDate | null, blocks: readonly Block[]): IsoDate | null {
  let result = date;
  for (const block of blocks) {
    if (block.waived) continue;
    if (block.until === null) return null;
    if (result !== null) result = latestDate(result, block.until);
  }
  return result;
}
