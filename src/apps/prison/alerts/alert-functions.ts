import { Type } from '@sinclair/typebox';
import { defineFunction, type ContractContext, type ContractFunction } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';
import { dateArg, prisonerIdArg, reasonArg, strict } from '../contract/arg-schemas.ts';
import { actorOf, getPrisoner } from '../contract/context-helpers.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { prisonError } from '../prison-error.ts';
import { assertIsoDate } from '../prison-dates.ts';
import { assessPrisoner } from '../sentence/eligibility-of.ts';
import { caseIdArg } from '../sentence/sentence-functions.ts';
import type { AlertDoc } from './raise-alert.ts';
import { raiseAlert } from './raise-alert.ts';

/** Crime categories whose cases need a hearing (SPC 2014 hearing rules: duty, gang, financial crimes). */
const hearingCategories = new Set(['duty', 'corruption-bribery', 'financial', 'organized-crime']);

export function hearingRequired(prisoner: PrisonerDoc): boolean {
  const strictCrime = prisoner.sentence.convictions.some((conviction) => conviction.categories.some((category) => hearingCategories.has(category)));
  return strictCrime || prisoner.merits.some((merit) => merit.kind === 'major-merit');
}

export interface ProposalCheck {
  caseId: string;
  prisonerId: string;
  kind: 'commutation' | 'parole';
  proposedOn: string;
  reduction: { kind: 'by'; months: number } | { kind: 'to'; termMonths: number } | null;
  proposer: string;
  reviewers: string[];
  hearingHeld: boolean | null;
}

/**
 * Judges a commutation or parole proposal against the calculators and the
 * case's people, raising alerts PA-03 to PA-06 in the calling transaction.
 * For the procedure integration: call it at filing (and again at hearing).
 */
export function checkProposalIn(ctx: ContractContext, input: ProposalCheck): { alerts: string[]; ruleVersion: string } {
  const prisoner = getPrisoner(ctx, input.prisonerId);
  const proposedOn = assertIsoDate(input.proposedOn, 'proposedOn');
  const assessment = assessPrisoner(prisoner, proposedOn);
  const ruleVersion = assessment.ruleVersion;
  const alerts: string[] = [];
  const raise = (rule: AlertDoc['rule'], message: string, details: Record<string, string | number | boolean | null>) =>
    alerts.push(raiseAlert(ctx, { rule, prison: prisoner.prison, prisonerId: prisoner.id, ruleVersion, message, details: { caseId: input.caseId, ...details } }));

  if (input.kind === 'commutation') {
    const earliest = assessment.commutation.earliestProposal.date;
    if (earliest === null || earliest > proposedOn) {
      const why = assessment.commutation.earliestProposal.reasons.map((r) => `${r.article}: ${r.text}`).join('; ');
      raise('PA-04', `commutation proposed on ${proposedOn}; earliest ${earliest ?? 'never'} (${why})`, { proposedOn, earliest });
    }
    const max = assessment.commutation.maxReduction.reduction;
    const floor = assessment.commutation.minimumServed.maxFurtherReductionMonths;
    if (input.reduction !== null && max === null) {
      raise('PA-03', `proposes a reduction where none is available (${assessment.commutation.grounds.reasons.map((r) => r.text).join('; ') || 'no grounds'})`, { stage: assessment.commutation.stage });
    } else if (input.reduction !== null && max !== null) {
      if (input.reduction.kind === 'by' && max.kind === 'by') {
        const cap = Math.max(max.months, assessment.commutation.relaxation?.maxReductionMonths ?? 0);
        const limit = floor === null ? cap : Math.min(cap, floor);
        if (input.reduction.months > limit) raise('PA-03', `proposes ${input.reduction.months} months; at most ${limit} (${assessment.commutation.regime})`, { months: input.reduction.months, maxMonths: limit });
      } else if (input.reduction.kind === 'to' && max.kind === 'to' && input.reduction.termMonths < max.minMonths) {
        raise('PA-03', `proposes a term of ${input.reduction.termMonths} months; not below ${max.minMonths} (${assessment.commutation.regime})`, { termMonths: input.reduction.termMonths, minMonths: max.minMonths });
      }
    }
  } else {
    const parole = assessment.parole;
    const absolute = parole.exclusions.filter((e) => e.absolute).map((e) => e.code);
    if (absolute.length > 0 || parole.earliestDate.date === null || parole.earliestDate.date > proposedOn) {
      raise('PA-04', `parole proposed on ${proposedOn}; earliest ${parole.earliestDate.date ?? 'never'}${absolute.length > 0 ? `; barred: ${absolute.join(', ')}` : ''}`, {
        proposedOn,
        earliest: parole.earliestDate.date,
      });
    }
  }
  if (input.reviewers.includes(input.proposer)) raise('PA-05', `${input.proposer} both proposed and reviewed case ${input.caseId}`, { proposer: input.proposer });
  if (input.hearingHeld === false && hearingRequired(prisoner)) raise('PA-06', `case ${input.caseId} of a strict-category prisoner was decided without a hearing`, { hearingHeld: false });
  return { alerts, ruleVersion };
}

const checkProposal = defineFunction({
  args: Type.Object(
    {
      caseId: caseIdArg,
      prisonerId: prisonerIdArg,
      kind: Type.Union([Type.Literal('commutation'), Type.Literal('parole')]),
      proposedOn: dateArg,
      reduction: Type.Union([
        Type.Object({ kind: Type.Literal('by'), months: Type.Integer({ minimum: 1, maximum: 600 }) }, strict),
        Type.Object({ kind: Type.Literal('to'), termMonths: Type.Integer({ minimum: 1, maximum: 600 }) }, strict),
        Type.Null(),
      ]),
      proposer: Type.String({ minLength: 1, maxLength: 130 }),
      reviewers: Type.Array(Type.String({ minLength: 1, maxLength: 130 }), { maxItems: 50 }),
      hearingHeld: Type.Union([Type.Boolean(), Type.Null()]),
    },
    strict,
  ),
  handler(ctx, args) {
    return checkProposalIn(ctx, args);
  },
});

/** Closes an alert with the reason it was answered (the procuratorate or the bureau). */
const closeAlert = defineFunction({
  args: Type.Object({ alertId: Type.String({ minLength: 1, maxLength: 200 }), reason: reasonArg }, strict),
  handler(ctx, args) {
    const found = ctx.get(c.alerts, args.alertId);
    if (found === undefined) throw prisonError('PRISON_ALERT_NOT_FOUND', `no alert ${args.alertId}`, { alertId: args.alertId });
    const alert = found.doc as AlertDoc;
    if (alert.status !== 'open') throw prisonError('PRISON_ALERT_CLOSED', `alert ${args.alertId} is already closed`, { alertId: args.alertId });
    ctx.put(c.alerts, alert.id, { ...alert, status: 'closed', closed: { by: actorOf(ctx), reason: args.reason, height: ctx.block.height } });
    return { alertId: alert.id, status: 'closed' };
  },
});

export const alertFunctions: Record<string, ContractFunction> = { checkProposal, closeAlert };
