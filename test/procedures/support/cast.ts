// The network both shipped definitions run on in these tests, and helpers
// to register definitions through governance.
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/crypto/canonical-json.ts';
import { cst, docHash, type MemberSpec, type NetworkSpec, type ProcedureNetwork } from './procedure-network.ts';

export const orgs = ['js-prison-07', 'js-prison-08', 'procuratorate', 'court', 'health-commission', 'charity', 'jianghan-c12', 'jianghan-c13'];
export const roles = ['admin', 'prison-officer', 'committee-member', 'warden', 'prosecutor', 'judge', 'court-president', 'clerk', 'officer', 'director', 'warehouse-manager', 'logistics', 'coordinator'];

const m = (memberId: string, org: string, ...memberRoles: string[]): MemberSpec => ({ memberId, org, roles: memberRoles });

export const members: MemberSpec[] = [
  m('admin-prison', 'js-prison-07', 'admin'),
  m('admin-procuratorate', 'procuratorate', 'admin'),
  m('admin-court', 'court', 'admin'),
  m('officer-1', 'js-prison-07', 'prison-officer'),
  m('officer-2', 'js-prison-07', 'prison-officer', 'committee-member'),
  m('committee-1', 'js-prison-07', 'committee-member'),
  m('warden-1', 'js-prison-07', 'warden'),
  m('officer-9', 'js-prison-08', 'prison-officer', 'warden'),
  m('prosecutor-1', 'procuratorate', 'prosecutor'),
  m('prosecutor-2', 'procuratorate', 'prosecutor'),
  m('judge-1', 'court', 'judge'),
  m('judge-2', 'court', 'judge'),
  m('judge-3', 'court', 'judge'),
  m('president-1', 'court', 'court-president'),
  m('clerk-1', 'jianghan-c12', 'clerk'),
  m('clerk-2', 'jianghan-c13', 'clerk'),
  m('health-1', 'health-commission', 'officer'),
  m('health-9', 'health-commission', 'director'),
  m('store-1', 'charity', 'warehouse-manager'),
  m('driver-1', 'charity', 'logistics'),
];

/** Genesis on 2019-01-02 (CST), before every block of the tests. */
export const networkSpec: NetworkSpec = { orgs, roles, members, start: cst('2019-01-02 00:00') };

/** A prisoner eligible for commutation: 8 years, 30 months served. */
export const prisonerFacts: JsonObject = { sentenceMonths: 96, servedMonths: 30, strictCategory: false, lifeOrDeath: false };

export const proposal = { grounds: 'repentance', proposedReductionMonths: 9, pointsTotal: 1450 };

/** Evidence for each step of a commutation (hashes the tests anchor through the notary first). */
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

/** Anchors every hash with the notary, in one block at `time`. */
export function anchorAll(net: ProcedureNetwork, time: number, hashes: readonly { type: string; hash: string }[], by = 'officer-1'): void {
  const outcomes = net.block(
    time,
    hashes.map(({ type, hash }) => ({ by, contract: 'notary', fn: 'anchor', args: { hash, title: type, type } })),
  );
  for (const outcome of outcomes) assert.ok(outcome.ok, `anchor failed: ${outcome.code}`);
}

/**
 * Registers a definition through governance: proposed by the court's admin,
 * approved by the procuratorate's admin (the policy asks two admins). Returns
 * the height of the adopting block; the definition is usable from the next.
 */
export function register(net: ProcedureNetwork, time: number, definition: JsonObject): number {
  const proposed = net.call(time, 'admin-court', 'governance', 'propose', {
    action: 'registerProcedure',
    title: `register ${String(definition['id'])} v${String(definition['version'])}`,
    payload: { id: definition['id'] as string, version: definition['version'] as number, definition },
  });
  assert.ok(proposed.ok, `proposal refused: ${proposed.code} ${proposed.result.status === 'failed' ? proposed.result.message : ''}`);
  const proposalId = (proposed.value as { proposal: string }).proposal;
  const approved = net.call(time, 'admin-procuratorate', 'governance', 'approve', { proposal: proposalId });
  assert.ok(approved.ok, `approval refused: ${approved.code}`);
  assert.equal((approved.value as { status: string }).status, 'adopted');
  return net.ledger.head().height;
}

/** Records a subject's facts (for guards) through `procedures.recordSubject`. */
export function recordSubject(net: ProcedureNetwork, time: number, by: string, type: string, id: string, facts: JsonObject, unit?: string): void {
  const outcome = net.call(time, by, 'procedures', 'recordSubject', { type, id, facts, ...(unit === undefined ? {} : { unit }) });
  assert.ok(outcome.ok, `recordSubject failed: ${outcome.code}`);
}

/** The failure message of an outcome ('' when it succeeded). */
export function messageOf(outcome: { result: { status: string } }): string {
  return outcome.result.status === 'failed' ? (outcome.result as unknown as { message: string }).message : '';
}
