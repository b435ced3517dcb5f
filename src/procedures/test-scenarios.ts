import { applyAction } from './apply-action.ts';
import type { CaseAction } from './case-action.ts';
import type { CaseDocument, JsonObject } from './case-document.ts';
import type { ProcedureDefinition } from './definition.ts';
import { openCase } from './open-case.ts';
import { at, cst, docHash, member, ok, shippedDefinition } from './test-fixtures.ts';

// The commutation procedure's cast and a path through it, shared by the tests.

export const commutation: ProcedureDefinition = shippedDefinition('commutation');

/** The members of the test network who take part in a commutation. */
export const cast = {
  officer: member('officer-1', 'js-prison-07', 'prison-officer'),
  committee: member('committee-1', 'js-prison-07', 'committee-member'),
  warden: member('warden-1', 'js-prison-07', 'warden'),
  prosecutor: member('prosecutor-1', 'procuratorate', 'prosecutor'),
  judges: [member('judge-1', 'court', 'judge'), member('judge-2', 'court', 'judge'), member('judge-3', 'court', 'judge')] as const,
  president: member('president-1', 'court', 'court-president'),
  otherPrisonOfficer: member('officer-9', 'js-prison-08', 'prison-officer'),
};

/** A prisoner eligible for commutation: 8 years, 30 months served. */
export const prisoner: JsonObject = { sentenceMonths: 96, servedMonths: 30, strictCategory: false, lifeOrDeath: false };

export const proposal = { grounds: 'repentance', proposedReductionMonths: 9, pointsTotal: 1450 };

export const evidenceFor = {
  propose: [
    { type: 'points-record', hash: docHash('points') },
    { type: 'reward-decision', hash: docHash('rewards') },
  ],
  committee: [{ type: 'committee-minutes', hash: docHash('minutes') }],
  head: [
    { type: 'review-form', hash: docHash('review-form') },
    { type: 'proposal-letter', hash: docHash('proposal-letter') },
  ],
  opinion: [{ type: 'opinion-letter', hash: docHash('opinion') }],
  hearing: [{ type: 'hearing-record', hash: docHash('hearing') }],
  ruling: [{ type: 'ruling', hash: docHash('ruling') }],
};

/** Applies an action that must succeed. */
export function act(doc: CaseDocument, action: CaseAction, actor: ReturnType<typeof member>, blockTime: number): CaseDocument {
  return ok(applyAction(commutation, doc, action, at(actor, blockTime, { subject: prisoner })));
}

/** A commutation case opened by the prison on 2024-09-20 10:00 CST. */
export function openCommutation(blockTime = cst('2024-09-20 10:00')): CaseDocument {
  return ok(openCase(commutation, { caseId: 'cm-2024-0001', subject: { type: 'prisoner', id: 'P-320107-0042' } }, at(cast.officer, blockTime, { subject: prisoner })));
}

/** The case moved through the prison's stages into the public notice (entered on Friday 2024-09-27). */
export function commutationInNotice(): CaseDocument {
  let doc = openCommutation();
  doc = act(doc, { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose }, cast.officer, cst('2024-09-23 10:00'));
  doc = act(doc, { kind: 'step', step: 'committee_pass', form: { membersPresent: 11, votesFor: 9 }, evidence: evidenceFor.committee }, cast.committee, cst('2024-09-27 10:00'));
  return doc;
}
