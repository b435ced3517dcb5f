// The commutation definition end to end ON THE LEDGER: seven-plus states,
// approvals from three organizations, a five-working-day notice starting the
// Friday before National Day, a 10+10-day opinion window, guards — with every
// deadline fired by the procedures contract's block hook at block time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { caseHistory, procedureCollections } from '../../src/procedures/contract/index.ts';
import { anchorAll, evidenceFor, messageOf, networkSpec, prisonerFacts, proposal, recordSubject, register } from './support/cast.ts';
import { createNetworkFixture, cst, openNetwork, shippedDefinitionJson, type NetworkFixture, type ProcedureNetwork } from './support/procedure-network.ts';

let fixture: NetworkFixture;
let net: ProcedureNetwork;
before(async () => {
  fixture = await createNetworkFixture(networkSpec);
  net = openNetwork(fixture);
  net.enrollAll(cst('2024-09-01 09:00'));
  register(net, cst('2024-09-02 09:00'), shippedDefinitionJson('commutation'));
  recordSubject(net, cst('2024-09-02 10:00'), 'officer-1', 'prisoner', 'P-320107-0042', prisonerFacts, 'JS-07-3');
  recordSubject(net, cst('2024-09-02 10:00'), 'officer-1', 'prisoner', 'P-320107-0043', prisonerFacts, 'JS-07-5');
  anchorAll(net, cst('2024-09-02 11:00'), Object.values(evidenceFor).flat());
});
after(() => net.close());

const state = (caseId: string) => net.caseRecord(caseId).case.state;
const deadline = (caseId: string, id: string) => net.caseRecord(caseId).case.deadlines.filter((d) => d.id === id).at(-1) ?? assert.fail(`no deadline ${id}`);

function act(time: string, by: string, caseId: string, action: Record<string, unknown>): string {
  const outcome = net.call(cst(time), by, 'procedures', 'act', { caseId, action: action as never });
  assert.ok(outcome.ok, `${by} ${String(action['kind'])} ${String(action['step'] ?? '')} at ${time}: ${outcome.code} ${messageOf(outcome)}`);
  return outcome.txId;
}

const query = (collection: string, index: string, equals: (string | number | boolean | null)[]) => net.ledger.state.query(collection, { index, equals }).map((d) => d.id);

let objected = '';
let silent = '';
const txOf: Record<string, string> = {};

