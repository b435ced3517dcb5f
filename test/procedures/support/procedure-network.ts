// A small permissioned network on an in-memory ledger for the procedure tests:
// organization CAs, members enrolled through identity.enroll, the system
// contracts with the procedure engine's governance hooks, the notary and the
// procedures contract. Blocks are cut by hand at chosen block times.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { JsonObject, JsonValue } from '../../../src/crypto/canonical-json.ts';
import { ed25519Suite } from '../../../src/crypto/ed25519-suite.ts';
import type { SigningKey } from '../../../src/crypto/suite.ts';
import { createOrgCa, issueMemberCertificate, type OrgCa } from '../../../src/identity/index.ts';
import { admitTransaction, type AdmittedTransaction } from '../../../src/ledger/admission.ts';
import { defaultTxWindow, type Genesis } from '../../../src/ledger/genesis.ts';
import { openLedger, type CommittedBlock, type Ledger } from '../../../src/ledger/ledger.ts';
import type { TransactionResult } from '../../../src/ledger/result.ts';
import { signTransaction } from '../../../src/ledger/transaction.ts';
import { createProceduresContract, loadShippedCalendar, procedureCollections, procedureGovernanceHooks, type CaseRecord } from '../../../src/procedures/contract/index.ts';
import { parseDefinitionYaml } from '../../../src/procedures/index.ts';
import { notaryContract } from '../../../src/runtime/contracts/notary.ts';
import { createRuntime } from '../../../src/runtime/runtime.ts';
import { systemContracts } from '../../../src/runtime/system/system-contracts.ts';

const root = new URL('../../../', import.meta.url);

/** A shipped definition as JSON (what a governance proposal carries). */
export function shippedDefinitionJson(name: string): JsonObject {
  return parseDefinitionYaml(readFileSync(new URL(`procedures/${name}.yaml`, root), 'utf8')) as unknown as JsonObject;
}

