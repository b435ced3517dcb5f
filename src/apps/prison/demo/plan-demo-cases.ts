import { hearingRequired } from '../alerts/alert-functions.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { addDays, type IsoDate } from '../prison-dates.ts';
import { assessPrisoner, sentenceDatesOf } from '../sentence/eligibility-of.ts';
import type { DemoAdmission } from './demo-province.ts';
import { createDemoRandom, type DemoRandom } from './demo-random.ts';

export type DemoCaseProcedure = 'commutation' | 'parole';

/**
 * One case the demo runs: when it opens and how it goes. Bulk cases run
 * through the year to an end (most executed, some refused, withdrawn or set
 * aside); stage cases open late and stop at a chosen state, so that the
 * go-live day has open cases at every step.
 */
export interface DemoCasePlan {
  procedure: DemoCaseProcedure;
  prisonerId: string;
  prison: string;
  /** The day the officer opens it (the prisoner is eligible by then, by the calculators). */
  openOn: IsoDate;
  /** Days a member step waits after its state was entered. */
  gap: number;
  /** Days the court takes to rule once the case is before the panel (within the month, art. 6 of the 2014 rules). */
  rulingGap: number;
  objection: boolean;
  opinion: 'agree' | 'object' | 'none';
  hearing: boolean;
  outcome: 'grant' | 'refuse';
  correction: 'none' | 'uphold' | 'set-aside';
  /** The state in which the prison head withdraws the case, if any. */
  withdrawAt: string | null;
  /** The prison head sends it to the bureau (life, death with reprieve, duty and gang crimes). */
  bureau: boolean;
  /** Commutation: months proposed and granted (within SPC 2016 art. 6's 9 months for repentance or merit). */
  reductionMonths: number;
  /** Stage cases: wait in `hold.state` until `hold.until`, and take no member step once in `stopAt`. */
  hold: { state: string; until: IsoDate } | null;
  stopAt: string | null;
}

export interface DemoCasePlanOptions {
  admitted: readonly DemoAdmission[];
  /** The history's first day (the admissions' block day) and the go-live day it ends before. */
  firstDay: IsoDate;
  today: IsoDate;
  seed: number;
  /** Bulk cases as a share of prisoners (commutation, parole); defaults 2% and 0.6%. */
  share?: { commutation: number; parole: number };
}

/** States a case can be left in at go-live, by procedure (every non-final state of the definitions). */
export const demoStageStates: Record<DemoCaseProcedure, readonly string[]> = {
  commutation: ['unit_proposal', 'section_review', 'penalty_review', 'committee_review', 'public_notice', 'head_meeting', 'bureau_review', 'filing', 'procuratorate_review', 'court_notice', 'court_review', 'court_ruling', 'ruled', 'correction_window', 'court_recheck'],
  parole: ['unit_proposal', 'section_review', 'penalty_review', 'committee_review', 'public_notice', 'head_meeting', 'bureau_review', 'filing', 'procuratorate_review', 'court_notice', 'court_review', 'court_ruling', 'ruled', 'release_pending', 'correction_window', 'court_recheck'],
};

/**
 * States a deadline leaves by itself: a stage case waits in the member step
 * before until a few days before go-live, then enters it (the deadline has
 * not run out by go-live: notice 5 working days, opinion 10 days, court
 * notice 5 days, correction 20 days).
 */
const holdBefore: Record<string, { state: string; daysBefore: number; opinion?: DemoCasePlan['opinion'] }> = {
  public_notice: { state: 'committee_review', daysBefore: 2 },
  procuratorate_review: { state: 'filing', daysBefore: 2, opinion: 'none' },
  court_notice: { state: 'filing', daysBefore: 4, opinion: 'agree' },
};

const bureauCategories = new Set(['duty', 'corruption-bribery', 'organized-crime']);

interface Candidate {
  admission: DemoAdmission;
  commutation: IsoDate | null;
  parole: IsoDate | null;
  bureau: boolean;
  hearing: boolean;
  /** The most a commutation may take on repentance or merit (the calculators: SPC 2016 art. 6, 2019 art. 2, what is left to serve). */
  maxReductionMonths: number;
}

