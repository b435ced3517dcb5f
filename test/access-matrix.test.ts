import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createOrgCa, parsePolicy, policyMentions, principalMatches, type Principal } from '../src/identity/index.ts';
import { signTransaction } from '../src/ledger/transaction.ts';
import { policyAllows } from '../src/runtime/system/access.ts';
import { governanceActions } from '../src/runtime/system/governance-contract.ts';
import { demoPeople } from '../src/node/demo/demo-people.ts';
import { startDemoTestNode, type DemoTestNode } from './support/demo-node.ts';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseDefinitionYaml } from '../src/procedures/index.ts';

// A small definition written against the demo consortium's own roles and organizations.
const reliefDefinition = parseDefinitionYaml(`
id: matrix-review
version: 1
title: { zh: 矩阵审查, en: Matrix review }
subjectType: document
initial: filed
states:
  filed: { title: { zh: 已提交, en: Filed } }
  decided: { title: { zh: 已决定, en: Decided }, final: true }
open:
  allowed: [court.clerk@Court]
steps:
  - id: decide
    title: { zh: 决定, en: Decide }
    from: [filed]
    to: decided
    allowed: [court.judge@Court]
`) as unknown as Record<string, unknown> & { id: string; version: number };
const calendar = parseYaml(readFileSync(new URL('../procedures/calendars/cn-2019-2026.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;

// The matrix is generated from the network's policy data: every demo person
// (so every role of the demo consortium) × every action the ledger offers.
// The expectation comes from the policy text through the policy evaluator;
// the outcome from really doing the action. Allowed → it succeeds; refused →
// ACCESS_DENIED, the one stable code for every refusal.

describe('access matrix: every role × every action, generated from policy data', () => {
  let t: DemoTestNode;
  let hospitalCa = '';
  let counter = 0;
  before(async () => {
    t = await startDemoTestNode();
    // A procedure registered through governance, so that proposing to retire it is a valid proposal.
    const registered = await submitAs('bureau-admin', 'governance', 'propose', { action: 'registerProcedure', title: 'relief', payload: { id: reliefDefinition.id, version: reliefDefinition.version, definition: reliefDefinition } });
    assert.ok(registered.ok, `setup: register relief procedure: ${registered.code}`);
    const adopted = await submitAs('procuratorate-admin', 'governance', 'approve', { proposal: registered.value!.proposal! });
    assert.ok(adopted.ok, `setup: approve relief procedure: ${adopted.code}`);
    hospitalCa = (await createOrgCa({ org: 'MatrixHospital', notBefore: new Date(Date.now() - 60_000), notAfter: new Date(Date.now() + 86_400_000 * 30) })).certificatePem;
  });
  after(async () => t.close());

  const fresh = () => (++counter).toString(16).padStart(40, '0').slice(-40);
  const policies = () => t.genesis.policies ?? {};
  const principalOf = (memberId: string): Principal => {
    const person = demoPeople.find((p) => p.memberId === memberId)!;
    const roles = new Set((t.genesis.roles ?? []).map((r) => r.name));
    return { org: person.org, id: memberId, roles: person.roles.filter((r) => roles.has(r)) };
  };
  const takesPart = (policy: string, principal: Principal) => policyMentions(parsePolicy(policy)).principals.some((clause) => principalMatches({ kind: 'principal', ...clause }, principal));

  async function submitAs(memberId: string, contract: string, fn: string, args: Record<string, unknown>) {
    const key = t.members.get(memberId)!.signingKey;
    const tx = signTransaction({ v: 1, network: t.genesis.network, contract, fn, args: args as never, signer: key.publicKey, nonce: `m${fresh()}`, ts: Date.now() }, key);
    const response = await t.app.inject({ method: 'POST', url: '/v1/transactions?wait=true', payload: tx });
    const body = response.json() as { code?: string; result?: { status: string; code?: string; value?: { proposal?: string } } };
    return { status: response.statusCode, code: body.code ?? (body.result?.status === 'failed' ? body.result.code : undefined), ok: body.result?.status === 'ok', value: body.result?.value };
  }

  async function proposalBy(memberId: string): Promise<string> {
    const outcome = await submitAs(memberId, 'governance', 'propose', { action: 'registerContractVersion', title: 'matrix', payload: { contract: 'notary', version: fresh(), codeHash: 'a'.repeat(64) } });
    assert.ok(outcome.ok, `setup proposal by ${memberId}: ${outcome.code}`);
    return outcome.value!.proposal!;
  }

  const governancePayloads: Record<string, () => Record<string, unknown>> = {
    addOrganization: () => ({ id: 'MatrixHospital', name: { zh: '医院', en: 'Hospital' }, caCertificate: hospitalCa }),
    removeOrganization: () => ({ id: 'ReliefCharity' }),
    setPolicy: () => ({ name: 'notary.anchor', policy: 'ANY admin@Court' }),
    setFinality: () => ({ policy: '2 OF (admin@Court, admin@Procuratorate)' }),
    registerContractVersion: () => ({ contract: 'notary', version: fresh(), codeHash: 'b'.repeat(64) }),
    registerProcedure: () => {
      const version = 100 + counter++;
      return { id: reliefDefinition.id, version, definition: { ...reliefDefinition, version } };
    },
    retireProcedure: () => ({ id: reliefDefinition.id, version: reliefDefinition.version }),
    setCalendar: () => ({ calendar }),
  };

  /** Valid arguments for each contract function, so that only access decides. */
  const contractCalls: Record<string, (memberId: string) => Promise<Record<string, unknown>>> = {
    'notary.anchor': async () => ({ hash: fresh().padStart(64, 'e'), title: 'matrix', type: 'test.doc' }),
    'identity.revoke': async (memberId) => ({ org: principalOf(memberId).org, serial: fresh(), reason: 'matrix' }),
    'governance.propose': async () => ({ action: 'registerContractVersion', title: 'matrix', payload: { contract: 'notary', version: fresh(), codeHash: 'c'.repeat(64) } }),
    'governance.approve': async (memberId) => ({ proposal: await proposalBy(memberId === 'bureau-admin' ? 'court-admin' : 'bureau-admin') }),
    'governance.withdraw': async (memberId) => ({ proposal: await proposalBy(policyAllows(policies()['governance.propose']!, principalOf(memberId)) ? memberId : 'bureau-admin') }),
  };

  /** App and procedure functions: their policies are data the apps bring; access is decided before arguments are read. */
  const appActions = () => Object.keys(policies()).filter((action) => !action.startsWith('admin.') && !action.startsWith('governance.') && !(action in contractCalls));

  test('app functions: allowed roles get past access (an empty call then fails on its arguments), the rest get ACCESS_DENIED', async () => {
    assert.ok(appActions().length > 10, 'the demo has app actions');
    for (const action of appActions()) {
      const [contract, fn] = action.split('.') as [string, string];
      for (const person of demoPeople.filter((p) => !p.memberId.startsWith('committee-') || p.memberId === 'committee-js07-1')) {
        const allowed = policyAllows(policies()[action]!, principalOf(person.memberId));
        const outcome = await submitAs(person.memberId, contract, fn, {});
        if (allowed) assert.equal(outcome.code, 'RUNTIME_BAD_ARGS', `${person.memberId} (${person.roles}) should pass access for ${action}`);
        else assert.equal(outcome.code, 'ACCESS_DENIED', `${person.memberId} (${person.roles}) must not ${action}`);
      }
    }
  });

  test('every action with a policy is covered by the matrix', () => {
    const covered = new Set([...appActions(), ...Object.keys(contractCalls), ...governanceActions.map((a) => `governance.${a}`), 'governance.setCalendar', 'admin.accounts.create', 'admin.certificates.issue', 'admin.certificates.revoke']);
    for (const action of Object.keys(policies())) assert.ok(covered.has(action), `${action} has a policy but no row in the matrix`);
  });

  test('contract functions', async () => {
    const people = demoPeople.filter((p) => !p.memberId.startsWith('committee-') || p.memberId === 'committee-js07-1');
    for (const [action, argsFor] of Object.entries(contractCalls)) {
      const [contract, fn] = action.split('.') as [string, string];
      for (const person of people) {
        const allowed = policyAllows(policies()[action]!, principalOf(person.memberId));
        const outcome = await submitAs(person.memberId, contract, fn, await argsFor(person.memberId));
        if (allowed) assert.ok(outcome.ok, `${person.memberId} (${person.roles}) should be able to ${action}; got ${outcome.code}`);
        else assert.equal(outcome.code, 'ACCESS_DENIED', `${person.memberId} (${person.roles}) must not ${action}`);
      }
    }
  });

  test('governance actions (proposing each kind of change)', async () => {
    for (const action of governanceActions) {
      for (const person of demoPeople.filter((p) => !p.memberId.startsWith('committee-'))) {
        const principal = principalOf(person.memberId);
        const allowed = policyAllows(policies()['governance.propose']!, principal) && takesPart(policies()[`governance.${action}`]!, principal);
        const outcome = await submitAs(person.memberId, 'governance', 'propose', { action, title: `matrix ${action}`, payload: governancePayloads[action]!() });
        if (allowed) assert.ok(outcome.ok, `${person.memberId} should be able to propose ${action}; got ${outcome.code}`);
        else assert.equal(outcome.code, 'ACCESS_DENIED', `${person.memberId} must not propose ${action}`);
      }
    }
  });

  test('admin endpoints', async () => {
    for (const person of demoPeople.filter((p) => !p.memberId.startsWith('committee-'))) {
      const principal = principalOf(person.memberId);
      const auth = { authorization: `Bearer ${await t.tokenOf(person.memberId)}` };
      const endpoints = [
        { actions: ['admin.accounts.create', 'admin.certificates.issue'], request: { method: 'POST' as const, url: '/v1/admin/members', payload: { memberId: `new-${fresh().slice(-8)}`, roles: [], password: 'a-long-password' } } },
        { actions: ['admin.accounts.create'], request: { method: 'GET' as const, url: '/v1/admin/members' } },
        { actions: ['admin.certificates.revoke'], request: { method: 'POST' as const, url: '/v1/admin/certificates/revoke', payload: { serial: fresh(), reason: 'matrix' } } },
      ];
      for (const endpoint of endpoints) {
        const allowed = endpoint.actions.every((action) => policyAllows(policies()[action]!, principal));
        const response = await t.app.inject({ ...endpoint.request, headers: auth });
        const label = `${person.memberId} ${endpoint.request.method} ${endpoint.request.url}`;
        if (allowed) assert.equal(response.statusCode, 200, `${label}: ${response.body}`);
        else {
          assert.equal(response.statusCode, 403, label);
          assert.equal((response.json() as { code: string }).code, 'ACCESS_DENIED', label);
        }
      }
    }
  });
});
