import { ed25519Suite } from '../../../crypto/ed25519-suite.ts';
import type { SigningKey } from '../../../crypto/suite.ts';
import type { JsonObject, JsonValue } from '../../../crypto/canonical-json.ts';
import { createOrgCa, issueMemberCertificate, type OrgCa } from '../../../identity/index.ts';
import { admitTransaction, type AdmittedTransaction } from '../../../ledger/admission.ts';
import { defaultTxWindow, type Genesis } from '../../../ledger/genesis.ts';
import { openLedger, type Ledger } from '../../../ledger/ledger.ts';
import type { TransactionResult } from '../../../ledger/result.ts';
import { signTransaction } from '../../../ledger/transaction.ts';
import { coreRoles, corePolicies, demoOrganizations } from '../../../node/demo/demo-organizations.ts';
import { notaryContract } from '../../../runtime/contracts/notary.ts';
import { createRuntime } from '../../../runtime/runtime.ts';
import { systemContracts } from '../../../runtime/system/system-contracts.ts';
import { prisonApp } from '../manifest.ts';

export interface TestMember {
  memberId: string;
  org: string;
  roles: string[];
  attributes: Record<string, string>;
  key: SigningKey;
}

export interface MemberSpec {
  memberId: string;
  org: string;
  roles: string[];
  attributes?: Record<string, string>;
}

const msPerDay = 86_400_000;

/** 10:00 China time on a calendar day. */
export function chinaMorning(date: string): number {
  return Date.parse(`${date}T02:00:00Z`);
}

/**
 * An in-memory network with the demo consortium's organizations, the prison
 * app and enrolled members, for contract tests: `run` signs one transaction,
 * commits it in its own block at the network's clock and returns the result.
 */
export async function createPrisonTestNetwork(options: { start: string; members: MemberSpec[]; network?: string }) {
  const network = options.network ?? 'prison-unit';
  let now = chinaMorning(options.start);
  const notBefore = new Date(now - 5 * 365 * msPerDay);
  const notAfter = new Date(now + 30 * 365 * msPerDay);
  const cas = new Map<string, OrgCa>();
  for (const org of demoOrganizations) cas.set(org.id, await createOrgCa({ org: org.id, notBefore, notAfter }));
  const orderer = ed25519Suite.generateSigningKey();
  const nodeKey = ed25519Suite.generateSigningKey();
  const genesis: Genesis = {
    v: 1,
    network,
    title: 'prison unit tests',
    suite: 'ed25519-sha256',
    time: now - msPerDay,
    orderers: [orderer.publicKey],
    nodes: [nodeKey.publicKey],
    txWindow: defaultTxWindow,
    organizations: demoOrganizations.map((org) => ({
      id: org.id,
      name: org.name,
      caCertificate: cas.get(org.id)!.certificatePem,
      ...('units' in org ? { units: org.units.map((u) => ({ id: u.id, name: u.name })) } : {}),
    })),
    roles: [...coreRoles, ...prisonApp.roles],
    policies: { ...corePolicies, ...prisonApp.policies },
    extensions: {},
  };
  const contracts = [...systemContracts(genesis), notaryContract, ...prisonApp.contracts];
  const ledger: Ledger = openLedger({ path: ':memory:', genesis, executor: createRuntime(contracts, { genesis }), nodeKey, store: { durability: 'normal' } });
  let nonce = 0;

  function sign(member: Pick<TestMember, 'key'>, contract: string, fn: string, args: JsonObject): AdmittedTransaction {
    nonce += 1;
    const tx = signTransaction({ v: 1, network, contract, fn, args, signer: member.key.publicKey, nonce: `t${nonce}`, ts: now }, member.key);
    return admitTransaction(tx, { suite: ed25519Suite, network, limits: { maxBytes: 256 * 1024 } });
  }

  function commit(transactions: AdmittedTransaction[]): TransactionResult[] {
    const block = ledger.commitProposal({ time: now, transactions }, orderer);
    return block.transactions.map((t) => t.result);
  }

  const members = new Map<string, TestMember>();
  const enrollments: AdmittedTransaction[] = [];
  for (const spec of options.members) {
    const key = ed25519Suite.generateSigningKey();
    const certificate = await issueMemberCertificate({ ca: cas.get(spec.org)!, memberId: spec.memberId, publicKey: key.publicKey, roles: spec.roles, attributes: spec.attributes ?? {}, notBefore, notAfter });
    const member: TestMember = { memberId: spec.memberId, org: spec.org, roles: spec.roles, attributes: spec.attributes ?? {}, key };
    members.set(spec.memberId, member);
    enrollments.push(sign(member, 'identity', 'enroll', { certificate }));
  }
  const enrolled = commit(enrollments);
  const failed = enrolled.find((r) => r.status !== 'ok');
  if (failed !== undefined) throw new Error(`enrollment failed: ${JSON.stringify(failed)}`);

  function member(id: string): TestMember {
    const found = members.get(id);
    if (found === undefined) throw new Error(`no test member ${id}`);
    return found;
  }

  return {
    genesis,
    ledger,
    cas,
    member,
    members: () => [...members.values()],
    now: () => now,
    /** Moves the clock to 10:00 China time on `date`. */
    setDate(date: string): void {
      const next = chinaMorning(date);
      if (next < now) throw new Error('the test clock only moves forward');
      now = next;
    },
    sign,
    commit,
    /** Signs and commits one prison transaction. */
    run(memberId: string, fn: string, args: JsonObject): TransactionResult {
      return commit([sign(member(memberId), 'prison', fn, args)])[0]!;
    },
    /** The `value` of an ok result, or throws with the failure. */
    ok(memberId: string, fn: string, args: JsonObject): JsonValue | undefined {
      const result = commit([sign(member(memberId), 'prison', fn, args)])[0]!;
      if (result.status !== 'ok') throw new Error(`${fn} failed: ${result.code} ${result.message}`);
      return result.value;
    },
  };
}

export type PrisonTestNetwork = Awaited<ReturnType<typeof createPrisonTestNetwork>>;