/** The prisoner's row as `admitPrisoner` writes it, for the calculators (the same functions the contract runs). */
function prisonerDocOf(admission: DemoAdmission): PrisonerDoc {
  return {
    ...(admission as unknown as PrisonerDoc),
    id: admission.prisonerId,
    status: 'in-custody',
    releasedOn: null,
    commutations: [],
    newCrimes: [],
    property: { state: 'none' },
    merits: [],
    commendations: [],
  } as PrisonerDoc;
}

function candidateOf(admission: DemoAdmission, firstDay: IsoDate): Candidate | undefined {
  const doc = prisonerDocOf(admission);
  // Fixed terms only: a commutation case's ruling is a reduction by months.
  if (doc.sentence.kind !== 'fixed-term') return undefined;
  const dates = sentenceDatesOf(doc, firstDay);
  // The cap as the court's recording will judge it, with the commendation the case's grounds bring.
  const commutation = assessPrisoner({ ...doc, commendations: [firstDay] }, firstDay).commutation;
  const caps = [commutation.maxReductionByGrounds.repentanceOrMerit, commutation.maxReduction.reduction].flatMap((r) => (r?.kind === 'by' ? [r.months] : []));
  const categories = doc.sentence.convictions.flatMap((conviction) => conviction.categories);
  return {
    admission,
    commutation: dates.nextEligibility.commutation,
    parole: dates.nextEligibility.parole,
    bureau: categories.some((category) => bureauCategories.has(category)),
    hearing: hearingRequired(doc),
    maxReductionMonths: caps.length === 0 ? 0 : Math.min(...caps),
  };
}

