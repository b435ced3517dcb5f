// The relief-allocation definition — unrelated to commutation — on the same
// contract and engine, with no code of its own: escalation by a deadline,
// joint allocation by two organizations, stock released by a deadline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { caseHistory, procedureCollections } from '../../src/procedures/contract/index.ts';
import { anchorAll, messageOf, networkSpec, recordSubject, register } from './support/cast.ts';
import { createNetworkFixture, cst, docHash, openNetwork, shippedDefinitionJson, type NetworkFixture, type ProcedureNetwork } from './support/procedure-network.ts';

let fixture: NetworkFixture;
let net: ProcedureNetwork;
before(async () => {
  fixture = await createNetworkFixture(networkSpec);
  net = openNetwork(fixture);
  net.enrollAll(cst('2020-02-01 09:00'));
  register(net, cst('2020-02-03 09:00'), shippedDefinitionJson('relief-allocation'));
  recordSubject(net, cst('2020-02-03 10:00'), 'clerk-1', 'relief-request', 'JH-C12-0001', { households: 120 }, 'jianghan-c12');
  anchorAll(
    net,
    cst('2020-02-03 11:00'),
    ['sheet-1', 'sheet-2', 'wb', 'receipt'].map((label) => ({ type: label.startsWith('sheet') ? 'allocation-sheet' : label === 'wb' ? 'waybill' : 'receipt', hash: docHash(label) })),
    'health-1',
  );
});
after(() => net.close());

const items = [
  { sku: 'MASK-N95', quantity: 1200 },
  { sku: 'GLOVE-M', quantity: 240 },
];

test('relief allocation end to end on the ledger, deadlines fired by the block hook', () => {
  const opened = net.call(cst('2020-02-10 09:00'), 'clerk-1', 'procedures', 'openCase', { procedure: 'relief-allocation', subject: { type: 'relief-request', id: 'JH-C12-0001' } });
  assert.ok(opened.ok, messageOf(opened));
  const caseId = opened.txId;
  const act = (time: string, by: string, action: Record<string, unknown>) => {
    const outcome = net.call(cst(time), by, 'procedures', 'act', { caseId, action: action as never });
    assert.ok(outcome.ok, `${by} at ${time}: ${outcome.code} ${messageOf(outcome)}`);
  };
  const doc = () => net.caseRecord(caseId).case;

  // Not verified within two working days (2-11, 2-12): at the first block of 2-13 it is escalated to the director.
  net.tick(cst('2020-02-12 23:59'));
  assert.equal(doc().overdue, false);
  net.tick(cst('2020-02-13 00:00'));
  assert.equal(doc().overdue, true);
  assert.deepEqual(doc().awaiting, ['director@health-commission', 'officer@health-commission']);
  assert.deepEqual(net.ledger.state.query(procedureCollections.awaiting, { index: 'byRole', equals: ['director'] }).map((d) => d.doc['caseId']), [caseId]);
  act('2020-02-13 08:30', 'health-9', { kind: 'comment', text: 'Verify today, the community is out of masks.' });

  const tooMuch = net.call(cst('2020-02-13 09:00'), 'health-1', 'procedures', 'act', { caseId, action: { kind: 'step', step: 'verify', form: { priority: 'urgent', items: [{ sku: 'MASK-N95', quantity: 5000 }] } } });
  assert.equal(tooMuch.code, 'PROC_GUARD_FALSE', 'at most ten units per household');
  act('2020-02-13 10:00', 'health-1', { kind: 'step', step: 'verify', form: { priority: 'urgent', items } });
  assert.equal(doc().state, 'verified');
  assert.equal(doc().overdue, false);

  act('2020-02-13 11:00', 'store-1', { kind: 'approve', step: 'allocate' });
  act('2020-02-13 11:01', 'health-1', { kind: 'step', step: 'allocate', evidence: [{ type: 'allocation-sheet', hash: docHash('sheet-1') }] });
  assert.equal(doc().state, 'allocated');
  // Not dispatched within a calendar day (2-14): the stock goes back at the first block of 2-15.
  net.tick(cst('2020-02-15 01:00'));
  assert.equal(doc().state, 'verified');
  assert.equal(doc().history.at(-1)?.step, 'release_stock');

  act('2020-02-15 09:00', 'store-1', { kind: 'approve', step: 'allocate' });
  act('2020-02-15 09:01', 'health-1', { kind: 'step', step: 'allocate', evidence: [{ type: 'allocation-sheet', hash: docHash('sheet-2') }] });
  act('2020-02-15 10:00', 'driver-1', { kind: 'step', step: 'dispatch', form: { vehicle: '鄂A·12345' }, evidence: [{ type: 'waybill', hash: docHash('wb') }] });
  const wrongClerk = net.call(cst('2020-02-16 10:00'), 'clerk-2', 'procedures', 'act', { caseId, action: { kind: 'step', step: 'confirm_receipt', form: { linesReceived: 2 }, evidence: [{ type: 'receipt', hash: docHash('receipt') }] } });
  assert.equal(wrongClerk.code, 'PROC_STEP_NOT_ALLOWED', 'only the requesting community');
  act('2020-02-16 10:00', 'clerk-1', { kind: 'step', step: 'confirm_receipt', form: { linesReceived: 2 }, evidence: [{ type: 'receipt', hash: docHash('receipt') }] });
  assert.equal(doc().state, 'received');
  assert.equal(doc().closed, true);

  assert.deepEqual(
    caseHistory(net.caseRecord(caseId)).map((h) => `${h.kind} ${h.step ?? h.deadline ?? ''} ${h.txId === null ? 'block' : 'tx'}`.replace('  ', ' ')),
    [
      'open tx',
      'deadline verification_due block',
      'comment tx',
      'step verify tx',
      'approve allocate tx',
      'step allocate tx',
      'deadline release_stock block',
      'approve allocate tx',
      'step allocate tx',
      'step dispatch tx',
      'step confirm_receipt tx',
    ],
  );
  assert.deepEqual(net.ledger.state.query(procedureCollections.cases, { index: 'byUnit', equals: ['jianghan-c12', true] }).map((d) => d.id), [caseId]);
});
