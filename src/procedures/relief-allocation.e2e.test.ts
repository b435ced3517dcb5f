import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyAction } from './apply-action.ts';
import type { CaseAction } from './case-action.ts';
import type { CaseDocument } from './case-document.ts';
import { checkDefinition } from './check-definition.ts';
import { fireDeadlines } from './fire-deadlines.ts';
import { openCase } from './open-case.ts';
import { at, chinaCalendar, cst, docHash, errorCode, member, ok, shippedDefinition, testNetwork } from './test-fixtures.ts';

const relief = shippedDefinition('relief-allocation');
const community = { households: 120 };
const clerk = member('clerk-1', 'jianghan-c12', 'clerk');
const otherClerk = member('clerk-2', 'jianghan-c13', 'clerk');
const officer = member('health-1', 'health-commission', 'officer');
const director = member('health-9', 'health-commission', 'director');
const warehouse = member('store-1', 'charity', 'warehouse-manager');
const driver = member('driver-1', 'charity', 'logistics');

const run = (doc: CaseDocument, action: CaseAction, actor: ReturnType<typeof member>, time: number) => applyAction(relief, doc, action, at(actor, time, { subject: community }));
const act = (doc: CaseDocument, action: CaseAction, actor: ReturnType<typeof member>, time: number) => ok(run(doc, action, actor, time));
const fire = (doc: CaseDocument, time: number) => ok(fireDeadlines(relief, doc, { blockTime: time, calendar: chinaCalendar, subject: community }));
const codeOf = (result: ReturnType<typeof run>) => (result.ok ? 'ok' : errorCode(result.error));

const items = [
  { sku: 'MASK-N95', quantity: 1200 },
  { sku: 'GLOVE-M', quantity: 240 },
];
const allocate = (doc: CaseDocument, time: number, sheet: string): CaseDocument => {
  const first = act(doc, { kind: 'step', step: 'allocate' }, warehouse, time);
  assert.equal(first.state, 'verified', 'one organization is not enough');
  return act(first, { kind: 'step', step: 'allocate', evidence: [{ type: 'allocation-sheet', hash: docHash(sheet) }] }, officer, time + 60_000);
};

test('relief allocation runs through the same engine, unchanged, with its own roles and deadlines', () => {
  assert.deepEqual(checkDefinition(relief, testNetwork), []);
  let doc = ok(openCase(relief, { caseId: 'rl-2020-0210-001', subject: { type: 'relief-request', id: 'JH-C12-0001' } }, at(clerk, cst('2020-02-10 09:00'), { subject: community })));
  assert.equal(doc.state, 'requested');
  assert.deepEqual(doc.awaiting, ['officer@health-commission']);

  // Not verified within two working days (2-11, 2-12): escalated to the director.
  doc = fire(doc, cst('2020-02-13 08:00'));
  assert.equal(doc.overdue, true);
  assert.deepEqual(doc.awaiting, ['director@health-commission', 'officer@health-commission']);
  doc = act(doc, { kind: 'comment', text: 'Verify today, the community is out of masks.' }, director, cst('2020-02-13 08:30'));

  // Verification, with a guard on quantities per household.
  assert.equal(codeOf(run(doc, { kind: 'step', step: 'verify', form: { priority: 'urgent', items: [{ sku: 'MASK-N95', quantity: 5000 }] } }, officer, cst('2020-02-13 09:00'))), 'PROC_GUARD_FALSE');
  doc = act(doc, { kind: 'step', step: 'verify', form: { priority: 'urgent', items } }, officer, cst('2020-02-13 10:00'));
  assert.equal(doc.state, 'verified');
  assert.equal(doc.overdue, false);
  assert.equal(doc.deadlines[0]?.status, 'late');

  // Joint allocation by the health commission and the charity; not dispatched within a day, the stock goes back.
  doc = allocate(doc, cst('2020-02-13 11:00'), 'sheet-1');
  assert.equal(doc.state, 'allocated');
  doc = fire(doc, cst('2020-02-15 01:00'));
  assert.equal(doc.state, 'verified');
  assert.equal(doc.history.at(-1)?.step, 'release_stock');

  doc = allocate(doc, cst('2020-02-15 09:00'), 'sheet-2');
  assert.equal(codeOf(run(doc, { kind: 'step', step: 'dispatch', form: { vehicle: '鄂A·12345' }, evidence: [{ type: 'waybill', hash: docHash('wb') }] }, warehouse, cst('2020-02-15 10:00'))), 'PROC_STEP_NOT_ALLOWED');
  doc = act(doc, { kind: 'step', step: 'dispatch', form: { vehicle: '鄂A·12345' }, evidence: [{ type: 'waybill', hash: docHash('wb') }] }, driver, cst('2020-02-15 10:00'));
  assert.equal(doc.state, 'dispatched');

  // Receipt: only the requesting community's clerk, and only when every verified line arrived.
  const receipt = [{ type: 'receipt', hash: docHash('receipt') }];
  assert.equal(codeOf(run(doc, { kind: 'step', step: 'confirm_receipt', form: { linesReceived: 2 }, evidence: receipt }, otherClerk, cst('2020-02-16 10:00'))), 'PROC_STEP_NOT_ALLOWED');
  assert.equal(codeOf(run(doc, { kind: 'step', step: 'confirm_receipt', form: { linesReceived: 1 }, evidence: receipt }, clerk, cst('2020-02-16 10:00'))), 'PROC_GUARD_FALSE');
  doc = act(doc, { kind: 'step', step: 'confirm_receipt', form: { linesReceived: 2 }, evidence: receipt }, clerk, cst('2020-02-16 10:00'));
  assert.equal(doc.state, 'received');
  assert.equal(doc.closed, true);
  assert.deepEqual(
    doc.history.map((h) => `${h.kind} ${h.step ?? h.deadline ?? ''}`.trim()),
    [
      'open',
      'deadline verification_due',
      'comment',
      'step verify',
      'approve allocate',
      'step allocate',
      'deadline release_stock',
      'approve allocate',
      'step allocate',
      'step dispatch',
      'step confirm_receipt',
    ],
  );
});

test('relief allocation: a request can be cancelled by its community before allocation, not after', () => {
  let doc = ok(openCase(relief, { caseId: 'rl-2', subject: { type: 'relief-request', id: 'JH-C12-0002' } }, at(clerk, cst('2020-02-10 09:00'), { subject: community })));
  doc = act(doc, { kind: 'step', step: 'verify', form: { priority: 'normal', items } }, officer, cst('2020-02-10 10:00'));
  doc = allocate(doc, cst('2020-02-10 11:00'), 'sheet-3');
  assert.equal(codeOf(run(doc, { kind: 'withdraw', reason: 'no longer needed' }, clerk, cst('2020-02-10 12:00'))), 'PROC_STEP_WRONG_STATE');
  const other = ok(openCase(relief, { caseId: 'rl-3', subject: { type: 'relief-request', id: 'JH-C12-0003' } }, at(clerk, cst('2020-02-10 09:00'), { subject: community })));
  assert.equal(act(other, { kind: 'withdraw', reason: 'duplicate request' }, clerk, cst('2020-02-10 12:00')).state, 'cancelled');
});
