import { demoProvinceSizes } from '../../apps/prison/demo/demo-province.ts';
import { seedDemoProvince, type SeedProgress } from '../../apps/prison/demo/seed-demo-province.ts';
import type { SignedTransaction } from '../../ledger/transaction.ts';
import type { EnrolledMember } from '../enroll-member.ts';
import type { CustosNode } from '../node.ts';
import { demoOrganizations } from './demo-organizations.ts';
import { createDemoSubmitter } from './demo-submitter.ts';
import { nodeDemoLedger, type DemoLedger } from './demo-ledger.ts';
import { enrollDemoStaff, type DemoStaffMember } from './enroll-demo-staff.ts';

/**
 * PERF: batches of one phase in flight at once (days of scores are
 * independent): their transactions share blocks, and signing the next batch
 * overlaps the commit of the last.
 */
export const demoInFlight = 4;

/** Submits a batch's independent transactions together (so they share blocks) and collects the failures. */
export async function submitDemoBatch(ledger: DemoLedger, transactions: readonly SignedTransaction[]): Promise<{ failed: { code: string; message: string }[] }> {
  const results = await Promise.all(transactions.map((tx) => ledger.submitAndWait(tx)));
  return { failed: results.filter((r) => r.status !== 'ok').map((r) => ({ code: r.code ?? 'UNKNOWN', message: r.message ?? '' })) };
}

export interface DemoPrisonSize {
  prisonersPerPrison: number;
  days: number;
}

export const prisonsOf = (): string[] => demoOrganizations[0].units.map((unit) => unit.id);
const n = (prison: string) => prison.replace(/[^0-9]/g, '');

/** Each prison's penalty-execution member and supervising officer, who sign its migrated history. */
export function provinceStaff(prisons: readonly string[]): DemoStaffMember[] {
  return prisons.flatMap((prison) => [
    { memberId: `province-penalty-${n(prison)}`, roles: ['prison.penalty-execution'], attributes: { prison } },
    { memberId: `province-officer-${n(prison)}`, roles: ['prison.officer'], attributes: { prison } },
  ]);
}

/**
 * The prison demo on a seeded consortium: province staff, the 21 prisons,
 * prisoners with migrated score history (generateDemoProvince), and
 * commutation cases of JS-07 at several stages. Returns what was done.
 */
export async function seedDemoPrison(
  node: CustosNode,
  dataDir: string,
  members: Map<string, EnrolledMember>,
  size: DemoPrisonSize = demoProvinceSizes.start,
  onProgress: (progress: SeedProgress) => void = () => {},
): Promise<{ transactions: number; failed: number; firstFailures: { code: string; message: string }[]; cases: number }> {
  const ledger = nodeDemoLedger(node);
  const staff = await enrollDemoStaff(ledger, dataDir, 'PrisonBureau', provinceStaff(prisonsOf()));
  const today = new Date(node.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const key = (memberId: string) => staff.get(memberId) ?? members.get(memberId)!.signingKey;
  const seeded = await seedDemoProvince(
    {
      network: node.genesis.network,
      prisons: prisonsOf(),
      prisonersPerPrison: size.prisonersPerPrison,
      days: size.days,
      today,
      clock: node.now,
      signers: { bureau: key('bureau-official'), prison: (prison) => ({ penalty: key(`province-penalty-${n(prison)}`), officer: key(`province-officer-${n(prison)}`) }) },
    },
    (batch) => submitDemoBatch(ledger, batch.transactions),
    onProgress,
    { inFlight: demoInFlight },
  );
  const cases = await seedDemoCases(node, members);
  return { ...seeded, cases };
}

/** Commutation cases of JS-07 prisoners left at the first stages (later ones need their notice periods to run). */
async function seedDemoCases(node: CustosNode, members: Map<string, EnrolledMember>): Promise<number> {
  const submit = createDemoSubmitter(node, members);
  const prisoners = node.ledger.state.query('prison.prisoners', { index: 'byPrison', equals: ['JS-07', 'in-custody'], limit: 500 });
  const today = new Date(node.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const eligible = prisoners.filter((p) => {
    const next = (p.doc['nextEligibility'] as { commutation: string | null }).commutation;
    return next !== null && next <= today && p.doc['sentence'] !== null && (p.doc['sentence'] as { kind: string }).kind === 'fixed-term';
  });
  let cases = 0;
  for (const [i, prisoner] of eligible.slice(0, 6).entries()) {
    const opened = await submit.tryCall({ by: 'officer-js07', contract: 'procedures', fn: 'openCase', args: { procedure: 'commutation', subject: { type: 'prisoner', id: prisoner.id } } });
    if (!opened.ok) continue;
    cases += 1;
    const caseId = (opened.value as { caseId: string }).caseId;
    if (i % 3 === 0) continue; // left at the unit's proposal
    const hash = (label: string) => Buffer.from(`${caseId}:${label}`.padEnd(32, '.').slice(0, 32)).toString('hex');
    const evidence = async (type: string, by: string) => {
      const h = hash(type);
      await submit.tryCall({ by, contract: 'notary', fn: 'anchor', args: { hash: h, title: `${type} ${prisoner.id}`, type: 'prison.evidence' } });
      return [{ type, hash: h }];
    };
    const act = (by: string, step: string, extra: Record<string, unknown> = {}) => submit.tryCall({ by, contract: 'procedures', fn: 'act', args: { caseId, action: { kind: 'step', step, ...extra } } as never });
    const proposed = await act('officer-js07', 'propose', { form: { grounds: 'repentance', proposedReductionMonths: 6 }, evidence: await evidence('points-record', 'officer-js07') });
    if (!proposed.ok || i % 3 === 1) continue; // at the section heads' meeting
    await act('section-head-js07', 'section_pass', { evidence: await evidence('meeting-minutes', 'section-head-js07') });
    await act('penalty-js07', 'penalty_pass');
    for (let m = 1; m <= 5; m += 1) await act(`committee-js07-${m}`, 'committee_pass', { form: { membersPresent: 9 }, ...(m === 1 ? { evidence: await evidence('committee-minutes', 'committee-js07-1') } : {}) });
  }
  return cases;
}
