import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { ContractContext } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';
import type { PrisonerDoc, PrisonerPoints } from './prison-docs.ts';

/**
 * A prisoner is stored as two documents: the row (`prison.prisoners`, facts,
 * sentence, dates, indexed by prison, release and eligibility) and the points
 * (`prison.points`: balance and open cycle). PERF: the points change with
 * every score entry; kept apart, a score rewrites ~100 bytes with no index
 * instead of re-serializing, re-hashing and re-indexing the whole row.
 * Readers see one `PrisonerDoc`; rows written before the split carry their
 * points inline and are read as they are.
 */
export type PrisonerRow = Omit<PrisonerDoc, 'points'>;

export interface PointsDoc extends JsonObject, PrisonerPoints {
  prisonerId: string;
}

export const initialPoints = (): PrisonerPoints => ({ balance: 0, cycleNo: 1, cycleStart: 0, punished: false });

type Read = (collection: string, id: string) => JsonObject | undefined;

/** The row and its points as one prisoner, or undefined when there is no row. */
export function readPrisoner(read: Read, id: string): PrisonerDoc | undefined {
  const row = read(c.prisoners, id);
  if (row === undefined) return undefined;
  return withPoints(row, read(c.points, id));
}

/** A stored row with its points document (or its inline points, or none yet). */
export function withPoints(row: JsonObject, points: JsonObject | undefined): PrisonerDoc {
  const doc = row as PrisonerDoc;
  if (points === undefined) return { ...doc, points: (doc.points as PrisonerPoints | undefined) ?? initialPoints() };
  const { balance, cycleNo, cycleStart, punished } = points as PointsDoc;
  return { ...doc, points: { balance, cycleNo, cycleStart, punished } };
}

/** Writes the prisoner's row; its points are written by `putPoints` only. */
export function putPrisoner(ctx: Pick<ContractContext, 'put'>, prisoner: PrisonerDoc): void {
  const { points, ...row } = prisoner;
  void points;
  ctx.put(c.prisoners, prisoner.id, row satisfies PrisonerRow);
}

export function putPoints(ctx: Pick<ContractContext, 'put'>, prisonerId: string, points: PrisonerPoints): void {
  const doc: PointsDoc = { prisonerId, ...points };
  ctx.put(c.points, prisonerId, doc);
}
