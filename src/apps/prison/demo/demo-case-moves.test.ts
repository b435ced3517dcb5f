import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextDemoCaseMove, type DemoCaseView, type DemoPrisonerView } from './demo-case-moves.ts';
import type { DemoCasePlan } from './plan-demo-cases.ts';

const plan: DemoCasePlan = {
  procedure: 'commutation',
  prisonerId: 'JS07-100001',
  prison: 'JS-07',
  openOn: '2026-03-02',
  gap: 2,
  rulingGap: 10,
  objection: false,
  opinion: 'agree',
  hearing: false,
  outcome: 'grant',
  correction: 'none',
  withdrawAt: null,
  bureau: false,
  reductionMonths: 6,
  hold: null,
  stopAt: null,
};
const prisoner: DemoPrisonerView = { inCustody: true, commendations: 1, merits: 0, fullCycle: null };
const at = (state: string, enteredOn = '2026-03-10'): DemoCaseView => ({ caseId: 'c'.repeat(64), state, closed: false, enteredOn, enteredAt: Date.parse(`${enteredOn}T01:00:00Z`), objected: false, approvedBy: [], rulingRecorded: false });
/** The functions and steps of a move, round by round. */
const shape = (rounds: ReturnType<typeof nextDemoCaseMove>) => rounds?.map((round) => round.map((call) => `${call.signer} ${call.fn}${call.fn === 'act' ? ` ${String((call.args['action'] as { step?: string; kind: string }).step ?? (call.args['action'] as { kind: string }).kind)}` : ''}`)) ?? null;

test('case moves, state by state: who signs what, anchors before the step that cites them', () => {
  const rows: [string, DemoCasePlan, DemoCaseView | undefined, string[][] | null][] = [
    ['not yet open before openOn', plan, undefined, null],
    ['section heads after the gap', plan, at('section_review'), [['scale-section-07 anchor'], ['scale-section-07 act section_pass']]],
    ['committee: five votes in one round', plan, at('committee_review'), [['scale-committee-07-1 anchor'], [1, 2, 3, 4, 5].map((m) => `scale-committee-07-${m} act committee_pass`)]],
    ['notice runs by itself', plan, at('public_notice'), null],
    ['objection during notice', { ...plan, objection: true }, at('public_notice'), [['scale-penalty-07 anchor'], ['scale-penalty-07 act record_objection']]],
    ['bureau cases go to the bureau', { ...plan, bureau: true }, at('head_meeting'), [['scale-head-07 anchor'], ['scale-head-07 act head_approve_to_bureau']]],
    ['filing: the calculators check first', plan, at('filing'), [['scale-penalty-07 checkCase', 'scale-penalty-07 anchor'], ['scale-penalty-07 act file_with_court']]],
    ['the opinion window may just close', { ...plan, opinion: 'none' }, at('procuratorate_review'), null],
    ['hearing: court, procuratorate and prison sign', { ...plan, hearing: true }, at('court_review'), [['scale-judge anchor'], ['scale-judge act hold_hearing', 'scale-prosecutor act hold_hearing', 'scale-penalty-07 act hold_hearing']]],
    ['the court rules within its month, not before rulingGap', plan, at('court_ruling', '2026-03-05'), null],
    ['served: the ruling recorded (recalculation), then service', plan, at('ruled'), [['scale-judge recordCaseRuling', 'scale-clerk anchor'], ['scale-clerk act serve']]],
    ['a stage case stays where it stops', { ...plan, stopAt: 'filing' }, at('filing'), null],
    ['a held case waits for its day', { ...plan, hold: { state: 'filing', until: '2026-03-20' } }, at('filing'), null],
    ['withdrawn by the prison head', { ...plan, withdrawAt: 'head_meeting' }, at('head_meeting'), [['scale-head-07 act withdraw']]],
  ];
  for (const [name, p, view, expected] of rows) assert.deepEqual(shape(nextDemoCaseMove(p, prisoner, view, view === undefined ? '2026-03-01' : '2026-03-12')), expected, name);
  assert.equal(nextDemoCaseMove(plan, prisoner, at('court_ruling', '2026-03-01'), '2026-03-12')?.length, 2, 'rules once rulingGap days have passed');
});

test('opening: grounds first when the record has none — a full points cycle graded (commendation), else a confirmed merit', () => {
  assert.deepEqual(shape(nextDemoCaseMove(plan, prisoner, undefined, '2026-03-02')), [['scale-officer-07 openCase']]);
  assert.deepEqual(shape(nextDemoCaseMove(plan, { ...prisoner, commendations: 0, fullCycle: 1 }, undefined, '2026-03-02')), [['scale-section-07 proposeGrade'], ['scale-head-07 confirmGrade'], ['scale-officer-07 openCase']]);
  assert.deepEqual(shape(nextDemoCaseMove(plan, { ...prisoner, commendations: 0 }, undefined, '2026-03-02')), [['scale-penalty-07 recordMerit'], ['scale-officer-07 openCase']]);
  const proposed = nextDemoCaseMove(plan, { ...prisoner, commendations: 0, merits: 1 }, at('unit_proposal', '2026-03-02'), '2026-03-04')!;
  assert.deepEqual((proposed[1]![0]!.args['action'] as { form: unknown }).form, { grounds: 'merit', proposedReductionMonths: 6 });
  assert.equal(nextDemoCaseMove(plan, { ...prisoner, inCustody: false }, undefined, '2026-03-02'), null, 'no case for a prisoner who left');
});
