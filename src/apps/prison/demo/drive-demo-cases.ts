import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { CaseDocument } from '../../../procedures/case-document.ts';
import { prisonCollections as c } from '../collections.ts';
import type { CycleDoc } from '../contract/prison-docs.ts';
import { readPrisoner } from '../contract/prisoner-store.ts';
import type { IsoDate } from '../prison-dates.ts';
import { readCaseLinks } from '../procedures/case-links.ts';
import { chinaDay, chinaTime } from './demo-clock.ts';
import { nextDemoCaseMove, type DemoCall, type DemoCaseView, type DemoPrisonerView } from './demo-case-moves.ts';
import type { DemoCasePlan } from './plan-demo-cases.ts';

/** What the case driver reads of a node's state (in process: `node.ledger.state`). */
export interface DemoStateReader {
  get(collection: string, id: string): JsonObject | undefined;
  /** Documents of an index query, as stored. */
  query(collection: string, index: string, equals: (string | number | boolean | null)[]): JsonObject[];
}

export interface DemoCaseDriverOptions {
  plans: readonly DemoCasePlan[];
  read: DemoStateReader;
  /** Moves the simulated clock forward (never back) before each round. */
  advanceClock(time: number): void;
  /** Signs (at the clock's time) and submits a round's calls together; per call, null or the failure (the rerun's already-done codes count as null). */
  submit(calls: readonly DemoCall[]): Promise<({ code: string; message: string } | null)[]>;
}

/** The latest case of a procedure for a prisoner, from the procedures contract's `bySubject` index. */
function caseOf(read: DemoStateReader, plan: DemoCasePlan): CaseDocument | undefined {
  let latest: CaseDocument | undefined;
  for (const row of read.query('procedures.cases', 'bySubject', ['prisoner', plan.prisonerId])) {
    const doc = row['case'] as unknown as CaseDocument;
    if (doc.procedure.id === plan.procedure && (latest === undefined || doc.openedAt >= latest.openedAt)) latest = doc;
  }
  return latest;
}

function caseViewOf(read: DemoStateReader, plan: DemoCasePlan, doc: CaseDocument): DemoCaseView {
  let enteredAt = doc.openedAt;
  for (const entry of doc.history) if (entry.to !== undefined && entry.to === doc.state) enteredAt = entry.at;
  return {
    caseId: doc.id,
    state: doc.state,
    closed: doc.closed,
    enteredOn: chinaDay(enteredAt),
    enteredAt,
    objected: doc.history.some((entry) => entry.step === 'record_objection'),
    approvedBy: Object.values(doc.pending).flatMap((approvals) => approvals.map((a) => a.by.memberId)),
    rulingRecorded: readCaseLinks((collection, id) => read.get(collection, id), plan.prisonerId).rulingCases.includes(doc.id),
  };
}

function prisonerViewOf(read: DemoStateReader, prisonerId: string): DemoPrisonerView & { releasedOn: IsoDate | null } {
  const prisoner = readPrisoner((collection, id) => read.get(collection, id), prisonerId);
  let fullCycle: number | null = null;
  for (let n = 1; fullCycle === null; n += 1) {
    const cycle = read.get(c.cycles, `${prisonerId}/${n}`) as CycleDoc | undefined;
    if (cycle === undefined) break;
    if (cycle.status === 'full' && !cycle.punished) fullCycle = n;
  }
  return {
    inCustody: prisoner?.status === 'in-custody',
    releasedOn: prisoner?.releasedOn ?? null,
    commendations: prisoner?.commendations.length ?? 0,
    merits: prisoner?.merits.length ?? 0,
    fullCycle,
  };
}

/**
 * Runs the demo's cases day by day against the ledger's state: each day,
 * every plan whose case has something to do (nextDemoCaseMove) takes it;
 * the moves' rounds go in lockstep (round r of every case together, then
 * r+1), each a minute after 09:00 China time on the day. State-driven, so a
 * rerun after an interruption continues from what the ledger holds.
 * Returns `onDay` for the seeder and the prisoners released on parole (no
 * more scores for them).
 */
export function createDemoCaseDriver(options: DemoCaseDriverOptions) {
  const { plans, read } = options;
  const finished = new Set<DemoCasePlan>();
  const released = new Map<string, IsoDate>();
  // A rerun: prisoners released by an earlier run's parole cases.
  for (const plan of plans) {
    if (plan.procedure !== 'parole') continue;
    const { releasedOn } = prisonerViewOf(read, plan.prisonerId);
    if (releasedOn !== null) released.set(plan.prisonerId, releasedOn);
  }
  let failed = 0;
  const firstFailures: { code: string; message: string }[] = [];
  let calls = 0;

  async function onDay(day: IsoDate): Promise<void> {
    const moves: { plan: DemoCasePlan; rounds: DemoCall[][] }[] = [];
    for (const plan of plans) {
      if (finished.has(plan) || plan.openOn > day) continue;
      const doc = caseOf(read, plan);
      const prisoner = prisonerViewOf(read, plan.prisonerId);
      if (doc !== undefined && (doc.closed || doc.state === plan.stopAt)) {
        if (doc.closed) finished.add(plan);
        continue;
      }
      const move = nextDemoCaseMove(plan, prisoner, doc === undefined ? undefined : caseViewOf(read, plan, doc), day);
      if (move !== null) moves.push({ plan, rounds: move });
    }
    for (let round = 0; ; round += 1) {
      // A case whose move failed takes no further rounds, and is given up: a failing step would fail again every day.
      const going = moves.filter((move) => !finished.has(move.plan));
      const batch = going.flatMap((move) => (move.rounds[round] ?? []).map((call) => ({ plan: move.plan, call })));
      if (batch.length === 0) break;
      options.advanceClock(chinaTime(day, 9, round));
      const results = await options.submit(batch.map((b) => b.call));
      calls += batch.length;
      results.forEach((failure, i) => {
        const { plan, call } = batch[i]!;
        if (failure === null) {
          if (call.fn === 'releasePrisoner') released.set(String(call.args['prisonerId']), day);
          return;
        }
        failed += 1;
        if (firstFailures.length < 10) firstFailures.push({ code: failure.code, message: `${plan.procedure} of ${plan.prisonerId}: ${call.contract}.${call.fn}: ${failure.message}` });
        finished.add(plan);
      });
    }
  }

  return {
    onDay,
    isReleased: (prisonerId: string, day: IsoDate): boolean => {
      const on = released.get(prisonerId);
      return on !== undefined && on <= day;
    },
    stats: () => ({ transactions: calls, failed, firstFailures }),
  };
}
