import { Type } from '@sinclair/typebox';
import { defineFunction, type ContractContext, type ContractFunction } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';
import { dateArg, hashArg, monthArg, prisonerIdArg, reasonArg, strict } from '../contract/arg-schemas.ts';
import { actorOf, assertInCustody, assertSamePrison, currentLevels, currentPointsRules, getPrisoner } from '../contract/context-helpers.ts';
import type { CycleDoc, PartScores, PrisonerDoc, ScoreEntryDoc } from '../contract/prison-docs.ts';
import { prisonError } from '../prison-error.ts';
import { addDays, assertIsoDate, blockDay, daysFrom, monthBounds, monthOf, type IsoDate } from '../prison-dates.ts';
import { putPrisoner } from '../contract/prisoner-store.ts';
import { savePrisoner } from '../registry/registry-functions.ts';
import { pointsRulesVersionOf, scoreParts } from './points-rules.ts';
import { correctEntry } from './correct-entry.ts';
import { checkScoringDate, scoreDay } from './score-day.ts';
import { addPoints, getScoreMonth, monthlyBaseOf, putScoreMonth, writeEntry, zeroParts } from './score-ledger.ts';

/**
 * Grants a month's base (月基础分) to each listed prisoner: per part, the
 * base × days in custody and not in confinement ÷ days in the month,
 * rounded down (base is 0 during 禁闭). Only after the month has ended, once.
 */
const closeMonth = defineFunction({
  args: Type.Object({ month: monthArg, prisonerIds: Type.Array(prisonerIdArg, { minItems: 1, maxItems: 200 }) }, strict),
  handler(ctx, args) {
    const rules = currentPointsRules(ctx);
    const { first, last, days } = monthBounds(args.month);
    const today = blockDay(ctx);
    if (last >= today) throw prisonError('PRISON_MONTH_NOT_ENDED', `${args.month} ends on ${last}; today is ${today}`, { month: args.month });
    const granted: { prisonerId: string; base: number }[] = [];
    args.prisonerIds.forEach((id, index) => {
      const prisoner = getPrisoner(ctx, id);
      checkScoringDate(ctx, prisoner, last);
      const month = getScoreMonth(ctx, prisoner.id, args.month);
      if (month.closed) throw prisonError('PRISON_MONTH_ALREADY_CLOSED', `${args.month} is already closed for ${prisoner.id}`, { prisonerId: prisoner.id, month: args.month });
      const from = prisoner.admittedOn > first ? prisoner.admittedOn : first;
      const inCustody = daysFrom(from, last) + 1;
      const assessed = Math.max(0, inCustody - month.confinementDays);
      const base = monthlyBaseOf(rules, prisoner);
      const parts: PartScores = zeroParts();
      for (const part of scoreParts) parts[part] = Math.floor((base[part] * assessed) / days);
      const entry = writeEntry(ctx, prisoner, rules, {
        kind: 'base',
        date: last,
        parts,
        reason: `base for ${args.month}: ${assessed} of ${days} days assessed`,
        corrects: null,
        migrated: false,
        key: String(index),
      });
      putScoreMonth(ctx, { ...month, closed: true });
      addPoints(ctx, prisoner, entry.total, last, rules);
      granted.push({ prisonerId: prisoner.id, base: entry.total });
    });
    return { month: args.month, granted };
  },
});

