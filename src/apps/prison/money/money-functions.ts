import { Type } from '@sinclair/typebox';
import type { JsonObject } from '../../../crypto/canonical-json.ts';
import { defineFunction, type ContractContext, type ContractFunction } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';
import { fenArg, prisonerIdArg, strict } from '../contract/arg-schemas.ts';
import { actorOf, assertInCustody, assertSamePrison, currentLevels, getPrisoner } from '../contract/context-helpers.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { prisonError } from '../prison-error.ts';
import { blockDay, monthOf } from '../prison-dates.ts';

export interface AccountDoc extends JsonObject {
  prisonerId: string;
  prison: string;
  balanceFen: number;
  /** The calendar month `spentThisMonthFen` counts in. */
  month: string;
  spentThisMonthFen: number;
}

export function getAccount(ctx: Pick<ContractContext, 'get'>, prisoner: Pick<PrisonerDoc, 'id' | 'prison'>): AccountDoc {
  const found = ctx.get(c.accounts, prisoner.id);
  return (found?.doc as AccountDoc | undefined) ?? { prisonerId: prisoner.id, prison: prisoner.prison, balanceFen: 0, month: '', spentThisMonthFen: 0 };
}

function entry(ctx: ContractContext, account: AccountDoc, kind: string, amountFen: number, details: JsonObject): void {
  ctx.put(c.accountEntries, `${account.prisonerId}/${ctx.txId}/${kind}`, {
    prisonerId: account.prisonerId,
    prison: account.prison,
    kind,
    amountFen,
    balanceAfterFen: account.balanceFen,
    date: blockDay(ctx),
    by: actorOf(ctx),
    txId: ctx.txId,
    height: ctx.block.height,
    ...details,
  });
}

/**
 * Takes money out of a prisoner's account. `limited` spending counts toward
 * the month's limit of the prisoner's management level; payments of property
 * judgments and medical costs do not.
 */
export function debitAccount(ctx: ContractContext, prisoner: PrisonerDoc, amountFen: number, purpose: string, limited: boolean, details: JsonObject = {}): AccountDoc {
  const account = getAccount(ctx, prisoner);
  const month = monthOf(blockDay(ctx));
  const spent = account.month === month ? account.spentThisMonthFen : 0;
  if (account.balanceFen < amountFen) {
    throw prisonError('PRISON_INSUFFICIENT_FUNDS', `balance ${account.balanceFen} fen is below ${amountFen} fen`, { balanceFen: account.balanceFen, amountFen });
  }
  if (limited) {
    const levels = currentLevels(ctx);
    const level = levels.levels.find((l) => l.id === prisoner.level);
    if (level === undefined) throw prisonError('PRISON_UNKNOWN_LEVEL', `no management level ${prisoner.level} in ${levels.id}@${levels.version}`);
    if (spent + amountFen > level.monthlySpendingLimitFen) {
      throw prisonError('PRISON_SPENDING_LIMIT', `${level.name} (${level.id}) may spend ${level.monthlySpendingLimitFen} fen a month; ${spent} fen spent in ${month}`, {
        limitFen: level.monthlySpendingLimitFen,
        spentFen: spent,
        amountFen,
      });
    }
  }
  const updated: AccountDoc = { ...account, balanceFen: account.balanceFen - amountFen, month, spentThisMonthFen: spent + (limited ? amountFen : 0) };
  ctx.put(c.accounts, prisoner.id, updated);
  entry(ctx, updated, purpose, -amountFen, details);
  return updated;
}

const deposit = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      amountFen: fenArg,
      source: Type.Union([Type.Literal('family'), Type.Literal('labour-remuneration'), Type.Literal('admission-cash'), Type.Literal('other')]),
      reference: Type.String({ minLength: 1, maxLength: 100, description: 'remittance slip or payroll reference' }),
    },
    strict,
  ),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertSamePrison(ctx, prisoner.prison);
    assertInCustody(prisoner);
    const account = getAccount(ctx, prisoner);
    const updated: AccountDoc = { ...account, prison: prisoner.prison, balanceFen: account.balanceFen + args.amountFen };
    ctx.put(c.accounts, prisoner.id, updated);
    entry(ctx, updated, 'deposit', args.amountFen, { source: args.source, reference: args.reference });
    return { balanceFen: updated.balanceFen };
  },
});

const spend = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      amountFen: fenArg,
      purpose: Type.Union([Type.Literal('canteen'), Type.Literal('medical'), Type.Literal('other')]),
      note: Type.String({ maxLength: 200 }),
    },
    strict,
  ),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertSamePrison(ctx, prisoner.prison);
    assertInCustody(prisoner);
    const updated = debitAccount(ctx, prisoner, args.amountFen, args.purpose, args.purpose !== 'medical', { note: args.note });
    return { balanceFen: updated.balanceFen, spentThisMonthFen: updated.spentThisMonthFen };
  },
});

export const moneyFunctions: Record<string, ContractFunction> = { deposit, spend };
