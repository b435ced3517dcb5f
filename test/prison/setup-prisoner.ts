import type { DemoTestNode } from '../support/demo-node.ts';
import { sessionOf } from './prison-http.ts';

export const goLive = '2026-01-01';

export function prisonArgs(id: string) {
  return {
    id,
    name: `Prison ${id}`,
    goLiveDate: goLive,
    units: [
      { id: 'D1', name: '一监区', parent: null, normalDaily: { min: -5, max: 8 } },
      { id: 'D3', name: '三监区', parent: null, normalDaily: { min: -5, max: 8 } },
    ],
  };
}

/** An 8-year fixed term for theft, delivered 2025-02-01 with 120 days in custody before. */
export function admitArgs(prisonerId: string, prison: string) {
  return {
    prisonerId,
    prison,
    unit: 'D3',
    admittedOn: '2025-02-01',
    personalDataHash: 'ab'.repeat(32),
    birthDate: '1990-04-02',
    recidivist: false,
    canWork: true,
    health: {},
    noRiskOfReoffending: null,
    refusesRestitution: false,
    refusesToAdmitGuilt: false,
    sentence: {
      kind: 'fixed-term',
      termMonths: 96,
      custodyCreditDays: 120,
      judgmentEffectiveDate: '2025-01-10',
      executionStartDate: '2025-02-01',
      convictions: [{ crime: '盗窃罪', categories: [], punishment: { kind: 'fixed-term', months: 96 }, offenceDate: '2024-05-01' }],
    },
  };
}

/**
 * JS-07 and JS-03 registered by the bureau official; P1 in JS-07 with twelve
 * closed months and two commendations (repentance, SPC 2016 art. 3), P3 in
 * JS-03. Each step signed over HTTP by the person whose job it is.
 */
export async function setUpPrisoners(t: DemoTestNode): Promise<void> {
  const bureau = await sessionOf(t, 'bureau-official');
  await bureau.ok('prison', 'registerPrison', prisonArgs('JS-07'));
  await bureau.ok('prison', 'registerPrison', prisonArgs('JS-03'));
  const penalty = await sessionOf(t, 'penalty-js07');
  await penalty.ok('prison', 'admitPrisoner', admitArgs('P1', 'JS-07'));
  await (await sessionOf(t, 'penalty-js03')).ok('prison', 'admitPrisoner', admitArgs('P3', 'JS-03'));
  const officer = await sessionOf(t, 'officer-js07');
  await Promise.all(
    ['2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01'].map((month) =>
      officer.ok('prison', 'closeMonth', { month, prisonerIds: ['P1'] }),
    ),
  );
  const section = await sessionOf(t, 'section-head-js07');
  const head = await sessionOf(t, 'head-js07');
  for (const cycleNo of [1, 2]) {
    await section.ok('prison', 'proposeGrade', { prisonerId: 'P1', cycleNo, grade: 'commendation', minutesHash: 'aa'.repeat(32) });
    await head.ok('prison', 'confirmGrade', { prisonerId: 'P1', cycleNo, grade: 'commendation' });
  }
}
