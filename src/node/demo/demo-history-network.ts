import type { JsonObject } from '../../crypto/canonical-json.ts';
import type { SigningKey } from '../../crypto/suite.ts';
import { custosError } from '../../errors/custos-error.ts';
import { signTransaction } from '../../ledger/transaction.ts';
import type { ProcedureDefinition } from '../../procedures/index.ts';
import { initDataDir, isInitialized } from '../data-dir.ts';
import { demoApps } from './demo-apps.ts';
import { createDemoConsortium } from './demo-consortium.ts';
import type { CustosNode } from '../node.ts';
import type { DemoStaffMember } from './enroll-demo-staff.ts';

/**
 * Creates the demo consortium's network in `dir` (as `custos network init
 * --demo` does) with its genesis dated `time`: a simulated history that
 * starts after it can then be written with the dates it would have had.
 * Returns false when `dir` already holds a network.
 */
export async function initDemoHistoryNetwork(dir: string, time: number, network: string): Promise<boolean> {
  if (isInitialized(dir)) return false;
  const identity = await createDemoConsortium(dir, time, demoApps);
  initDataDir(dir, { network, title: 'Custos demo province', suite: 'ed25519-sha256', time, identity });
  return true;
}

const n = (prison: string) => prison.replace(/[^0-9]/g, '');

/**
 * The machine signers a province with cases needs, by organization: the
 * bureau's official and admin, each prison's penalty-execution member,
 * officer, section head, head and five review-committee members; a
 * prosecutor and the procuratorate's admin; a judge and a clerk.
 */
export function demoCaseStaff(prisons: readonly string[], withCases: boolean): Record<string, DemoStaffMember[]> {
  const prison = (p: string): DemoStaffMember[] => [
    { memberId: `scale-penalty-${n(p)}`, roles: ['prison.penalty-execution'], attributes: { prison: p } },
    { memberId: `scale-officer-${n(p)}`, roles: ['prison.officer'], attributes: { prison: p } },
    ...(withCases
      ? [
          { memberId: `scale-section-${n(p)}`, roles: ['prison.section-head'], attributes: { prison: p } },
          { memberId: `scale-head-${n(p)}`, roles: ['prison.head'], attributes: { prison: p } },
          ...[1, 2, 3, 4, 5].map((m) => ({ memberId: `scale-committee-${n(p)}-${m}`, roles: ['prison.review-committee'], attributes: { prison: p } })),
        ]
      : []),
  ];
  return {
    PrisonBureau: [
      { memberId: 'scale-bureau', roles: ['bureau.official'], attributes: {} },
      ...(withCases ? [{ memberId: 'scale-admin', roles: ['admin'], attributes: {} }] : []),
      ...prisons.flatMap(prison),
    ],
    ...(withCases
      ? {
          Procuratorate: [
            { memberId: 'scale-prosecutor', roles: ['procuratorate.prosecutor'], attributes: {} },
            { memberId: 'scale-procuratorate-admin', roles: ['admin'], attributes: {} },
          ],
          Court: [
            { memberId: 'scale-judge', roles: ['court.judge'], attributes: {} },
            { memberId: 'scale-clerk', roles: ['court.clerk'], attributes: {} },
          ],
        }
      : {}),
  };
}

/**
 * Registers procedure definitions through governance with machine signers:
 * the bureau's admin proposes each, the procuratorate's admin approves (two
 * of the justice admins), as `registerDemoProcedures` does with people.
 */
export async function registerDemoProceduresAs(node: CustosNode, proposer: SigningKey, approver: SigningKey, definitions: readonly ProcedureDefinition[]): Promise<void> {
  let nonce = 0;
  const call = async (key: SigningKey, fn: string, args: JsonObject): Promise<JsonObject> => {
    nonce += 1;
    const tx = signTransaction({ v: 1, network: node.genesis.network, contract: 'governance', fn, args, signer: key.publicKey, nonce: `demo-procedures-${node.now()}-${nonce}`, ts: node.now() }, key);
    const result = (await node.submit(tx, { wait: true })).result as unknown as { status: string; value?: JsonObject; code?: string; message?: string } | undefined;
    if (result?.status !== 'ok') throw custosError('RUNTIME_BAD_ARGS', `registering demo procedures: governance.${fn} failed: ${result?.code ?? 'no result'} ${result?.message ?? ''}`);
    return result.value ?? {};
  };
  const proposals = await Promise.all(
    definitions.map((definition) =>
      call(proposer, 'propose', {
        action: 'registerProcedure',
        title: `${definition.title.en} v${definition.version}`,
        payload: { id: definition.id, version: definition.version, definition: definition as unknown as JsonObject },
      }),
    ),
  );
  await Promise.all(proposals.map((value) => call(approver, 'approve', { proposal: String(value['proposal']) })));
}