function later(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

function bulkPlan(random: DemoRandom, procedure: DemoCaseProcedure, c: Candidate, openOn: IsoDate): DemoCasePlan {
  const objection = random.chance(0.1);
  const opinion = random.chance(0.05) ? 'object' : random.chance(0.3) ? 'none' : 'agree';
  const withdraw = random.chance(0.05);
  return {
    procedure,
    prisonerId: c.admission.prisonerId,
    prison: c.admission.prison,
    openOn,
    gap: random.int(1, 4),
    rulingGap: random.int(8, 20),
    objection,
    opinion,
    hearing: c.hearing || objection || opinion === 'object' || random.chance(0.2),
    outcome: random.chance(0.1) ? 'refuse' : 'grant',
    correction: random.chance(0.08) ? (random.chance(0.5) ? 'uphold' : 'set-aside') : 'none',
    withdrawAt: withdraw ? random.pick(['section_review', 'committee_review', 'head_meeting', 'filing']) : null,
    bureau: c.bureau,
    reductionMonths: Math.min(random.pick([4, 6, 8, 9]), c.maxReductionMonths),
    hold: null,
    stopAt: null,
  };
}

/**
 * The demo's cases, from the admitted prisoners and the seed alone (so a
 * rerun plans the same): eligible fixed-term prisoners (eligibility by the
 * app's calculators, so no proposal comes before the earliest date) get bulk
 * commutation and parole cases opened over the year, and for every state of
 * both procedures a few stage cases that sit there at go-live.
 */
export function planDemoCases(options: DemoCasePlanOptions): DemoCasePlan[] {
  const random = createDemoRandom(options.seed ^ 0x5eedca5e);
  const { firstDay, today } = options;
  const share = options.share ?? { commutation: 0.02, parole: 0.006 };
  // PERF: prisoners are looked at in a seeded random order and assessed only when reached (the
  // calculators take ~0.3 ms a prisoner; a province needs ~2,000 cases of its 60,000).
  const order = [...options.admitted];
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const assessed = new Map<DemoAdmission, Candidate | null>();
  const candidateAt = (i: number): Candidate | null => {
    const admission = order[i]!;
    let found = assessed.get(admission);
    if (found === undefined) assessed.set(admission, (found = candidateOf(admission, firstDay) ?? null));
    return found;
  };
  const used = new Set<string>();
  const plans: DemoCasePlan[] = [];
  // Cases open from the history's second week; bulk ones by two months before go-live, so most finish.
  const earliest = addDays(firstDay, 7);
  const bulkLatest = addDays(today, -60);
  const stageOpen = addDays(today, -60);
  let skipFrom = 0;
  const take = (procedure: DemoCaseProcedure, filter: (c: Candidate) => boolean, latest: IsoDate): Candidate | undefined => {
    // Everyone before `skipFrom` is used already or never a candidate.
    while (skipFrom < order.length && (used.has(order[skipFrom]!.prisonerId) || candidateAt(skipFrom) === null)) skipFrom += 1;
    for (let i = skipFrom; i < order.length; i += 1) {
      const c = candidateAt(i);
      if (c === null || used.has(c.admission.prisonerId) || c[procedure] === null || later(c[procedure]!, earliest) > latest || !filter(c)) continue;
      if (procedure === 'commutation' && c.maxReductionMonths < 1) continue;
      used.add(c.admission.prisonerId);
      return c;
    }
    return undefined;
  };
  const perState = Math.max(1, Math.round(options.admitted.length / 6000));
  for (const procedure of ['commutation', 'parole'] as const) {
    for (const state of demoStageStates[procedure]) {
      for (let k = 0; k < perState; k += 1) {
        const c = take(procedure, (x) => (state === 'bureau_review' ? x.bureau : true), stageOpen);
        if (c === undefined) continue;
        const openOn = later(later(c[procedure]!, earliest), addDays(stageOpen, random.int(0, 5)));
        const hold = holdBefore[state];
        const correction = state === 'court_recheck' ? 'uphold' : 'none';
        const heldAtService = state === 'correction_window' ? { state: procedure === 'parole' ? 'release_pending' : 'ruled', daysBefore: 3 } : undefined;
        const holding = hold ?? heldAtService;
        plans.push({
          procedure,
          prisonerId: c.admission.prisonerId,
          prison: c.admission.prison,
          openOn,
          gap: 1,
          rulingGap: 1,
          objection: false,
          opinion: hold?.opinion ?? 'agree',
          hearing: c.hearing,
          outcome: 'grant',
          correction,
          withdrawAt: null,
          bureau: c.bureau,
          reductionMonths: Math.min(6, c.maxReductionMonths),
          hold: holding === undefined ? null : { state: holding.state, until: addDays(today, -holding.daysBefore) },
          stopAt: state,
        });
      }
    }
    // And a few that end, whatever the bulk cases do: executed, withdrawn by the prison head, refused by the court, set aside on the procuratorate's correction.
    for (const end of ['executed', 'withdrawn', 'refused', 'revoked'] as const) {
      for (let k = 0; k < perState; k += 1) {
        const c = take(procedure, () => true, stageOpen);
        if (c === undefined) continue;
        plans.push({
          ...bulkPlan(random, procedure, c, later(later(c[procedure]!, earliest), addDays(stageOpen, random.int(0, 5)))),
          gap: 1,
          rulingGap: 1,
          objection: false,
          opinion: 'agree',
          hearing: c.hearing,
          outcome: end === 'refused' ? 'refuse' : 'grant',
          correction: end === 'revoked' ? 'set-aside' : 'none',
          withdrawAt: end === 'withdrawn' ? 'committee_review' : null,
        });
      }
    }
    const bulk = Math.round(options.admitted.length * share[procedure]);
    for (let i = 0; i < bulk; i += 1) {
      const c = take(procedure, () => true, bulkLatest);
      if (c === undefined) break;
      const from = later(c[procedure]!, earliest);
      const span = Math.max(0, Math.round((Date.parse(bulkLatest) - Date.parse(from)) / 86_400_000));
      plans.push(bulkPlan(random, procedure, c, addDays(from, random.int(0, span))));
    }
  }
  return plans.sort((a, b) => (a.openOn < b.openOn ? -1 : a.openOn > b.openOn ? 1 : a.prisonerId < b.prisonerId ? -1 : 1));
}
