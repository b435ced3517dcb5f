import type { ContractContext } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';
import { actorOf } from '../contract/context-helpers.ts';
import { putPoints } from '../contract/prisoner-store.ts';
import type { CycleDoc, PartScores, PrisonerDoc, ScoreEntryDoc, ScoreMonthDoc } from '../contract/prison-docs.ts';
import { blockDay, type IsoDate } from '../prison-dates.ts';
import { pointsRulesVersionOf, scoreParts, type PointsRules, type ScorePart } from './points-rules.ts';

export const zeroParts = (): PartScores => ({ supervision: 0, education: 0, labour: 0 });

export function sumParts(parts: PartScores): number {
  return parts.supervision + parts.education + parts.labour;
}

/** The month's base per part for this prisoner (labour or not). */
export function monthlyBaseOf(rules: PointsRules, prisoner: Pick<PrisonerDoc, 'canWork'>): PartScores {
  return prisoner.canWork ? rules.monthlyBase : rules.monthlyBaseWithoutLabour;
}

/** Monthly plus cap of a part: base × numerator / denominator, rounded down. */
export function plusCapOf(rules: PointsRules, prisoner: Pick<PrisonerDoc, 'canWork'>, part: ScorePart): number {
  return Math.floor((monthlyBaseOf(rules, prisoner)[part] * rules.plusCap.numerator) / rules.plusCap.denominator);
}

export function getScoreMonth(ctx: Pick<ContractContext, 'get'>, prisonerId: string, month: string): ScoreMonthDoc {
  const found = ctx.get(c.scoreMonths, `${prisonerId}/${month}`);
  return (found?.doc as ScoreMonthDoc | undefined) ?? { prisonerId, month, plus: zeroParts(), confinementDays: 0, closed: false, punished: false };
}

export function putScoreMonth(ctx: ContractContext, month: ScoreMonthDoc): void {
  ctx.put(c.scoreMonths, `${month.prisonerId}/${month.month}`, month);
}

export interface NewEntry {
  kind: ScoreEntryDoc['kind'];
  date: IsoDate;
  parts: PartScores;
  reason: string;
  corrects: string | null;
  migrated: boolean;
  /** Distinguishes entries of one prisoner in one transaction. */
  key: string;
}

/** Writes a signed score entry; the signer is the officer who answers for it ("谁签字谁负责"). */
export function writeEntry(ctx: ContractContext, prisoner: PrisonerDoc, rules: PointsRules, entry: NewEntry): ScoreEntryDoc {
  const id = `${ctx.txId}:${entry.key}`;
  const doc: ScoreEntryDoc = {
    id,
    kind: entry.kind,
    prisonerId: prisoner.id,
    prison: prisoner.prison,
    unit: prisoner.unit,
    date: entry.date,
    parts: entry.parts,
    total: sumParts(entry.parts),
    reason: entry.reason,
    corrects: entry.corrects,
    officer: actorOf(ctx),
    signer: ctx.signer,
    txId: ctx.txId,
    recordedOn: blockDay(ctx),
    height: ctx.block.height,
    migrated: entry.migrated,
    rules: pointsRulesVersionOf(rules),
  };
  ctx.put(c.scores, id, doc);
  return doc;
}

/**
 * Adds points to the balance, writes them (the points document, not the
 * row) and fills cycles: every `cycleTarget` points
 * since the open cycle began close it as `full`, to be graded. Points above
 * the target carry into the next cycle; a negative balance is kept.
 */
export function addPoints(ctx: ContractContext, prisoner: PrisonerDoc, delta: number, date: IsoDate, rules: PointsRules, punished = false): PrisonerDoc {
  let { balance, cycleNo, cycleStart, punished: cyclePunished } = prisoner.points;
  balance += delta;
  cyclePunished = cyclePunished || punished;
  while (balance - cycleStart >= rules.cycleTarget) {
    const cycle: CycleDoc = {
      prisonerId: prisoner.id,
      prison: prisoner.prison,
      n: cycleNo,
      status: 'full',
      filledOn: date,
      punished: cyclePunished,
      proposed: null,
      grade: null,
      gradedBy: null,
      gradedOn: null,
      rules: pointsRulesVersionOf(rules),
    };
    ctx.put(c.cycles, `${prisoner.id}/${cycleNo}`, cycle);
    ctx.emit('prison.cycle-full', { prisonerId: prisoner.id, n: cycleNo });
    cycleNo += 1;
    cycleStart += rules.cycleTarget;
    cyclePunished = false;
  }
  const points = { balance, cycleNo, cycleStart, punished: cyclePunished };
  putPoints(ctx, prisoner.id, points);
  return { ...prisoner, points };
}

export { scoreParts };
