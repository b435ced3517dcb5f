import { Type } from '@sinclair/typebox';
import { defineFunction } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';
import { reasonArg, strict } from '../contract/arg-schemas.ts';
import { currentPointsRules, getPrisoner } from '../contract/context-helpers.ts';
import type { ScoreDayDoc, ScoreEntryDoc } from '../contract/prison-docs.ts';
import { prisonError } from '../prison-error.ts';
import { monthOf } from '../prison-dates.ts';
import { scoreParts } from './points-rules.ts';
import { checkDayValues, checkScoringDate, partScoresArg } from './score-day.ts';
import { addPoints, getScoreMonth, putScoreMonth, sumParts, writeEntry } from './score-ledger.ts';

/**
 * A correction is a new signed entry with a reason, never an edit: it
 * carries the difference to the day's effective values and points at the
 * entry it corrects. The day's new values pass the same caps.
 */
export const correctEntry = defineFunction({
  args: Type.Object({ entryId: Type.String({ minLength: 1, maxLength: 120 }), parts: partScoresArg, reason: reasonArg }, strict),
  handler(ctx, args) {
    const original = ctx.get(c.scores, args.entryId);
    if (original === undefined || original.doc['kind'] !== 'daily') throw prisonError('PRISON_ENTRY_NOT_FOUND', `no daily score entry ${args.entryId}`, { entryId: args.entryId });
    const entry = original.doc as ScoreEntryDoc;
    const prisoner = getPrisoner(ctx, entry.prisonerId);
    checkScoringDate(ctx, prisoner, entry.date);
    const dayId = `${prisoner.id}/${entry.date}`;
    const day = ctx.get(c.scoreDays, dayId)!.doc as ScoreDayDoc;
    const delta = { supervision: 0, education: 0, labour: 0 };
    for (const part of scoreParts) delta[part] = args.parts[part] - day.effective[part];
    if (scoreParts.every((part) => delta[part] === 0)) throw prisonError('PRISON_CORRECTION_EMPTY', `the values equal the day's effective values`, { entryId: args.entryId });
    const rules = currentPointsRules(ctx);
    const month = getScoreMonth(ctx, prisoner.id, monthOf(entry.date));
    const plus = checkDayValues(rules, prisoner, entry.date, args.parts, day.effective, month.plus);
    const correction = writeEntry(ctx, prisoner, rules, { kind: 'correction', date: entry.date, parts: delta, reason: args.reason, corrects: entry.id, migrated: entry.migrated, key: 'c' });
    ctx.put(c.scoreDays, dayId, { ...day, effective: args.parts, corrections: [...day.corrections, correction.id] });
    putScoreMonth(ctx, { ...month, plus });
    const updated = addPoints(ctx, prisoner, sumParts(delta), entry.date, rules);
    return { entryId: correction.id, corrects: entry.id, delta, balance: updated.points.balance };
  },
});
