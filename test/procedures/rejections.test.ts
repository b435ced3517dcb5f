// Every rejection as a failed transaction on the ledger, with its own stable
// code, that writes nothing: the state table is byte-for-byte the same after
// the block that carried it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../src/crypto/canonical-json.ts';
import { anchorAll, evidenceFor, networkSpec, prisonerFacts, proposal, recordSubject, register } from './support/cast.ts';
import { createNetworkFixture, cst, docHash, openNetwork, shippedDefinitionJson, type NetworkFixture, type ProcedureNetwork } from './support/procedure-network.ts';

let fixture: NetworkFixture;
let net: ProcedureNetwork;
let commutationCase = '';
let reliefCase = '';
let clock = cst('2024-09-20 11:00');
const items = [
  { sku: 'MASK-N95', quantity: 1200 },
  { sku: 'GLOVE-M', quantity: 240 },
];

before(async () => {
  fixture = await createNetworkFixture(networkSpec);
  net = openNetwork(fixture);
  net.enrollAll(cst('2024-09-01 09:00'));
  register(net, cst('2024-09-02 09:00'), shippedDefinitionJson('commutation'));
  register(net, cst('2024-09-02 09:10'), shippedDefinitionJson('relief-allocation'));
  recordSubject(net, cst('2024-09-02 10:00'), 'officer-1', 'prisoner', 'P-1', prisonerFacts);
  recordSubject(net, cst('2024-09-02 10:00'), 'officer-1', 'prisoner', 'P-NEW', { ...prisonerFacts, servedMonths: 6 });
  recordSubject(net, cst('2024-09-02 10:00'), 'clerk-1', 'relief-request', 'JH-C12-0001', { households: 120 }, 'jianghan-c12');
  anchorAll(net, cst('2024-09-02 11:00'), [...Object.values(evidenceFor).flat(), { type: 'allocation-sheet', hash: docHash('sheet') }]);
  commutationCase = net.call(cst('2024-09-20 10:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } }).txId;
  reliefCase = net.call(cst('2024-09-20 10:00'), 'clerk-1', 'procedures', 'openCase', { procedure: 'relief-allocation', subject: { type: 'relief-request', id: 'JH-C12-0001' } }).txId;
  const verified = net.call(cst('2024-09-20 10:30'), 'health-1', 'procedures', 'act', { caseId: reliefCase, action: { kind: 'step', step: 'verify', form: { priority: 'urgent', items } } });
  assert.ok(verified.ok, verified.code);
});
after(() => net.close());

/** Submits one call in its own block and checks it fails with `code`, naming `words`, and that the state did not change. */
function refused(by: string, fn: string, args: JsonObject, code: string, words: readonly string[] = []): void {
  clock += 60_000;
  const before = net.stateSnapshot();
  const outcome = net.call(clock, by, 'procedures', fn, args);
  assert.equal(outcome.code, code, `${by} ${fn} ${JSON.stringify(args).slice(0, 120)}`);
  const message = outcome.result.status === 'failed' ? (outcome.result as unknown as { message: string }).message : '';
  for (const word of words) assert.ok(message.includes(word), `message "${message}" should name "${word}"`);
  assert.equal(net.stateSnapshot(), before, `${code}: nothing written`);
}

const act = (caseId: string, action: JsonObject) => ({ caseId, action });
const propose = (changes: JsonObject = {}) => act(commutationCase, { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose, ...changes });

test('PROC_STEP_NOT_ALLOWED: a step by the wrong role, or by an officer of another prison', () => {
  refused('warden-1', 'act', propose(), 'PROC_STEP_NOT_ALLOWED', ['warden-1', 'prison-officer@$case']);
  refused('officer-9', 'act', propose(), 'PROC_STEP_NOT_ALLOWED', ['officer-9']);
  refused('judge-1', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } }, 'PROC_STEP_NOT_ALLOWED');
});

test('PROC_FORM_INVALID: form data that fails the step’s schema', () => {
  refused('officer-1', 'act', propose({ form: { ...proposal, proposedReductionMonths: 'nine' } }), 'PROC_FORM_INVALID', ['proposedReductionMonths']);
  refused('officer-1', 'act', propose({ form: { ...proposal, extra: true } }), 'PROC_FORM_INVALID');
});