/** 专项加分: at most `perAwardMax` an award and `perYearMax` a calendar year. */
const awardSpecialBonus = defineFunction({
  args: Type.Object({ prisonerId: prisonerIdArg, date: dateArg, points: Type.Integer({ minimum: 1, maximum: 10_000 }), reason: reasonArg, evidenceHash: hashArg }, strict),
  handler(ctx, args) {
    const rules = currentPointsRules(ctx);
    const date = assertIsoDate(args.date, 'date');
    const prisoner = getPrisoner(ctx, args.prisonerId);
    checkScoringDate(ctx, prisoner, date);
    if (args.points > rules.specialBonus.perAwardMax) {
      throw prisonError('PRISON_BONUS_ABOVE_CAP', `a special bonus is at most ${rules.specialBonus.perAwardMax} (${pointsRulesVersionOf(rules)})`, { points: args.points });
    }
    const year = date.slice(0, 4);
    const earlier = ctx
      .query(c.scores, { index: 'byPrisoner', equals: [prisoner.id], range: { gte: `${year}-01-01`, lte: `${year}-12-31` }, limit: 1000 })
      .map((d) => d.doc as ScoreEntryDoc)
      .filter((e) => e.kind === 'bonus')
      .reduce((sum, e) => sum + e.total, 0);
    if (earlier + args.points > rules.specialBonus.perYearMax) {
      throw prisonError('PRISON_BONUS_ABOVE_CAP', `special bonuses in ${year} would reach ${earlier + args.points}, above ${rules.specialBonus.perYearMax}`, { earlier, points: args.points });
    }
    // The bonus is not a part's daily score; it is booked under supervision for the part totals.
    const entry = writeEntry(ctx, prisoner, rules, { kind: 'bonus', date, parts: { ...zeroParts(), supervision: args.points }, reason: args.reason, corrects: null, migrated: false, key: 'b' });
    const updated = addPoints(ctx, prisoner, entry.total, date, rules);
    return { entryId: entry.id, balance: updated.points.balance };
  },
});

/**
 * The points deducted for a punishment decided under Prison Law art. 58
 * (警告 / 记过 / 禁闭). The decision itself is a procedure; this books its
 * deduction, marks the cycle as punished and, for confinement, the days on
 * which no base accrues.
 */
const recordDeduction = defineFunction({
  args: Type.Object(
    {
      prisonerId: prisonerIdArg,
      date: dateArg,
      punishment: Type.Union([Type.Literal('warning'), Type.Literal('demerit'), Type.Literal('confinement')]),
      confinementDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
      decisionHash: hashArg,
      reason: reasonArg,
    },
    strict,
  ),
  handler(ctx, args) {
    const rules = currentPointsRules(ctx);
    const date = assertIsoDate(args.date, 'date');
    const prisoner = getPrisoner(ctx, args.prisonerId);
    checkScoringDate(ctx, prisoner, date);
    const days = args.confinementDays ?? 0;
    if (args.punishment === 'confinement' ? days < rules.confinementDays.min || days > rules.confinementDays.max : days !== 0) {
      throw prisonError('PRISON_BAD_CONFINEMENT', `confinement lasts ${rules.confinementDays.min} to ${rules.confinementDays.max} days; other punishments have none (got ${days})`, { days });
    }
    const points = rules.deductions[args.punishment];
    const entry = writeEntry(ctx, prisoner, rules, { kind: 'deduction', date, parts: { ...zeroParts(), supervision: -points }, reason: `${args.punishment}: ${args.reason}`, corrects: null, migrated: false, key: 'd' });
    // Spread confinement days over the months they fall in.
    const perMonth = new Map<string, number>();
    for (let i = 0; i < days; i += 1) {
      const month = monthOf(addDays(date, i));
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    if (days === 0) perMonth.set(monthOf(date), 0);
    for (const [month, count] of [...perMonth.entries()].sort()) {
      const doc = getScoreMonth(ctx, prisoner.id, month);
      putScoreMonth(ctx, { ...doc, confinementDays: doc.confinementDays + count, punished: true });
    }
    const updated = addPoints(ctx, prisoner, entry.total, date, rules, true);
    return { entryId: entry.id, deducted: points, balance: updated.points.balance };
  },
});

const gradeArg = Type.Union([Type.Literal('commendation'), Type.Literal('material-reward'), Type.Literal('none')]);

function getCycle(ctx: ContractContext, prisonerId: string, n: number, status: CycleDoc['status']): CycleDoc {
  const found = ctx.get(c.cycles, `${prisonerId}/${n}`);
  if (found === undefined || found.doc['status'] !== status) {
    throw prisonError('PRISON_CYCLE_NOT_FULL', `cycle ${n} of ${prisonerId} is ${found === undefined ? 'not full' : String(found.doc['status'])}, not ${status}`, { prisonerId, n });
  }
  return found.doc as CycleDoc;
}

function assertGradeAllowed(cycle: CycleDoc, grade: string, punishmentBlocksReward: boolean): void {
  if (grade !== 'none' && cycle.punished && punishmentBlocksReward) {
    throw prisonError('PRISON_GRADE_NOT_ALLOWED', `cycle ${cycle.n} of ${cycle.prisonerId} saw a punishment: no reward grade`, { n: cycle.n });
  }
}

/** The unit group (监区) proposes the cycle's grade, with its minutes. */
const proposeGrade = defineFunction({
  args: Type.Object({ prisonerId: prisonerIdArg, cycleNo: Type.Integer({ minimum: 1 }), grade: gradeArg, minutesHash: hashArg }, strict),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertSamePrison(ctx, prisoner.prison);
    const cycle = getCycle(ctx, prisoner.id, args.cycleNo, 'full');
    assertGradeAllowed(cycle, args.grade, currentPointsRules(ctx).punishmentBlocksReward);
    ctx.put(c.cycles, `${prisoner.id}/${cycle.n}`, { ...cycle, status: 'proposed', proposed: { grade: args.grade, by: actorOf(ctx), minutesHash: args.minutesHash, on: blockDay(ctx) } });
    return { n: cycle.n, status: 'proposed' };
  },
});

