import type { JsonObject } from '../../../crypto/canonical-json.ts';
import { createHash } from 'node:crypto';
import { daysFrom, type IsoDate } from '../prison-dates.ts';
import type { DemoCasePlan } from './plan-demo-cases.ts';

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** One transaction of a move: who signs (a demo signer id) and what. */
export interface DemoCall {
  signer: string;
  contract: string;
  fn: string;
  args: JsonObject;
}

/** What the driver knows of a plan's case on the ledger (undefined: not opened yet). */
export interface DemoCaseView {
  caseId: string;
  state: string;
  closed: boolean;
  /** China day the case entered its state. */
  enteredOn: IsoDate;
  /** Time it entered the state (ms): makes evidence of a second pass through a state distinct. */
  enteredAt: number;
  objected: boolean;
  /** Members whose approval of the current step is pending already. */
  approvedBy: readonly string[];
  /** Commutation: the prison contract has recorded the ruling (`prison.recordCaseRuling`). */
  rulingRecorded: boolean;
}

/** What the driver knows of the plan's prisoner. */
export interface DemoPrisonerView {
  inCustody: boolean;
  /** Commendations and merits on the prisoner's record: the grounds to propose on. */
  commendations: number;
  merits: number;
  /** The number of the prisoner's oldest full, ungraded points cycle, if any. */
  fullCycle: number | null;
}

/** The signers a prison's cases need (certificates with `prison` = the prison). */
export function demoCaseSigners(prison: string) {
  const n = prison.replace(/[^0-9]/g, '');
  return {
    officer: `scale-officer-${n}`,
    section: `scale-section-${n}`,
    penalty: `scale-penalty-${n}`,
    head: `scale-head-${n}`,
    committee: [1, 2, 3, 4, 5].map((m) => `scale-committee-${n}-${m}`),
  };
}

export const demoCourtSigners = { bureau: 'scale-bureau', prosecutor: 'scale-prosecutor', judge: 'scale-judge', clerk: 'scale-clerk' } as const;

/**
 * The next thing a plan's case does on `day`, as rounds of calls (a round's
 * calls are independent and share blocks; a round waits for the one before:
 * a document is anchored before the step that cites it). Null: nothing to do
 * today (a step's time has not come, a deadline runs, the case is where its
 * plan stops, or closed). Pure: the driver reads the ledger, this decides.
 */
