// Registration through governance: too few approvals register nothing; an
// adopted definition is usable from the next block with its hash on the
// ledger; every static check refuses a definition at proposal, naming the
// problem; retirement and the working-day calendar go through governance too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { canonicalize, type JsonObject } from '../../src/crypto/canonical-json.ts';
import { loadShippedCalendar } from '../../src/procedures/contract/index.ts';
import { procedureRegistryCollection } from '../../src/runtime/system/governance-contract.ts';
import { anchorAll, evidenceFor, messageOf, networkSpec, prisonerFacts, proposal, recordSubject, register } from './support/cast.ts';
import { createNetworkFixture, cst, openNetwork, shippedDefinitionJson, type NetworkFixture, type ProcedureNetwork } from './support/procedure-network.ts';

let fixture: NetworkFixture;
let net: ProcedureNetwork;
before(async () => {
  fixture = await createNetworkFixture(networkSpec);
});
after(() => net?.close());

const commutation = shippedDefinitionJson('commutation');
const propose = (definition: JsonObject) => ({
  action: 'registerProcedure',
  title: 'register',
  payload: { id: definition['id'] as string, version: definition['version'] as number, definition },
});

test('a definition needs the approvals its policy asks; adopted, it is usable from the next block, with its hash stored', () => {
  net = openNetwork(fixture);
  net.enrollAll(cst('2024-09-01 09:00'));
  const t = cst('2024-09-02 09:00');
  const proposed = net.call(t, 'admin-court', 'governance', 'propose', propose(commutation));
  assert.ok(proposed.ok, messageOf(proposed));
  assert.equal((proposed.value as { status: string }).status, 'open', 'one admin of the two the policy asks');
  assert.equal(net.ledger.state.get(procedureRegistryCollection, 'commutation@1'), undefined, 'not registered with one approval');
  const early = net.call(t, 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } });
  assert.equal(early.code, 'RUNTIME_NOT_FOUND');

  // The second approval adopts it; a case opened in the same block is still refused.
  const proposalId = (proposed.value as { proposal: string }).proposal;
  const [approved, sameBlock] = net.block(t + 60_000, [
    { by: 'admin-procuratorate', contract: 'governance', fn: 'approve', args: { proposal: proposalId } },
    { by: 'officer-1', contract: 'procedures', fn: 'openCase', args: { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } } },
  ]);
  assert.equal((approved?.value as { status: string }).status, 'adopted');
  assert.equal(sameBlock?.code, 'RUNTIME_NOT_FOUND', 'in force from the block after adoption');

  const stored = net.ledger.state.get(procedureRegistryCollection, 'commutation@1')?.doc;
  assert.ok(stored !== undefined);
  assert.equal(stored['status'], 'active');
  assert.equal(stored['from'], net.ledger.head().height + 1);
  const expectedHash = createHash('sha256')
    .update(Buffer.concat([Buffer.from('custos/v1/procedure-definition\u0000', 'utf8'), Buffer.from(canonicalize(commutation), 'utf8')]))
    .digest('hex');
  assert.equal(stored['hash'], expectedHash, 'H(tag || 0x00 || JCS(definition))');

  recordSubject(net, cst('2024-09-02 10:00'), 'officer-1', 'prisoner', 'P-1', prisonerFacts, 'JS-07-3');
  const opened = net.call(cst('2024-09-02 11:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } });
  assert.ok(opened.ok, messageOf(opened));
  assert.deepEqual(opened.value, { caseId: opened.txId, procedure: 'commutation', version: 1, hash: expectedHash, state: 'draft' });

  const again = net.call(cst('2024-09-02 12:00'), 'admin-court', 'governance', 'propose', propose(commutation));
  assert.equal(again.code, 'RUNTIME_CONFLICT', 'a version is registered once');
  const mismatch = net.call(cst('2024-09-02 12:00'), 'admin-court', 'governance', 'propose', { ...propose(commutation), payload: { id: 'commutation', version: 2, definition: commutation } });
  assert.equal(mismatch.code, 'RUNTIME_BAD_ARGS');
  assert.match(messageOf(mismatch), /commutation@2 but the definition is commutation@1/);
});

