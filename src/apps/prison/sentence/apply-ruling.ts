import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { CommutationAssessment } from '../eligibility/index.ts';
import type { Commutation } from '../eligibility/eligibility-input.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { prisonError } from '../prison-error.ts';
import type { IsoDate } from '../prison-dates.ts';
import { assessPrisoner, sentenceDatesOf } from './eligibility-of.ts';

/** What the court ruled, as a procedure step (or the court directly) hands it over. */
export interface RulingInput {
  /** The procedure case (or the court's docket number) the ruling ends. */
  caseId: string;
  ruling: Commutation;
}

export interface RulingJudgement extends JsonObject {
  ruleVersion: string;
  /** The largest reduction the grounds allow: months, or the lowest term a band allows. */
  allowed: JsonObject;
  /** True when the amount exceeds the grounds' table but the court has discretion (SPC 2016 arts. 14, 16). */
  aboveTableWithDiscretion: boolean;
  reasons: { article: string; text: string }[];
}

/**
 * Whether the law allows a ruling, judged with the history before it as of
 * the ruling date. Throws PRISON_COMMUTATION_BARRED, PRISON_REDUCTION_ABOVE_MAXIMUM
 * or PRISON_BELOW_MINIMUM_SERVED; returns what it judged against.
 */
export function judgeRuling(prisoner: PrisonerDoc, ruling: Commutation): RulingJudgement {
  const assessment = assessPrisoner(prisoner, ruling.rulingDate).commutation;
  const reasons = [...assessment.maxReduction.reasons, ...assessment.minimumServed.reasons].map((r) => ({ article: r.article, text: r.text }));
  const base = { ruleVersion: assessment.ruleVersion, reasons };
  if (ruling.kind === 'reprieve-to-life') return { ...base, allowed: { kind: 'reprieve-to-life' }, aboveTableWithDiscretion: false };
  const activeBlocks = assessment.blocks.filter((block) => !block.waived && (block.until === null || block.until > ruling.rulingDate));
  if (activeBlocks.length > 0) {
    const first = activeBlocks[0]!;
    throw prisonError('PRISON_COMMUTATION_BARRED', `no commutation on ${ruling.rulingDate}: ${first.code}${first.until === null ? '' : ` until ${first.until}`}`, {
      blocks: activeBlocks.map((b) => b.code),
    });
  }
  const reduction = assessment.maxReduction.reduction;
  if (reduction === null) {
    throw prisonError('PRISON_COMMUTATION_BARRED', `no reduction is available at stage ${assessment.stage} on these grounds`, { stage: assessment.stage });
  }
  if (ruling.kind === 'reduction') return judgeReductionBy(assessment, ruling.months, base);
  if (reduction.kind !== 'to') {
    throw prisonError('PRISON_SENTENCE_INVALID', `a ${ruling.kind} ruling does not fit stage ${assessment.stage}`, { stage: assessment.stage });
  }
  if (ruling.termMonths < reduction.minMonths) {
    throw prisonError('PRISON_REDUCTION_ABOVE_MAXIMUM', `the term may not be reduced below ${reduction.minMonths} months on these grounds (${assessment.regime})`, {
      termMonths: ruling.termMonths,
      minMonths: reduction.minMonths,
    });
  }
  return { ...base, allowed: { kind: 'to', minMonths: reduction.minMonths, maxMonths: reduction.maxMonths }, aboveTableWithDiscretion: false };
}

function judgeReductionBy(assessment: CommutationAssessment, months: number, base: Pick<RulingJudgement, 'ruleVersion' | 'reasons'>): RulingJudgement {
  const reduction = assessment.maxReduction.reduction;
  if (reduction === null || reduction.kind !== 'by') {
    throw prisonError('PRISON_SENTENCE_INVALID', `a reduction by months does not fit stage ${assessment.stage}`, { stage: assessment.stage });
  }
  const floor = assessment.minimumServed.maxFurtherReductionMonths;
  if (floor !== null && months > floor) {
    throw prisonError('PRISON_BELOW_MINIMUM_SERVED', `at most ${floor} more months may be cut (release not before ${assessment.minimumServed.releaseNotBefore ?? '—'})`, {
      months,
      maxFurtherReductionMonths: floor,
    });
  }
  const cap = Math.max(reduction.months, assessment.relaxation?.maxReductionMonths ?? 0);
  const discretion = assessment.discretion.length > 0;
  if (months > cap && !discretion) {
    throw prisonError('PRISON_REDUCTION_ABOVE_MAXIMUM', `at most ${cap} months on these grounds (${assessment.regime}); ruled ${months}`, { months, maxMonths: cap });
  }
  return { ...base, allowed: { kind: 'by', months: cap }, aboveTableWithDiscretion: months > cap };
}

export interface RulingRecord extends JsonObject {
  id: string;
  prisonerId: string;
  caseId: string;
  ruling: Commutation;
  servedDate: IsoDate;
  before: { expectedRelease: IsoDate | null; nextCommutation: IsoDate | null; nextParole: IsoDate | null };
  after: { expectedRelease: IsoDate | null; nextCommutation: IsoDate | null; nextParole: IsoDate | null };
  judgement: RulingJudgement;
}

/**
 * Sentence recalculation: the prisoner with the ruling appended to the
 * sentence history, the new expected release and next eligibility dates, and
 * the record that keeps the before and after. Pure, so the procedure engine's
 * final step can call it inside its own transaction.
 */
export function applyRuling(prisoner: PrisonerDoc, input: RulingInput, today: IsoDate): { prisoner: PrisonerDoc; record: RulingRecord } {
  const judgement = judgeRuling(prisoner, input.ruling);
  const updated: PrisonerDoc = { ...prisoner, commutations: [...prisoner.commutations, input.ruling], version: prisoner.version + 1 };
  Object.assign(updated, sentenceDatesOf(updated, today));
  const view = (p: PrisonerDoc) => ({ expectedRelease: p.expectedRelease, nextCommutation: p.nextEligibility.commutation, nextParole: p.nextEligibility.parole });
  const record: RulingRecord = {
    id: `${prisoner.id}/${input.caseId}`,
    prisonerId: prisoner.id,
    caseId: input.caseId,
    ruling: input.ruling,
    servedDate: input.ruling.servedDate,
    before: view(prisoner),
    after: view(updated),
    judgement,
  };
  return { prisoner: updated, record };
}