export function nextDemoCaseMove(plan: DemoCasePlan, prisoner: DemoPrisonerView, view: DemoCaseView | undefined, day: IsoDate): DemoCall[][] | null {
  const s = demoCaseSigners(plan.prison);
  const c = demoCourtSigners;
  if (view === undefined) return day >= plan.openOn && prisoner.inCustody ? openMove(plan, prisoner, day) : null;
  if (view.closed || view.state === plan.stopAt) return null;
  const waited = daysFrom(view.enteredOn, day);
  const gap = view.state === 'court_ruling' ? plan.rulingGap : plan.gap;
  if (waited < gap) return null;
  if (plan.hold !== null && plan.hold.state === view.state && day < plan.hold.until) return null;
  const caseId = view.caseId;
  const doc = (type: string) => ({ type, hash: sha256Hex(`${caseId}:${type}:${view.enteredAt}`) });
  const anchor = (signer: string, type: string): DemoCall => ({ signer, contract: 'notary', fn: 'anchor', args: { hash: doc(type).hash, title: `${type} ${plan.prisonerId}`, type: 'prison.evidence' } });
  const act = (signer: string, step: string, extra: JsonObject = {}, kind = 'step'): DemoCall => ({ signer, contract: 'procedures', fn: 'act', args: { caseId, action: { kind, step, ...extra } } });
  const withEvidence = (signer: string, type: string, step: string, extra: JsonObject = {}): DemoCall[][] => [[anchor(signer, type)], [act(signer, step, { ...extra, evidence: [doc(type)] })]];
  if (plan.withdrawAt === view.state) return [[{ signer: s.head, contract: 'procedures', fn: 'act', args: { caseId, action: { kind: 'withdraw', reason: 'the prisoner no longer meets the conditions (demo)' } } }]];
  const parole = plan.procedure === 'parole';
  switch (view.state) {
    case 'unit_proposal': {
      const grounds = parole || prisoner.commendations > 0 ? 'repentance' : 'merit';
      const form: JsonObject = parole ? { grounds } : { grounds, proposedReductionMonths: plan.reductionMonths };
      const evidence = parole ? [doc('points-record'), doc('community-assessment')] : [doc('points-record')];
      return [evidence.map((e) => anchor(s.officer, e.type)), [act(s.officer, 'propose', { form, evidence })]];
    }
    case 'section_review':
      return withEvidence(s.section, 'meeting-minutes', 'section_pass');
    case 'penalty_review':
      return [[act(s.penalty, 'penalty_pass')]];
    case 'committee_review': {
      const voters = s.committee.filter((m) => !view.approvedBy.includes(m));
      return [
        [anchor(s.committee[0]!, 'committee-minutes')],
        voters.map((m, i) => act(m, 'committee_pass', { form: { membersPresent: 9 }, ...(i === 0 ? { evidence: [doc('committee-minutes')] } : {}) }, 'approve')),
      ];
    }
    case 'public_notice':
      return plan.objection && !view.objected ? withEvidence(s.penalty, 'objection', 'record_objection', { form: { summary: 'a prisoner of the unit objects to the proposal (demo)' } }) : null;
    case 'head_meeting':
      return withEvidence(s.head, 'review-form', plan.bureau ? 'head_approve_to_bureau' : 'head_approve');
    case 'bureau_review':
      return [[act(c.bureau, 'bureau_pass')]];
    case 'filing':
      return [
        [{ signer: s.penalty, contract: 'prison', fn: 'checkCase', args: { caseId } }, anchor(s.penalty, 'proposal-letter')],
        [act(s.penalty, 'file_with_court', { evidence: [doc('proposal-letter')] })],
      ];
    case 'procuratorate_review':
      return plan.opinion === 'none' ? null : withEvidence(c.prosecutor, 'opinion-letter', 'give_opinion', { form: { opinion: plan.opinion } });
    case 'court_review': {
      if (!plan.hearing) return [[act(c.judge, 'written_review')]];
      const voters = [c.judge, c.prosecutor, s.penalty].filter((m) => !view.approvedBy.includes(m));
      return [[anchor(c.judge, 'hearing-record')], voters.map((m, i) => act(m, 'hold_hearing', i === 0 ? { evidence: [doc('hearing-record')] } : {}, 'approve'))];
    }
    case 'court_ruling': {
      if (plan.outcome === 'refuse') return withEvidence(c.judge, 'ruling', 'rule_refuse');
      const docket = `(${day.slice(0, 4)})苏01刑更${caseId.slice(0, 6)}号`;
      return withEvidence(c.judge, 'ruling', 'rule_grant', { form: parole ? { rulingDate: day, docket } : { reductionMonths: plan.reductionMonths, rulingDate: day, docket } });
    }
    case 'ruled': {
      // The judge records the served ruling (the sentence is recalculated) before the clerk's service step.
      const record: DemoCall[] = parole || view.rulingRecorded ? [] : [{ signer: c.judge, contract: 'prison', fn: 'recordCaseRuling', args: { caseId, servedDate: day } }];
      return [[...record, anchor(c.clerk, 'service-receipt')], [act(c.clerk, 'serve', { evidence: [doc('service-receipt')] })]];
    }
    case 'release_pending': {
      const release: DemoCall[] = prisoner.inCustody
        ? [{ signer: s.penalty, contract: 'prison', fn: 'releasePrisoner', args: { prisonerId: plan.prisonerId, date: day, kind: 'parole', documentHash: doc('parole-certificate').hash } }]
        : [];
      return [[...release, anchor(s.penalty, 'parole-certificate')], [act(s.penalty, 'release', { evidence: [doc('parole-certificate')] })]];
    }
    case 'correction_window':
      return plan.correction === 'none' ? null : withEvidence(c.prosecutor, 'correction-opinion', 'correction_opinion', { form: { reasons: 'the reduction is not supported by the record (demo)' } });
    case 'court_recheck':
      return withEvidence(c.judge, 'ruling', plan.correction === 'set-aside' ? 'recheck_set_aside' : 'recheck_uphold');
    default:
      return null;
  }
}

/**
 * Opening: grounds first where the record has none (the unit grades a full
 * points cycle — a commendation, evidence of repentance, SPC 2016 art. 3 —
 * or, without one, the penalty-execution department records a confirmed
 * merit, art. 4), then the officer opens the case.
 */
function openMove(plan: DemoCasePlan, prisoner: DemoPrisonerView, day: IsoDate): DemoCall[][] {
  const s = demoCaseSigners(plan.prison);
  const open: DemoCall[] = [{ signer: s.officer, contract: 'procedures', fn: 'openCase', args: { procedure: plan.procedure, subject: { type: 'prisoner', id: plan.prisonerId } } }];
  if (prisoner.commendations + prisoner.merits > 0) return [open];
  const minutes = sha256Hex(`${plan.prisonerId}:grounds:${day}`);
  if (prisoner.fullCycle !== null) {
    const cycle = { prisonerId: plan.prisonerId, cycleNo: prisoner.fullCycle, grade: 'commendation' };
    return [[{ signer: s.section, contract: 'prison', fn: 'proposeGrade', args: { ...cycle, minutesHash: minutes } }], [{ signer: s.head, contract: 'prison', fn: 'confirmGrade', args: cycle }], open];
  }
  return [[{ signer: s.penalty, contract: 'prison', fn: 'recordMerit', args: { prisonerId: plan.prisonerId, date: day, kind: 'merit', confirmedBy: 'Provincial Prison Administration Bureau (demo)', evidenceHash: minutes } }], open];
}
