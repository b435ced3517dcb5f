import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { MemberSpec, PrisonTestNetwork } from './prison-test-network.ts';
import { createPrisonTestNetwork } from './prison-test-network.ts';
import { prisonCollections } from '../collections.ts';

const bureau = 'PrisonBureau';
const at = (prison: string) => ({ prison });

/** The cast of the contract tests: JS-07's staff, one officer of JS-03, the bureau, the court, the procuratorate. */
export const fixtureMembers: MemberSpec[] = [
  { memberId: 'officer-07', org: bureau, roles: ['prison.officer'], attributes: at('JS-07') },
  { memberId: 'officer-07b', org: bureau, roles: ['prison.officer'], attributes: at('JS-07') },
  { memberId: 'officer-03', org: bureau, roles: ['prison.officer'], attributes: at('JS-03') },
  { memberId: 'section-07', org: bureau, roles: ['prison.section-head'], attributes: at('JS-07') },
  { memberId: 'section-07b', org: bureau, roles: ['prison.section-head'], attributes: at('JS-07') },
  { memberId: 'head-07', org: bureau, roles: ['prison.head'], attributes: at('JS-07') },
  { memberId: 'penalty-07', org: bureau, roles: ['prison.penalty-execution'], attributes: at('JS-07') },
  { memberId: 'penalty-03', org: bureau, roles: ['prison.penalty-execution'], attributes: at('JS-03') },
  { memberId: 'money-07', org: bureau, roles: ['prison.money-clerk'], attributes: at('JS-07') },
  { memberId: 'posts-07', org: bureau, roles: ['prison.post-manager'], attributes: at('JS-07') },
  { memberId: 'bureau-1', org: bureau, roles: ['bureau.official'] },
  { memberId: 'judge-1', org: 'Court', roles: ['court.judge'] },
  { memberId: 'clerk-1', org: 'Court', roles: ['court.clerk'] },
  { memberId: 'prosecutor-1', org: 'Procuratorate', roles: ['procuratorate.prosecutor'] },
];

export const goLiveDate = '2026-01-01';

export function prisonArgs(id: string): JsonObject {
  return {
    id,
    name: `Prison ${id}`,
    goLiveDate,
    units: [
      { id: 'D1', name: '一监区', parent: null, normalDaily: { min: -5, max: 6 } },
      { id: 'D1-1', name: '一监区一分监区', parent: 'D1', normalDaily: { min: -5, max: 6 } },
    ],
  };
}

/** A fixed term of 8 years for theft, delivered 2025-02-01 with 120 days in custody before. */
export function admitArgs(prisonerId: string, prison = 'JS-07', overrides: JsonObject = {}): JsonObject {
  return {
    prisonerId,
    prison,
    unit: 'D1-1',
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
    ...overrides,
  };
}

/** A network on 2026-06-01 with JS-07 and JS-03 registered and prisoner P1 in JS-07, P3 in JS-03. */
export async function createFixtureNetwork(start = '2026-06-01'): Promise<PrisonTestNetwork> {
  const net = await createPrisonTestNetwork({ start, members: fixtureMembers });
  net.ok('bureau-1', 'registerPrison', prisonArgs('JS-07'));
  net.ok('bureau-1', 'registerPrison', prisonArgs('JS-03'));
  net.ok('penalty-07', 'admitPrisoner', admitArgs('P1'));
  net.ok('penalty-03', 'admitPrisoner', admitArgs('P3', 'JS-03'));
  return net;
}

/** Everything the tests look at for a prisoner, to show a failed transaction wrote nothing. */
export function prisonerSnapshot(net: PrisonTestNetwork, prisonerId: string): string {
  const s = net.ledger.state;
  const c = prisonCollections;
  return JSON.stringify({
    prisoner: s.get(c.prisoners, prisonerId),
    points: s.get(c.points, prisonerId),
    scores: s.query(c.scores, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }),
    months: s.query(c.scoreMonths, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }),
    cycles: s.query(c.cycles, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }),
    alerts: s.query(c.alerts, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }),
    rulings: s.query(c.rulings, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }),
    account: s.get(c.accounts, prisonerId),
    entries: s.query(c.accountEntries, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }),
    property: s.query(c.property, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }),
    movements: s.query(c.movements, { index: 'byPrisoner', equals: [prisonerId], limit: 1000 }),
  });
}

/** Runs a transaction that must fail with `code` and leave the prisoner's records as they were. */
export function expectRejected(net: PrisonTestNetwork, memberId: string, fn: string, args: JsonObject, code: string, prisonerId = 'P1'): string {
  const before = prisonerSnapshot(net, prisonerId);
  const result = net.run(memberId, fn, args);
  if (result.status !== 'failed') throw new Error(`${fn} by ${memberId} succeeded; expected ${code}`);
  if (result.code !== code) throw new Error(`${fn} by ${memberId} failed with ${result.code} (${result.message}); expected ${code}`);
  if (prisonerSnapshot(net, prisonerId) !== before) throw new Error(`${fn} by ${memberId} failed with ${code} but changed ${prisonerId}'s records`);
  return result.message;
}
