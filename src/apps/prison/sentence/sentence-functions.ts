import { Type } from '@sinclair/typebox';
import { defineFunction, type ContractContext, type ContractFunction } from '../../../runtime/contract.ts';
import { raiseAlert } from '../alerts/raise-alert.ts';
import { commutationSchema } from '../eligibility/eligibility-input.ts';
import { prisonCollections as c } from '../collections.ts';
import { prisonerIdArg, strict } from '../contract/arg-schemas.ts';
import { actorOf, getPrisoner } from '../contract/context-helpers.ts';
import { putPrisoner } from '../contract/prisoner-store.ts';
import { prisonError } from '../prison-error.ts';
import { assertIsoDate, assertNotFuture, blockDay } from '../prison-dates.ts';
import { applyRuling, type RulingInput, type RulingRecord } from './apply-ruling.ts';

export const caseIdArg = Type.String({ minLength: 1, maxLength: 100, pattern: '^[^\\u0000-\\u001f\\u007f]+$', description: 'procedure case id or court docket number' });

/**
 * Records a court ruling and recalculates the sentence, in the calling
 * transaction. This is what the procedure's final step (executed ruling)
 * calls; `prison.recordRuling` exposes it to the court directly until then.
 */
export function recordRulingIn(ctx: ContractContext, prisonerId: string, input: RulingInput): RulingRecord {
  const prisoner = getPrisoner(ctx, prisonerId);
  const ruling = input.ruling;
  const rulingDate = assertIsoDate(ruling.rulingDate, 'rulingDate');
  const servedDate = assertIsoDate(ruling.servedDate, 'servedDate');
  assertNotFuture(ctx, servedDate, 'servedDate');
  if (servedDate < rulingDate) throw prisonError('PRISON_SENTENCE_INVALID', `served ${servedDate} before the ruling of ${rulingDate}`);
  const id = `${prisoner.id}/${input.caseId}`;
  if (ctx.get(c.rulings, id) !== undefined) throw prisonError('PRISON_RULING_EXISTS', `a ruling for case ${input.caseId} is already recorded`, { caseId: input.caseId });
  const { prisoner: updated, record } = applyRuling(prisoner, input, blockDay(ctx));
  putPrisoner(ctx, updated);
  ctx.put(c.rulings, id, { ...record, by: actorOf(ctx), txId: ctx.txId, height: ctx.block.height });
  if (record.judgement.aboveTableWithDiscretion) {
    raiseAlert(ctx, {
      rule: 'PA-03',
      prison: prisoner.prison,
      prisonerId: prisoner.id,
      ruleVersion: record.judgement.ruleVersion,
      message: `ruling in ${input.caseId} reduces beyond the grounds' table (allowed ${JSON.stringify(record.judgement.allowed)}) on the court's discretion`,
      details: { caseId: input.caseId, allowed: record.judgement.allowed },
    });
  }
  ctx.emit('prison.sentence-recalculated', { prisonerId: prisoner.id, caseId: input.caseId, expectedRelease: updated.expectedRelease });
  return record;
}

const recordRuling = defineFunction({
  args: Type.Object({ prisonerId: prisonerIdArg, caseId: caseIdArg, ruling: commutationSchema }, strict),
  handler(ctx, args) {
    const record = recordRulingIn(ctx, args.prisonerId, { caseId: args.caseId, ruling: args.ruling });
    return { before: record.before, after: record.after, ruleVersion: record.judgement.ruleVersion };
  },
});

export const sentenceFunctions: Record<string, ContractFunction> = { recordRuling };