/** Block time of a China Standard Time wall-clock reading: `cst('2024-09-27 10:00')`. */
export function cst(local: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (match === null) assert.fail(`bad CST time ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - 8 * 3_600_000;
}

/** A SHA-256 document hash derived from a label. */
export function docHash(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

export interface MemberSpec {
  readonly memberId: string;
  readonly org: string;
  readonly roles: readonly string[];
}

export interface NetworkSpec {
  readonly orgs: readonly string[];
  readonly roles: readonly string[];
  readonly members: readonly MemberSpec[];
  /** Policies beyond the defaults below. */
  readonly policies?: Readonly<Record<string, string>>;
  /** Genesis time (and the time of the enrollment block). */
  readonly start: number;
}

/** The test network's genesis, CAs and keys; `openLedger` can open any number of fresh ledgers on it (replay). */
export interface NetworkFixture {
  readonly genesis: Genesis;
  readonly orderer: SigningKey;
  readonly nodeKey: SigningKey;
  readonly keys: ReadonlyMap<string, SigningKey>;
  readonly certificates: ReadonlyMap<string, string>;
}

const period = { notBefore: new Date('2018-01-01T00:00:00Z'), notAfter: new Date('2032-01-01T00:00:00Z') };

/** Genesis with one CA per organization and a certificate per member (certificates are slow: build once per file). */
export async function createNetworkFixture(spec: NetworkSpec): Promise<NetworkFixture> {
  const cas = new Map<string, OrgCa>();
  for (const org of spec.orgs) cas.set(org, await createOrgCa({ org, ...period }));
  const keys = new Map<string, SigningKey>();
  const certificates = new Map<string, string>();
  for (const member of spec.members) {
    const key = ed25519Suite.generateSigningKey();
    keys.set(member.memberId, key);
    certificates.set(member.memberId, await issueMemberCertificate({ ca: cas.get(member.org)!, memberId: member.memberId, publicKey: key.publicKey, roles: member.roles, ...period }));
  }
  const admins = spec.members.filter((m) => m.roles.includes('admin')).map((m) => `admin@${m.org}`);
  const anyAdmin = `1 OF (${[...new Set(admins)].join(', ')})`;
  const twoAdmins = `2 OF (${[...new Set(admins)].join(', ')})`;
  const orderer = ed25519Suite.generateSigningKey();
  const nodeKey = ed25519Suite.generateSigningKey();
  const genesis: Genesis = {
    v: 1,
    network: 'procedures-test',
    title: 'procedures test',
    suite: 'ed25519-sha256',
    time: spec.start,
    orderers: [orderer.publicKey],
    nodes: [nodeKey.publicKey],
    txWindow: defaultTxWindow,
    organizations: spec.orgs.map((org) => ({ id: org, name: { zh: org, en: org }, caCertificate: cas.get(org)!.certificatePem })),
    roles: spec.roles.map((name) => ({ name, title: name })),
    policies: {
      'notary.anchor': 'ANY MEMBER',
      'procedures.openCase': 'ANY MEMBER',
      'procedures.act': 'ANY MEMBER',
      'procedures.recordSubject': 'ANY MEMBER',
      'governance.propose': anyAdmin,
      'governance.approve': anyAdmin,
      'governance.withdraw': anyAdmin,
      'governance.registerProcedure': twoAdmins,
      'governance.retireProcedure': twoAdmins,
      'governance.setCalendar': twoAdmins,
      ...spec.policies,
    },
    extensions: {},
  };
  return { genesis, orderer, nodeKey, keys, certificates };
}

/** One transaction's outcome in a committed block. */
export interface Outcome {
  readonly txId: string;
  readonly result: TransactionResult;
  readonly ok: boolean;
  readonly code: string | undefined;
  readonly value: JsonValue | undefined;
}

/** A network on a fresh in-memory ledger: submit transactions as members, cut blocks at chosen times. */
export function openNetwork(fixture: NetworkFixture) {
  const { genesis } = fixture;
  const contracts = [...systemContracts(genesis, { procedures: procedureGovernanceHooks }), notaryContract, createProceduresContract({ defaultCalendar: loadShippedCalendar() })];
  const ledger: Ledger = openLedger({ path: ':memory:', genesis, executor: createRuntime(contracts, { genesis }), nodeKey: fixture.nodeKey, store: { durability: 'normal' } });
  /** Every block's proposal, for replays. */
  const proposals: { time: number; transactions: AdmittedTransaction[] }[] = [];
  let nonce = 0;

  function transaction(memberId: string, contract: string, fn: string, args: JsonObject, ts: number): AdmittedTransaction {
    const key = fixture.keys.get(memberId);
    assert.ok(key !== undefined, `no member ${memberId}`);
    nonce += 1;
    const tx = signTransaction({ v: 1, network: genesis.network, contract, fn, args, signer: key.publicKey, nonce: `n-${nonce}`, ts }, key);
    return admitTransaction(tx, { suite: ed25519Suite, network: genesis.network, limits: { maxBytes: 256 * 1024 } });
  }

  function commit(time: number, transactions: AdmittedTransaction[]): CommittedBlock {
    proposals.push({ time, transactions });
    return ledger.commitProposal({ time, transactions }, fixture.orderer);
  }

  function outcomes(block: CommittedBlock): Outcome[] {
    return block.transactions.map((t) => ({
      txId: t.txId,
      result: t.result,
      ok: t.result.status === 'ok',
      code: t.result.status === 'failed' ? t.result.code : undefined,
      value: t.result.status === 'ok' ? (t.result as { value?: JsonValue }).value : undefined,
    }));
  }

  return {
    ledger,
    proposals,
    /** Enrolls every member of the fixture in one block at `time`. */
    enrollAll(time: number): void {
      const txs = [...fixture.certificates].map(([memberId, certificate]) => transaction(memberId, 'identity', 'enroll', { certificate }, time));
      for (const outcome of outcomes(commit(time, txs))) assert.ok(outcome.ok, `enrollment failed: ${outcome.code} ${outcome.result.status === 'failed' ? outcome.result.message : ''}`);
    },
    /** One block at `time` with these calls (each signed by its member, ts = block time). */
    block(time: number, calls: readonly { by: string; contract: string; fn: string; args: JsonObject }[]): Outcome[] {
      return outcomes(commit(time, calls.map((call) => transaction(call.by, call.contract, call.fn, call.args, time))));
    },
    /** One call in its own block at `time`. */
    call(time: number, by: string, contract: string, fn: string, args: JsonObject): Outcome {
      return outcomes(commit(time, [transaction(by, contract, fn, args, time)]))[0]!;
    },
    /** An empty block at `time`: only the block hook runs. */
    tick(time: number): void {
      commit(time, []);
    },
    caseRecord(caseId: string): CaseRecord {
      const found = ledger.state.get(procedureCollections.cases, caseId);
      assert.ok(found !== undefined, `no case ${caseId}`);
      return found.doc as unknown as CaseRecord;
    },
    /** Canonical text of every state document, in order: "nothing written" compares these. */
    stateSnapshot(): string {
      return JSON.stringify(
        (ledger.rawDatabase().prepare('SELECT collection, id, doc, version FROM state ORDER BY collection, id').all() as unknown[]),
      );
    },
    stateRoot: () => ledger.stateRoot(),
    close: () => ledger.close(),
  };
}

export type ProcedureNetwork = ReturnType<typeof openNetwork>;

/** Replays the blocks of a network into a fresh ledger on the same genesis; returns its state root. */
export function replayStateRoot(fixture: NetworkFixture, proposals: readonly { time: number; transactions: AdmittedTransaction[] }[]): string {
  const fresh = openNetwork(fixture);
  for (const proposal of proposals) fresh.ledger.commitProposal(proposal, fixture.orderer);
  const rootHex = fresh.stateRoot();
  fresh.close();
  return rootHex;
}