test('a case keeps the version it opened on after a newer one is registered; retired versions open no new cases', () => {
  const t = cst('2024-09-03 09:00');
  const caseId = net.call(t, 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } }).txId;
  assert.equal(net.caseRecord(caseId).case.procedure.version, 1);

  // Version 2 shortens the notice to three working days.
  const v2 = structuredClone(commutation) as JsonObject & { deadlines: JsonObject[] };
  v2['version'] = 2;
  v2.deadlines[0] = { ...v2.deadlines[0], duration: { workingDays: 3 } };
  register(net, cst('2024-09-03 10:00'), v2);

  const newer = net.call(cst('2024-09-03 11:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } });
  assert.equal((newer.value as { version: number }).version, 2, 'the newest version in force');
  const pinned = net.call(cst('2024-09-03 11:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', version: 1, subject: { type: 'prisoner', id: 'P-1' } });
  assert.equal((pinned.value as { version: number }).version, 1, 'an older version on request');

  anchorAll(net, cst('2024-09-03 12:00'), [...evidenceFor.propose, ...evidenceFor.committee]);
  const step = net.call(cst('2024-09-04 10:00'), 'officer-1', 'procedures', 'act', { caseId, action: { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose } });
  assert.ok(step.ok, messageOf(step));
  net.call(cst('2024-09-04 11:00'), 'committee-1', 'procedures', 'act', { caseId, action: { kind: 'step', step: 'committee_pass', form: { membersPresent: 11, votesFor: 9 }, evidence: evidenceFor.committee } });
  const record = net.caseRecord(caseId);
  assert.deepEqual(record.case.procedure, { id: 'commutation', version: 1 });
  assert.equal(record.case.deadlines[0]?.lastDay, '2024-09-11', 'five working days of v1 (9-05 … 9-11), not three of v2');

  // Retire v2: from the next block no case opens on it; the newest usable is v1 again.
  const proposed = net.call(cst('2024-09-05 09:00'), 'admin-court', 'governance', 'propose', { action: 'retireProcedure', title: 'retire v2', payload: { id: 'commutation', version: 2 } });
  net.call(cst('2024-09-05 09:01'), 'admin-prison', 'governance', 'approve', { proposal: (proposed.value as { proposal: string }).proposal });
  const afterRetire = net.call(cst('2024-09-05 10:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } });
  assert.equal((afterRetire.value as { version: number }).version, 1);
  const retired = net.call(cst('2024-09-05 10:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', version: 2, subject: { type: 'prisoner', id: 'P-1' } });
  assert.equal(retired.code, 'RUNTIME_NOT_FOUND');
  const caseOnV2 = net.call(cst('2024-09-05 11:00'), 'officer-1', 'procedures', 'act', { caseId: newer.txId, action: { kind: 'comment', text: 'runs on after retirement' } });
  assert.ok(caseOnV2.ok, 'a running case goes on after its version is retired');
});

test('the working-day calendar is ledger data: governance replaces it from the next block; bad data is refused', () => {
  const calendar = structuredClone(JSON.parse(canonicalize(loadCalendar())) as JsonObject & { id: string; years: { year: number; offDays: JsonObject[] }[] });
  // A (fictional) extra day off on Thursday 2024-09-12.
  calendar.id = 'cn-test-amended';
  calendar.years.find((y) => y.year === 2024)!.offDays.push({ name: 'test day off', from: '2024-09-12', to: '2024-09-12' });
  const bad = net.call(cst('2024-09-06 09:00'), 'admin-court', 'governance', 'propose', { action: 'setCalendar', title: 'bad', payload: { calendar: { ...calendar, covers: { from: '2024-13-01', to: '2024-12-31' } } } });
  assert.equal(bad.code, 'PROC_CALENDAR_INVALID');

  const proposed = net.call(cst('2024-09-06 09:00'), 'admin-court', 'governance', 'propose', { action: 'setCalendar', title: 'amend 2024', payload: { calendar } });
  assert.ok(proposed.ok, messageOf(proposed));
  net.call(cst('2024-09-06 09:01'), 'admin-procuratorate', 'governance', 'approve', { proposal: (proposed.value as { proposal: string }).proposal });

  const caseId = net.call(cst('2024-09-06 10:00'), 'officer-1', 'procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-1' } }).txId;
  net.call(cst('2024-09-06 11:00'), 'officer-1', 'procedures', 'act', { caseId, action: { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose } });
  net.call(cst('2024-09-06 12:00'), 'committee-1', 'procedures', 'act', { caseId, action: { kind: 'step', step: 'committee_pass', form: { membersPresent: 11, votesFor: 9 }, evidence: evidenceFor.committee } });
  // Friday 9-06: 9-09, 9-10, 9-11, (9-12 off), 9-13, (9-14 is a 调休 Saturday worked in 2024) → 9-14.
  assert.equal(net.caseRecord(caseId).case.deadlines[0]?.lastDay, '2024-09-14');
});

function loadCalendar(): JsonObject {
  return loadShippedCalendar() as unknown as JsonObject;
}
