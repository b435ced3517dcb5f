import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { ContractContext } from '../../../runtime/contract.ts';
import { procedureCollections } from '../../../procedures/contract/index.ts';
import type { CaseDocument, HistoryEntry } from '../../../procedures/index.ts';
import { chinaDayOf } from '../../../procedures/civil-date.ts';
import { fromDayNumber } from '../eligibility/iso-date.ts';
import { prisonError } from '../prison-error.ts';
import type { IsoDate } from '../prison-dates.ts';

/** The procedures whose cases the prison contract acts on. */
export const prisonerProcedures = ['commutation', 'parole', 'death-reprieve-reduction'] as const;
export type PrisonerProcedure = (typeof prisonerProcedures)[number];

export interface PrisonerCase {
  caseDoc: CaseDocument;
  procedure: PrisonerProcedure;
  prisonerId: string;
}

/** A case about a prisoner, read from the procedures contract's state (PRISON_CASE_NOT_FOUND otherwise). */
export function prisonerCaseOf(ctx: Pick<ContractContext, 'get'>, caseId: string): PrisonerCase {
  const stored = ctx.get(procedureCollections.cases, caseId);
  const caseDoc = (stored?.doc['case'] ?? undefined) as CaseDocument | undefined;
  const procedure = caseDoc?.procedure.id;
  if (caseDoc === undefined || caseDoc.subject.type !== 'prisoner' || !(prisonerProcedures as readonly string[]).includes(procedure ?? '')) {
    throw prisonError('PRISON_CASE_NOT_FOUND', `no commutation, parole or reprieve case ${caseId} about a prisoner`, { caseId });
  }
  return { caseDoc, procedure: procedure as PrisonerProcedure, prisonerId: caseDoc.subject.id };
}

export function assertCaseState(found: PrisonerCase, states: readonly string[]): void {
  if (!states.includes(found.caseDoc.state)) {
    throw prisonError('PRISON_CASE_WRONG_STATE', `case ${found.caseDoc.id} is at ${found.caseDoc.state}; this needs ${states.join(' or ')}`, { caseId: found.caseDoc.id, state: found.caseDoc.state });
  }
}

/** `memberId@org` of a history entry, as the prison contract names actors. */
export const actorName = (entry: HistoryEntry): string | null => (entry.by === null ? null : `${entry.by.memberId}@${entry.by.org}`);

/** The China Standard Time day of an instant (block time). */
export const dayOf = (time: number): IsoDate => fromDayNumber(chinaDayOf(time));

/** The completed form of a step (`case.data.<step>`), if taken. */
export function formOf(caseDoc: CaseDocument, step: string): JsonObject | undefined {
  const data = caseDoc.data as Record<string, JsonObject | undefined>;
  return data[step];
}
