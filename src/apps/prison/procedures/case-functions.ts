import { Type } from '@sinclair/typebox';
import { defineFunction, type ContractFunction } from '../../../runtime/contract.ts';
import { checkProposalIn, type ProposalCheck } from '../alerts/alert-functions.ts';
import { dateArg, strict } from '../contract/arg-schemas.ts';
import { assertSamePrison, getPrisoner } from '../contract/context-helpers.ts';
import type { Commutation } from '../eligibility/eligibility-input.ts';
import { assertIsoDate } from '../prison-dates.ts';
import { prisonError } from '../prison-error.ts';
import { caseIdArg, recordRulingIn } from '../sentence/sentence-functions.ts';
import { actorName, assertCaseState, dayOf, formOf, prisonerCaseOf, type PrisonerCase } from './case-of.ts';
import { linkCase } from './case-links.ts';

/** Steps whose actors review a proposal (the same person proposing and reviewing is PA-05). */
const reviewSteps = new Set(['section_pass', 'penalty_pass', 'committee_pass', 'head_approve', 'head_approve_to_bureau', 'bureau_pass']);

/** The proposal check the calculators run, taken from the case itself rather than from the caller. */
export function proposalOfCase(found: PrisonerCase): ProposalCheck {
  const { caseDoc, procedure } = found;
  const proposed = caseDoc.history.find((entry) => entry.kind === 'step' && entry.step === 'propose');
  if (proposed === undefined) throw prisonError('PRISON_CASE_WRONG_STATE', `case ${caseDoc.id} has no proposal yet`, { caseId: caseDoc.id, state: caseDoc.state });
  const form = formOf(caseDoc, 'propose') ?? {};
  const months = form['proposedReductionMonths'];
  const term = form['proposedTermMonths'];
  const reduction =
    typeof months === 'number' ? { kind: 'by' as const, months } : typeof term === 'number' ? { kind: 'to' as const, termMonths: term } : null;
  const reviewers = [
    ...new Set(
      caseDoc.history
        .filter((entry) => (entry.kind === 'step' || entry.kind === 'approve') && entry.step !== undefined && reviewSteps.has(entry.step))
        .map(actorName)
        .filter((name): name is string => name !== null),
    ),
  ];
  const hearingHeld = formOf(caseDoc, 'hold_hearing') !== undefined ? true : formOf(caseDoc, 'written_review') !== undefined ? false : null;
  return {
    caseId: caseDoc.id,
    prisonerId: found.prisonerId,
    kind: procedure === 'parole' ? 'parole' : 'commutation',
    proposedOn: dayOf(proposed.at),
    reduction,
    proposer: actorName(proposed) ?? '',
    reviewers,
    hearingHeld,
  };
}

/**
 * `prison.checkCase`: the calculators judge a case's proposal (earliest date,
 * maximum, people, hearing) and record alerts PA-03..PA-06; the case is then
 * marked checked, which its filing step requires. Run again after the
 * hearing or written review to judge PA-06.
 */
const checkCase = defineFunction({
  args: Type.Object({ caseId: caseIdArg }, strict),
  handler(ctx, args) {
    const found = prisonerCaseOf(ctx, args.caseId);
    const prisoner = getPrisoner(ctx, found.prisonerId);
    // The prison's own staff act for their prison only; the procuratorate and the court for all.
    if (ctx.member?.attributes['prison'] !== undefined) assertSamePrison(ctx, prisoner.prison);
    if (found.caseDoc.closed) throw prisonError('PRISON_CASE_WRONG_STATE', `case ${args.caseId} is closed (${found.caseDoc.state})`, { caseId: args.caseId, state: found.caseDoc.state });
    const result = checkProposalIn(ctx, proposalOfCase(found));
    linkCase(ctx, found.prisonerId, 'checkedCases', args.caseId);
    return { caseId: args.caseId, ...result };
  },
});

/** The ruling the case's `rule_grant` step carries, as the sentence calculator takes it. */
export function rulingOfCase(found: PrisonerCase, servedDate: string): Commutation {
  const form = formOf(found.caseDoc, 'rule_grant') ?? {};
  const rulingDate = String(form['rulingDate'] ?? '');
  if (found.procedure === 'commutation') return { kind: 'reduction', months: Number(form['reductionMonths']), rulingDate, servedDate };
  if (found.procedure === 'death-reprieve-reduction') {
    const termMonths = form['termMonths'];
    if (form['outcome'] === 'reprieve-to-life') return { kind: 'reprieve-to-life', rulingDate, servedDate };
    if (form['outcome'] === 'to-fixed-term' && typeof termMonths === 'number') return { kind: 'to-fixed-term', termMonths, rulingDate, servedDate };
    if (typeof termMonths === 'number') return { kind: 'reprieve-to-fixed-term', termMonths, rulingDate, servedDate };
  }
  throw prisonError('PRISON_CASE_WRONG_STATE', `case ${found.caseDoc.id} (${found.procedure}) carries no sentence change to record`, { caseId: found.caseDoc.id });
}

/**
 * `prison.recordCaseRuling`: when the court serves the ruling of a case, the
 * ruling its panel gave (the case's `rule_grant` form) is judged under the law
 * in force and the sentence recalculated — the same `recordRulingIn` as
 * `prison.recordRuling` — and the case is marked, which its `serve` step
 * requires. A ruling beyond the law is refused here (PRISON_REDUCTION_ABOVE_MAXIMUM,
 * PRISON_BELOW_MINIMUM_SERVED, PRISON_COMMUTATION_BARRED) and nothing is written.
 */
const recordCaseRuling = defineFunction({
  args: Type.Object({ caseId: caseIdArg, servedDate: dateArg }, strict),
  handler(ctx, args) {
    const found = prisonerCaseOf(ctx, args.caseId);
    assertCaseState(found, ['ruled']);
    const servedDate = assertIsoDate(args.servedDate, 'servedDate');
    const record = recordRulingIn(ctx, found.prisonerId, { caseId: args.caseId, ruling: rulingOfCase(found, servedDate) });
    linkCase(ctx, found.prisonerId, 'rulingCases', args.caseId);
    return { caseId: args.caseId, prisonerId: found.prisonerId, before: record.before, after: record.after, ruleVersion: record.judgement.ruleVersion };
  },
});

export const caseFunctions: Record<string, ContractFunction> = { checkCase, recordCaseRuling };