test('PROC_EVIDENCE_MISSING / _NOT_ANCHORED / _INVALID: documents missing, not anchored by the notary, or not asked for', () => {
  refused('officer-1', 'act', propose({ evidence: [evidenceFor.propose[0]!] }), 'PROC_EVIDENCE_MISSING', ['reward-decision']);
  refused('officer-1', 'act', propose({ evidence: [evidenceFor.propose[0]!, { type: 'reward-decision', hash: docHash('never anchored') }] }), 'PROC_EVIDENCE_NOT_ANCHORED');
  refused('officer-1', 'act', propose({ evidence: [...evidenceFor.propose, { type: 'ruling', hash: docHash('ruling') }] }), 'PROC_EVIDENCE_INVALID', ['ruling']);
});

test('PROC_GUARD_FALSE: a reduction above the cap for the grounds; an ineligible prisoner cannot be proposed', () => {
  refused('officer-1', 'act', propose({ form: { ...proposal, proposedReductionMonths: 12 } }), 'PROC_GUARD_FALSE');
  refused('officer-1', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-NEW' } }, 'PROC_GUARD_FALSE');
  refused('officer-1', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-UNKNOWN' } }, 'PROC_GUARD_ERROR', ['failed to evaluate']);
});

test('PROC_STEP_WRONG_STATE / PROC_STEP_UNKNOWN / PROC_ACTION_INVALID / PROC_CASE_INVALID', () => {
  refused('warden-1', 'act', act(commutationCase, { kind: 'step', step: 'head_approve', evidence: evidenceFor.head }), 'PROC_STEP_WRONG_STATE', ['draft']);
  refused('officer-1', 'act', act(commutationCase, { kind: 'step', step: 'parole' }), 'PROC_STEP_UNKNOWN');
  refused('officer-1', 'act', act(commutationCase, { kind: 'approve', step: 'propose' }), 'PROC_ACTION_INVALID', ['collects no approvals']);
  refused('officer-1', 'act', act(commutationCase, { kind: 'dance' }), 'PROC_ACTION_INVALID');
  refused('officer-1', 'openCase', { procedure: 'commutation', subject: { type: 'relief-request', id: 'P-1' } }, 'PROC_CASE_INVALID');
  refused('officer-1', 'act', act('no-such-case', { kind: 'comment', text: 'x' }), 'RUNTIME_NOT_FOUND');
  refused('officer-1', 'openCase', { procedure: 'parole', subject: { type: 'prisoner', id: 'P-1' } }, 'RUNTIME_NOT_FOUND');
});

test('a missing approval: one organization of two leaves the allocation pending; the case cannot move on; no approval twice', () => {
  clock += 60_000;
  const first = net.call(clock, 'store-1', 'procedures', 'act', act(reliefCase, { kind: 'approve', step: 'allocate' }));
  assert.ok(first.ok);
  assert.equal(net.caseRecord(reliefCase).case.state, 'verified', 'the charity alone is not enough');
  refused('store-1', 'act', act(reliefCase, { kind: 'approve', step: 'allocate' }), 'PROC_APPROVAL_DUPLICATE', ['store-1']);
  refused('driver-1', 'act', act(reliefCase, { kind: 'step', step: 'dispatch', form: { vehicle: '鄂A·12345' }, evidence: [{ type: 'waybill', hash: docHash('wb') }] }), 'PROC_APPROVALS_PENDING', ['allocate']);
  // The health commission's approval completes the step (and must bring the allocation sheet).
  refused('health-1', 'act', act(reliefCase, { kind: 'step', step: 'allocate' }), 'PROC_EVIDENCE_MISSING', ['allocation-sheet']);
  clock += 60_000;
  const second = net.call(clock, 'health-1', 'procedures', 'act', act(reliefCase, { kind: 'step', step: 'allocate', evidence: [{ type: 'allocation-sheet', hash: docHash('sheet') }] }));
  assert.ok(second.ok, second.code);
  assert.equal(net.caseRecord(reliefCase).case.state, 'allocated');
});

test('PROC_CASE_CLOSED: nothing happens to a withdrawn case', () => {
  clock += 60_000;
  assert.ok(net.call(clock, 'warden-1', 'procedures', 'act', act(commutationCase, { kind: 'withdraw', reason: 'transferred' })).ok);
  refused('officer-1', 'act', propose(), 'PROC_CASE_CLOSED', ["'withdrawn'"]);
  refused('officer-1', 'act', act(commutationCase, { kind: 'comment', text: 'late remark' }), 'PROC_CASE_CLOSED');
});
