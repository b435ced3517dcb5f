import { Type } from '@sinclair/typebox';
import type { JsonObject } from '../../../crypto/canonical-json.ts';
import { defineFunction, type ContractContext, type ContractFunction } from '../../../runtime/contract.ts';
import type { PropertyJudgment } from '../eligibility/eligibility-input.ts';
import { prisonCollections as c } from '../collections.ts';
import { dateArg, fenArg, hashArg, prisonerIdArg, strict } from '../contract/arg-schemas.ts';
import { actorOf, assertSamePrison, getPrisoner } from '../contract/context-helpers.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { debitAccount } from '../money/money-functions.ts';
import { prisonError } from '../prison-error.ts';
import { assertIsoDate, assertNotFuture, type IsoDate } from '../prison-dates.ts';
import { savePrisoner } from './registry-functions.ts';

type Ability = 'able' | 'unable';

/** 财产性判项: a fine, confiscation, restitution or civil compensation, and what has been paid. */
export interface PropertyDoc extends JsonObject {
  id: string;
  prisonerId: string;
  judgmentId: string;
  kind: string;
  amountFen: number;
  paidFen: number;
  /** Whether the prisoner is able to pay (SPC 2024 arts. 6-7), as the court found. */
  ability: Ability;
  payments: { amountFen: number; date: IsoDate; fromAccount: boolean; by: string; txId: string }[];
}

const judgmentIdArg = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9()（）-]{0,63}$' });

/**
 * The prisoner's property state for the calculators, from all judgments:
 * none, performed, unable, or able-unpaid; `refusalEndedOn` is the day an
 * able-unpaid state ended by payment (SPC 2024 art. 6's six-month wait).
 */
export function propertyStateOf(judgments: PropertyDoc[], previous: PropertyJudgment, today: IsoDate): PropertyJudgment {
  if (judgments.length === 0) return { state: 'none' };
  const unpaid = judgments.filter((j) => j.paidFen < j.amountFen);
  if (unpaid.some((j) => j.ability === 'able')) return { state: 'able-unpaid' };
  const ended = previous.state === 'able-unpaid' ? today : previous.refusalEndedOn;
  const state = unpaid.length === 0 ? 'performed' : 'unable';
  return ended === undefined ? { state } : { state, refusalEndedOn: ended };
}

function judgmentsOf(ctx: ContractContext, prisonerId: string, changed: PropertyDoc): PropertyDoc[] {
  // Query sees the state before this transaction; put the changed judgment in its place.
  const stored = ctx.query(c.property, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }).map((d) => d.doc as PropertyDoc);
  return [...stored.filter((j) => j.id !== changed.id), changed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function saveJudgment(ctx: ContractContext, prisoner: PrisonerDoc, judgment: PropertyDoc, date: IsoDate): PrisonerDoc {
  ctx.put(c.property, judgment.id, judgment);
  const property = propertyStateOf(judgmentsOf(ctx, prisoner.id, judgment), prisoner.property, date);
  return savePrisoner(ctx, { ...prisoner, property, version: prisoner.version + 1 });
}

function getJudgment(ctx: ContractContext, prisonerId: string, judgmentId: string): PropertyDoc {
  const found = ctx.get(c.property, `${prisonerId}/${judgmentId}`);
  if (found === undefined) throw prisonError('PRISON_PROPERTY_NOT_FOUND', `no property judgment ${judgmentId} for ${prisonerId}`, { judgmentId });
  return found.doc as PropertyDoc;
}

const recordPropertyJudgment = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      judgmentId: judgmentIdArg,
      kind: Type.Union([Type.Literal('fine'), Type.Literal('confiscation'), Type.Literal('restitution'), Type.Literal('compensation')]),
      amountFen: fenArg,
      ability: Type.Union([Type.Literal('able'), Type.Literal('unable')]),
      judgmentHash: hashArg,
    },
    strict,
  ),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    const id = `${prisoner.id}/${args.judgmentId}`;
    if (ctx.get(c.property, id) !== undefined) throw prisonError('PRISON_PROPERTY_EXISTS', `property judgment ${args.judgmentId} is already recorded`, { judgmentId: args.judgmentId });
    const judgment: PropertyDoc = { id, prisonerId: prisoner.id, judgmentId: args.judgmentId, kind: args.kind, amountFen: args.amountFen, paidFen: 0, ability: args.ability, payments: [] };
    const updated = saveJudgment(ctx, prisoner, judgment, prisoner.nextEligibility.asOf);
    return { property: updated.property };
  },
});

const setPropertyAbility = defineFunction({
  args: Type.Object({ prisonerId: prisonerIdArg, judgmentId: judgmentIdArg, ability: Type.Union([Type.Literal('able'), Type.Literal('unable')]), evidenceHash: hashArg, date: dateArg }, strict),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    const date = assertIsoDate(args.date, 'date');
    assertNotFuture(ctx, date, 'date');
    const judgment = getJudgment(ctx, prisoner.id, args.judgmentId);
    const updated = saveJudgment(ctx, prisoner, { ...judgment, ability: args.ability }, date);
    return { property: updated.property };
  },
});

const recordPropertyPayment = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      judgmentId: judgmentIdArg,
      amountFen: fenArg,
      date: dateArg,
      /** Paid out of the prisoner's money account (the money clerk of their prison signs). */
      fromAccount: Type.Boolean(),
    },
    strict,
  ),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    const date = assertIsoDate(args.date, 'date');
    assertNotFuture(ctx, date, 'date');
    const judgment = getJudgment(ctx, prisoner.id, args.judgmentId);
    if (judgment.paidFen + args.amountFen > judgment.amountFen) {
      throw prisonError('PRISON_OVERPAYMENT', `${args.amountFen} fen exceeds the ${judgment.amountFen - judgment.paidFen} fen still owed`, { owedFen: judgment.amountFen - judgment.paidFen });
    }
    if (args.fromAccount) {
      assertSamePrison(ctx, prisoner.prison);
      debitAccount(ctx, prisoner, args.amountFen, 'property-judgment', false, { judgmentId: args.judgmentId });
    }
    const payment = { amountFen: args.amountFen, date, fromAccount: args.fromAccount, by: actorOf(ctx), txId: ctx.txId };
    const updated = saveJudgment(ctx, prisoner, { ...judgment, paidFen: judgment.paidFen + args.amountFen, payments: [...judgment.payments, payment] }, date);
    return { paidFen: judgment.paidFen + args.amountFen, property: updated.property };
  },
});

export const propertyFunctions: Record<string, ContractFunction> = { recordPropertyJudgment, setPropertyAbility, recordPropertyPayment };
