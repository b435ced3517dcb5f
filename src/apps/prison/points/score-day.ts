import { Type } from '@sinclair/typebox';
import { defineFunction, type ContractContext } from '../../../runtime/contract.ts';
import { raiseAlert } from '../alerts/raise-alert.ts';
import { prisonCollections as c } from '../collections.ts';
import { dateArg, prisonerIdArg, strict } from '../contract/arg-schemas.ts';
import { assertInCustody, assertSamePrison, currentPointsRules, getPrison, getPrisoner } from '../contract/context-helpers.ts';
import type { PartScores, PrisonDoc, PrisonerDoc, ScoreDayDoc } from '../contract/prison-docs.ts';
import { prisonError } from '../prison-error.ts';
import { assertIsoDate, assertNotFuture, blockDay, daysFrom, monthOf, type IsoDate } from '../prison-dates.ts';
import { pointsRulesVersionOf, scoreParts, type PointsRules } from './points-rules.ts';
import { addPoints, getScoreMonth, plusCapOf, putScoreMonth, sumParts, writeEntry } from './score-ledger.ts';

const partScore = Type.Integer({ minimum: -1000, maximum: 1000 });
export const partScoresArg = Type.Object({ supervision: partScore, education: partScore, labour: partScore }, strict);

/**
 * The checks every day's values pass, first entry or correction: each part
 * within the daily plus and minus maxima, no labour part for a prisoner who
 * cannot work, and the month's plus per part within its cap — one part
 * cannot make up for another. Returns the month's new plus totals.
 */
export function checkDayValues(rules: PointsRules, prisoner: PrisonerDoc, date: IsoDate, values: PartScores, previous: PartScores | null, monthPlus: PartScores): PartScores {
  const plus = { ...monthPlus };
  for (const part of scoreParts) {
    const value = values[part];
    if (value > rules.dailyPlusMax || value < -rules.dailyMinusMax) {
      throw prisonError('PRISON_SCORE_ABOVE_CAP', `${prisoner.id} ${date}: ${part} ${value} is outside −${rules.dailyMinusMax}…+${rules.dailyPlusMax} a day (${pointsRulesVersionOf(rules)})`, {
        prisonerId: prisoner.id,
        part,
        value,
      });
    }
    if (!prisoner.canWork && part === 'labour' && value !== 0) {
      throw prisonError('PRISON_SCORE_NO_LABOUR_PART', `${prisoner.id} is assessed without the labour part`, { prisonerId: prisoner.id });
    }
    plus[part] += Math.max(0, value) - Math.max(0, previous?.[part] ?? 0);
    const cap = plusCapOf(rules, prisoner, part);
    if (plus[part] > cap) {
      throw prisonError('PRISON_SCORE_ABOVE_CAP', `${prisoner.id} ${monthOf(date)}: ${part} plus would reach ${plus[part]}, above the month's cap of ${cap} (${pointsRulesVersionOf(rules)})`, {
        prisonerId: prisoner.id,
        part,
        plus: plus[part],
        cap,
      });
    }
  }
  return plus;
}

/** The scoring officer's checks on the prisoner and the date. */
export function checkScoringDate(ctx: ContractContext, prisoner: PrisonerDoc, date: IsoDate): void {
  assertSamePrison(ctx, prisoner.prison);
  assertInCustody(prisoner);
  assertNotFuture(ctx, date, 'date');
  if (date < prisoner.admittedOn) {
    throw prisonError('PRISON_DATE_BEFORE_ADMISSION', `${prisoner.id}: ${date} is before admission on ${prisoner.admittedOn} (scoring starts on admission)`, { prisonerId: prisoner.id, date });
  }
}

/**
 * 管教民警's daily record: one day's plus or minus per part for each prisoner
 * of the officer's group, signed by the officer. All or nothing: one bad row
 * fails the transaction and writes nothing.
 */
export const scoreDay = defineFunction({
  args: Type.Object(
    {
      date: dateArg,
      entries: Type.Array(
        Type.Object({ prisonerId: prisonerIdArg, parts: partScoresArg, reason: Type.String({ maxLength: 200 }) }, strict),
        { minItems: 1, maxItems: 200 },
      ),
    },
    strict,
  ),
  handler(ctx, args) {
    const date = assertIsoDate(args.date, 'date');
    const rules = currentPointsRules(ctx);
    const today = blockDay(ctx);
    const lateBy = daysFrom(date, today);
    const results: { prisonerId: string; entryId: string; balance: number }[] = [];
    // PERF: an officer's rows are of one prison: read its document once, not per row.
    const prisons = new Map<string, PrisonDoc>();
    args.entries.forEach((row, index) => {
      const prisoner = getPrisoner(ctx, row.prisonerId);
      checkScoringDate(ctx, prisoner, date);
      const dayId = `${prisoner.id}/${date}`;
      const existing = ctx.get(c.scoreDays, dayId);
      if (existing !== undefined) {
        throw prisonError('PRISON_SCORE_DUPLICATE_DAY', `${prisoner.id} is already scored for ${date} (entry ${String(existing.doc['entryId'])}); correct it instead`, { prisonerId: prisoner.id, date });
      }
      const month = getScoreMonth(ctx, prisoner.id, monthOf(date));
      const plus = checkDayValues(rules, prisoner, date, row.parts, null, month.plus);
      const prison = prisons.get(prisoner.prison) ?? getPrison(ctx, prisoner.prison);
      prisons.set(prison.id, prison);
      const migrated = date < prison.goLiveDate;
      const entry = writeEntry(ctx, prisoner, rules, { kind: 'daily', date, parts: row.parts, reason: row.reason, corrects: null, migrated, key: String(index) });
      const day: ScoreDayDoc = { prisonerId: prisoner.id, date, entryId: entry.id, effective: row.parts, corrections: [] };
      ctx.put(c.scoreDays, dayId, day);
      putScoreMonth(ctx, { ...month, plus });
      const updated = addPoints(ctx, prisoner, entry.total, date, rules);
      const unit = prison.units.find((u) => u.id === prisoner.unit);
      if (unit !== undefined && (entry.total < unit.normalDaily.min || entry.total > unit.normalDaily.max)) {
        raiseAlert(ctx, {
          rule: 'PA-01',
          prison: prisoner.prison,
          prisonerId: prisoner.id,
          ruleVersion: `unit ${unit.id} normal ${unit.normalDaily.min}…${unit.normalDaily.max}`,
          message: `${prisoner.id} scored ${entry.total} on ${date}; unit ${unit.id}'s normal day is ${unit.normalDaily.min}…${unit.normalDaily.max}`,
          details: { entryId: entry.id, total: entry.total, min: unit.normalDaily.min, max: unit.normalDaily.max },
          key: String(index),
        });
      }
      if (!migrated && lateBy > rules.lateEntryDays) {
        raiseAlert(ctx, {
          rule: 'PA-02',
          prison: prisoner.prison,
          prisonerId: prisoner.id,
          ruleVersion: pointsRulesVersionOf(rules),
          message: `${prisoner.id}: the score for ${date} was entered on ${today}, ${lateBy} days later (more than ${rules.lateEntryDays})`,
          details: { entryId: entry.id, date, recordedOn: today, daysLate: lateBy, allowed: rules.lateEntryDays },
          key: String(index),
        });
      }
      results.push({ prisonerId: prisoner.id, entryId: entry.id, balance: updated.points.balance });
    });
    return { entries: results };
  },
});
