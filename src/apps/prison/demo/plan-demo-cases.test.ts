import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ed25519Suite } from '../../../crypto/ed25519-suite.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';
import { sentenceDatesOf } from '../sentence/eligibility-of.ts';
import { addDays } from '../prison-dates.ts';
import { generateDemoProvince, type DemoAdmission } from './demo-province.ts';
import { demoStageStates, planDemoCases } from './plan-demo-cases.ts';

const today = '2026-11-21';
const days = 365;
const firstDay = addDays(today, -days);

/** A province's admissions as the generator makes them (nothing signed). */
function admissionsOf(prisonersPerPrison: number): DemoAdmission[] {
  const key = ed25519Suite.generateSigningKey();
  const prisons = Array.from({ length: 21 }, (_, i) => `JS-${String(i + 1).padStart(2, '0')}`);
  const admitted: DemoAdmission[] = [];
  const batches = generateDemoProvince({ network: 'n', prisons, prisonersPerPrison, days, today, signers: { bureau: key, prison: () => ({ penalty: key, officer: key }) }, skipBatches: Number.MAX_SAFE_INTEGER, onAdmitted: (a) => admitted.push(...a) });
  for (const batch of batches) if (batch.phase === 'day') break;
  return admitted;
}

test('case plans: the same for a seed, never opened before the calculators’ earliest date, a stage case for every state of both procedures, bulk cases about 2% + 0.6% of prisoners', () => {
  const admitted = admissionsOf(100);
  const plans = planDemoCases({ admitted, firstDay, today, seed: 2027 });
  assert.deepEqual(planDemoCases({ admitted, firstDay, today, seed: 2027 }), plans, 'deterministic from the seed');
  const byId = new Map(admitted.map((a) => [a.prisonerId, a]));
  for (const plan of plans) {
    const admission = byId.get(plan.prisonerId)!;
    const doc = { ...admission, id: admission.prisonerId, status: 'in-custody', releasedOn: null, commutations: [], newCrimes: [], property: { state: 'none' }, merits: [], commendations: [] } as unknown as PrisonerDoc;
    const earliest = sentenceDatesOf(doc, firstDay).nextEligibility[plan.procedure];
    assert.ok(earliest !== null && earliest <= plan.openOn, `${plan.procedure} of ${plan.prisonerId} opens ${plan.openOn}, eligible ${earliest} (SPC 2016 arts. 6, 22)`);
    assert.ok(plan.openOn < today && plan.openOn > firstDay);
    if (plan.procedure === 'commutation') assert.ok(plan.reductionMonths <= 9, 'within art. 6 for repentance or merit');
  }
  assert.equal(new Set(plans.map((p) => p.prisonerId)).size, plans.length, 'one case a prisoner');
  for (const procedure of ['commutation', 'parole'] as const) {
    const stops = new Set(plans.filter((p) => p.procedure === procedure).map((p) => p.stopAt));
    for (const state of demoStageStates[procedure]) assert.ok(stops.has(state), `a ${procedure} case stops at ${state}`);
  }
  const bulk = plans.filter((p) => p.stopAt === null).length;
  assert.ok(bulk >= Math.round(2100 * 0.026) && bulk <= Math.round(2100 * 0.026) + 8, `bulk and end cases: ${bulk}`);
  // States a deadline leaves by itself are entered a few days before go-live, so the case is still there.
  for (const plan of plans.filter((p) => p.stopAt === 'public_notice' || p.stopAt === 'correction_window')) assert.ok(plan.hold !== null && plan.hold.until >= addDays(today, -3));
});