test('two cases open on the registered definition; the case id is the opening transaction id', () => {
  const [a, b] = net.block(cst('2024-09-20 10:00'), [
    { by: 'officer-1', contract: 'procedures', fn: 'openCase', args: { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-320107-0042' } } },
    { by: 'officer-1', contract: 'procedures', fn: 'openCase', args: { procedure: 'commutation', subject: { type: 'prisoner', id: 'P-320107-0043' } } },
  ]);
  assert.ok(a?.ok && b?.ok);
  objected = a.txId;
  silent = b.txId;
  txOf['open'] = objected;
  const record = net.caseRecord(objected);
  assert.equal(record.case.id, objected);
  assert.equal(record.case.org, 'js-prison-07');
  assert.equal(record.unit, 'JS-07-3', 'unit from the subject');
  assert.deepEqual(record.case.awaiting, ['prison-officer@js-prison-07']);
  assert.deepEqual(query(procedureCollections.cases, 'byProcedure', ['commutation', 'draft']).sort(), [objected, silent].sort());
  assert.deepEqual(query(procedureCollections.cases, 'byUnit', ['JS-07-5']), [silent]);
  assert.deepEqual(query(procedureCollections.awaiting, 'byAwaiting', ['prison-officer@js-prison-07']).length, 2);
});

test('the prison proposes, its committee sends it back once then passes it; the notice runs across National Day', () => {
  const [first, other] = net.block(cst('2024-09-23 10:00'), [
    { by: 'officer-1', contract: 'procedures', fn: 'act', args: { caseId: objected, action: { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose } } },
    { by: 'officer-1', contract: 'procedures', fn: 'act', args: { caseId: silent, action: { kind: 'step', step: 'propose', form: proposal, evidence: evidenceFor.propose } } },
  ]);
  assert.ok(first?.ok && other?.ok, `${first?.code} ${other?.code}`);
  txOf['propose'] = first.txId;
  // The other case: notice from Monday 9-23 → 9-24, 9-25, 9-26, 9-27, 9-29 (adjusted Sunday).
  act('2024-09-23 15:00', 'officer-2', silent, { kind: 'step', step: 'committee_pass', form: { membersPresent: 9, votesFor: 5 }, evidence: evidenceFor.committee });
  assert.equal(deadline(silent, 'notice_period').lastDay, '2024-09-29');

  act('2024-09-24 10:00', 'committee-1', objected, { kind: 'reject', step: 'committee_pass', reason: 'points record incomplete' });
  assert.equal(state(objected), 'draft');
  act('2024-09-25 10:00', 'officer-1', objected, { kind: 'step', step: 'propose', form: { ...proposal, pointsTotal: 1500 }, evidence: evidenceFor.propose });
  act('2024-09-27 10:00', 'committee-1', objected, { kind: 'step', step: 'committee_pass', form: { membersPresent: 11, votesFor: 9 }, evidence: evidenceFor.committee });
  // Five working days from Friday 9-27: 9-29 (adjusted Sunday), 9-30, 10-08, 10-09, 10-10.
  assert.equal(state(objected), 'public_notice');
  assert.equal(deadline(objected, 'notice_period').lastDay, '2024-10-10');
  assert.equal(net.caseRecord(objected).nextDueAt, cst('2024-10-11 00:00'), 'the due index holds 00:00 CST after the last day');

  net.tick(cst('2024-09-30 00:00'));
  assert.equal(state(silent), 'head_decision', 'fired by the block hook at the first block after the notice');
  assert.equal(state(objected), 'public_notice');
  act('2024-09-30 09:00', 'warden-1', silent, { kind: 'step', step: 'head_approve', evidence: evidenceFor.head });
  assert.equal(deadline(silent, 'opinion_window').lastDay, '2024-10-10');
});

test('blocks during the holiday fire nothing early; the first block at 10-11 00:00 fires both cases', () => {
  for (const day of ['2024-10-01 12:00', '2024-10-07 12:00', '2024-10-10 23:59']) {
    net.tick(cst(day));
    assert.equal(state(objected), 'public_notice', `still in notice at ${day}`);
    assert.equal(state(silent), 'procuratorate_review', `window still open at ${day}`);
  }
  net.tick(cst('2024-10-11 00:00'));
  const height = net.ledger.head().height;
  assert.equal(state(objected), 'head_decision');
  assert.equal(deadline(objected, 'notice_period').status, 'fired');
  // The silent procuratorate: the window closes itself and the court's five-day notice starts.
  assert.equal(state(silent), 'court_notice');
  const fired = caseHistory(net.caseRecord(silent)).at(-1);
  assert.deepEqual([fired?.kind, fired?.step, fired?.by, fired?.txId, fired?.height], ['deadline', 'opinion_window_closed', null, null, height]);
});

test('the warden signs; the procuratorate extends its window by ten days and objects; the court may not review in writing', () => {
  txOf['head_approve'] = act('2024-10-11 10:00', 'warden-1', objected, { kind: 'step', step: 'head_approve', evidence: evidenceFor.head });
  assert.equal(deadline(objected, 'opinion_window').lastDay, '2024-10-21');
  assert.deepEqual(query(procedureCollections.awaiting, 'byAwaiting', ['prosecutor@procuratorate']), [`${objected}|prosecutor@procuratorate`]);

  // Meanwhile the silent case: court notice 10-12 … 10-16, the block on 10-17 moves it to review; written review; refusal.
  net.tick(cst('2024-10-17 08:00'));
  assert.equal(state(silent), 'court_review');
  act('2024-10-17 10:00', 'judge-1', silent, { kind: 'step', step: 'written_review' });
  for (const [i, judge] of ['judge-1', 'judge-2', 'judge-3'].entries()) act(`2024-10-18 10:0${i}`, judge, silent, { kind: 'step', step: 'rule_refuse', evidence: evidenceFor.ruling });
  assert.equal(state(silent), 'refused');
  assert.equal(net.caseRecord(silent).nextDueAt, null);
  assert.deepEqual(query(procedureCollections.awaiting, 'byCase', [silent]), [], 'a closed case awaits no one');

  act('2024-10-18 15:00', 'prosecutor-1', objected, { kind: 'extend', deadline: 'opinion_window', reason: 'complex property judgment' });
  assert.equal(deadline(objected, 'opinion_window').lastDay, '2024-10-31');
  net.tick(cst('2024-10-25 10:00'));
  assert.equal(state(objected), 'procuratorate_review', 'inside the extended window');
  act('2024-10-30 10:00', 'prosecutor-1', objected, { kind: 'step', step: 'give_opinion', form: { opinion: 'object', reasons: 'reward decisions not signed' }, evidence: evidenceFor.opinion });
  assert.equal(deadline(objected, 'opinion_window').status, 'met');

  // Court notice 10-31 … 11-04; at 11-05 the hook moves the case, then the guard refuses a written review.
  const written = net.call(cst('2024-11-05 09:00'), 'judge-1', 'procedures', 'act', { caseId: objected, action: { kind: 'step', step: 'written_review' } });
  assert.equal(written.code, 'PROC_GUARD_FALSE');
  assert.equal(state(objected), 'court_review');
});

test('a hearing signed by the court, the procuratorate and the prison; a late ruling escalates; a panel of three rules', () => {
  act('2024-11-06 09:00', 'judge-1', objected, { kind: 'approve', step: 'hold_hearing' });
  act('2024-11-06 12:00', 'prosecutor-1', objected, { kind: 'approve', step: 'hold_hearing' });
  act('2024-11-06 12:05', 'judge-2', objected, { kind: 'approve', step: 'hold_hearing' });
  assert.equal(state(objected), 'court_review', 'three signatures, none from the prison');
  act('2024-11-06 12:10', 'officer-1', objected, { kind: 'step', step: 'hold_hearing', evidence: evidenceFor.hearing });
  assert.equal(state(objected), 'court_ruling');
  assert.equal(deadline(objected, 'ruling_due').lastDay, '2024-12-06');

  net.tick(cst('2024-12-07 00:00'));
  const record = net.caseRecord(objected);
  assert.equal(record.case.overdue, true);
  assert.ok(record.case.awaiting.includes('court-president@court'));
  assert.deepEqual(query(procedureCollections.cases, 'byOverdue', [true]), [objected]);
  assert.deepEqual(query(procedureCollections.awaiting, 'byAwaiting', ['court-president@court']), [`${objected}|court-president@court`]);
  act('2024-12-09 09:00', 'president-1', objected, { kind: 'comment', text: 'Rule this week.' });

  act('2024-12-10 10:00', 'judge-1', objected, { kind: 'approve', step: 'rule_grant', form: { grantedReductionMonths: 9 } });
  act('2024-12-10 10:01', 'judge-2', objected, { kind: 'approve', step: 'rule_grant', form: { grantedReductionMonths: 9 } });
  txOf['rule_grant'] = act('2024-12-10 10:02', 'judge-3', objected, { kind: 'step', step: 'rule_grant', form: { grantedReductionMonths: 9 }, evidence: evidenceFor.ruling });
  const closed = net.caseRecord(objected);
  assert.equal(closed.case.state, 'granted');
  assert.equal(closed.case.closed, true);
  assert.equal(closed.case.overdue, false);
  assert.deepEqual(query(procedureCollections.cases, 'byOverdue', [true]), []);
  assert.deepEqual(query(procedureCollections.cases, 'byProcedure', ['commutation', 'granted']), [objected]);
});

test('the full history from the ledger: who did what, when, in which transaction or block', () => {
  const history = caseHistory(net.caseRecord(objected));
  assert.deepEqual(
    history.map((h) => `${h.kind}${h.step === undefined ? '' : ` ${h.step}`} by ${h.by === null ? 'deadline' : `${h.by.memberId}@${h.by.org}`}`),
    [
      'open by officer-1@js-prison-07',
      'step propose by officer-1@js-prison-07',
      'reject committee_pass by committee-1@js-prison-07',
      'step propose by officer-1@js-prison-07',
      'step committee_pass by committee-1@js-prison-07',
      'deadline close_notice by deadline',
      'step head_approve by warden-1@js-prison-07',
      'extend by prosecutor-1@procuratorate',
      'step give_opinion by prosecutor-1@procuratorate',
      'deadline close_court_notice by deadline',
      'approve hold_hearing by judge-1@court',
      'approve hold_hearing by prosecutor-1@procuratorate',
      'approve hold_hearing by judge-2@court',
      'step hold_hearing by officer-1@js-prison-07',
      'deadline by deadline',
      'comment by president-1@court',
      'approve rule_grant by judge-1@court',
      'approve rule_grant by judge-2@court',
      'step rule_grant by judge-3@court',
    ],
  );
  assert.equal(history[0]?.txId, txOf['open']);
  assert.equal(history[1]?.txId, txOf['propose']);
  assert.equal(history[6]?.txId, txOf['head_approve']);
  assert.equal(history.at(-1)?.txId, txOf['rule_grant']);
  assert.ok(history.filter((h) => h.kind === 'deadline').every((h) => h.txId === null && h.height > 0), 'deadlines are written by blocks, not transactions');
  for (const entry of history.filter((h) => h.txId !== null)) {
    assert.ok(net.ledger.hasTransaction(entry.txId!), `history entry ${entry.seq} names a transaction of the ledger`);
  }
  assert.equal(history[5]?.at, cst('2024-10-11 00:00'), 'the notice closed at block time');
});