/**
 * The prison group decides the grade; its signer may not be the unit's
 * proposer. A commendation or material reward joins the prisoner's record
 * the calculators read, and the eligibility dates are recomputed.
 */
const confirmGrade = defineFunction({
  args: Type.Object({ prisonerId: prisonerIdArg, cycleNo: Type.Integer({ minimum: 1 }), grade: gradeArg }, strict),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertSamePrison(ctx, prisoner.prison);
    const cycle = getCycle(ctx, prisoner.id, args.cycleNo, 'proposed');
    const actor = actorOf(ctx);
    if (cycle.proposed?.by === actor) throw prisonError('PRISON_SAME_PERSON', `${actor} proposed this grade and may not also confirm it`, { actor });
    assertGradeAllowed(cycle, args.grade, currentPointsRules(ctx).punishmentBlocksReward);
    const today = blockDay(ctx);
    ctx.put(c.cycles, `${prisoner.id}/${cycle.n}`, { ...cycle, status: 'graded', grade: args.grade, gradedBy: actor, gradedOn: today });
    let updated: PrisonerDoc = prisoner;
    if (args.grade !== 'none') updated = savePrisoner(ctx, { ...prisoner, commendations: [...prisoner.commendations, today], version: prisoner.version + 1 });
    ctx.emit('prison.cycle-graded', { prisonerId: prisoner.id, n: cycle.n, grade: args.grade });
    return { n: cycle.n, grade: args.grade, nextEligibility: updated.nextEligibility };
  },
});

const setManagementLevel = defineFunction({
  args: Type.Object({ prisonerId: prisonerIdArg, level: Type.String({ maxLength: 32 }), reason: reasonArg }, strict),
  handler(ctx, args) {
    const prisoner = getPrisoner(ctx, args.prisonerId);
    assertSamePrison(ctx, prisoner.prison);
    assertInCustody(prisoner);
    const levels = currentLevels(ctx);
    if (!levels.levels.some((l) => l.id === args.level)) throw prisonError('PRISON_UNKNOWN_LEVEL', `no management level ${args.level} in ${levels.id}@${levels.version}`, { level: args.level });
    const from: IsoDate = blockDay(ctx);
    putPrisoner(ctx, { ...prisoner, level: args.level, version: prisoner.version + 1 });
    ctx.put(c.levels, `${prisoner.id}/${ctx.txId}`, { prisonerId: prisoner.id, level: args.level, previous: prisoner.level, from, reason: args.reason, by: actorOf(ctx), rules: `${levels.id}@${levels.version}`, height: ctx.block.height });
    return { level: args.level };
  },
});

export const pointsFunctions: Record<string, ContractFunction> = {
  scoreDay,
  correctEntry,
  closeMonth,
  awardSpecialBonus,
  recordDeduction,
  proposeGrade,
  confirmGrade,
  setManagementLevel,
};
