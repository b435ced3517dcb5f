import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createOrgCa, issueMemberCertificate } from '../src/identity/index.ts';
import { ed25519Suite } from '../src/crypto/ed25519-suite.ts';
import { signTransaction, type SignedTransaction } from '../src/ledger/transaction.ts';
import type { SigningKey } from '../src/crypto/suite.ts';
import { createDirectory } from '../src/runtime/system/directory.ts';
import { createTestClock, startDemoTestNode, type DemoTestNode } from './support/demo-node.ts';

describe('identity and governance on the ledger', () => {
  let t: DemoTestNode;
  const clock = createTestClock();
  let nonce = 0;
  before(async () => {
    t = await startDemoTestNode({ clock });
  });
  after(async () => t.close());

  function tx(key: SigningKey, contract: string, fn: string, args: Record<string, unknown>, overrides: Partial<SignedTransaction> = {}): SignedTransaction {
    nonce += 1;
    return signTransaction({ v: 1, network: t.genesis.network, contract, fn, args: args as never, signer: key.publicKey, nonce: `t${nonce}`, ts: clock.now(), ...overrides }, key);
  }
  const anchorArgs = () => ({ hash: (nonce + 1).toString(16).padStart(64, 'c'), title: 'doc', type: 'test.doc' });
  async function post(body: unknown) {
    const response = await t.app.inject({ method: 'POST', url: '/v1/transactions?wait=true', payload: body as object });
    return { status: response.statusCode, body: response.json() as { code?: string; result?: { status: string; code?: string; value?: Record<string, unknown> } } };
  }
  const key = (memberId: string) => t.members.get(memberId)!.signingKey;

  test('each bad signer is refused with its own code', async () => {
    const judge = key('judge-1');
    const good = tx(judge, 'notary', 'anchor', anchorArgs());
    assert.equal((await post(good)).status, 200);
    assert.equal((await post(good)).body.code, 'LEDGER_TX_DUPLICATE', 'replayed transaction');
    const forged = { ...tx(judge, 'notary', 'anchor', anchorArgs()), sig: tx(judge, 'notary', 'anchor', anchorArgs()).sig };
    assert.equal((await post(forged)).body.code, 'LEDGER_TX_BAD_SIGNATURE', 'forged signature');
    assert.equal((await post(tx(judge, 'notary', 'anchor', anchorArgs(), { network: 'another-network' }))).body.code, 'LEDGER_TX_WRONG_NETWORK', 'signer from another network');
    const stranger = ed25519Suite.generateSigningKey();
    const unknown = await post(tx(stranger, 'notary', 'anchor', anchorArgs()));
    assert.equal(unknown.status, 401);
    assert.equal(unknown.body.code, 'IDENTITY_UNKNOWN_MEMBER', 'a key nobody enrolled');
  });

  test('a certificate from an unknown CA cannot enroll', async () => {
    const rogueCa = await createOrgCa({ org: 'Court', notBefore: new Date(clock.now() - 60_000), notAfter: new Date(clock.now() + 86_400_000) });
    const impostor = ed25519Suite.generateSigningKey();
    const certificate = await issueMemberCertificate({ ca: rogueCa, memberId: 'fake-judge', publicKey: impostor.publicKey, roles: ['court.judge'], notBefore: new Date(clock.now() - 60_000), notAfter: new Date(clock.now() + 3_600_000) });
    const response = await post(tx(impostor, 'identity', 'enroll', { certificate }));
    assert.equal(response.body.result?.status, 'failed');
    assert.equal(response.body.result?.code, 'IDENTITY_UNKNOWN_CA');
  });

  test('a revoked certificate is refused from the next block on', async () => {
    const admin = { authorization: `Bearer ${await t.tokenOf('charity-admin')}` };
    const created = await t.app.inject({ method: 'POST', url: '/v1/admin/members', headers: admin, payload: { memberId: 'volunteer-1', roles: ['charity.staff'], password: 'volunteer-password' } });
    assert.equal(created.statusCode, 200, created.body);
    const volunteer = await t.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { org: 'ReliefCharity', memberId: 'volunteer-1', password: 'volunteer-password' } });
    const volunteerAuth = { authorization: `Bearer ${(volunteer.json() as { token: string }).token}` };
    const before = await t.app.inject({ method: 'POST', url: '/v1/me/transactions', headers: volunteerAuth, payload: { contract: 'notary', fn: 'anchor', args: anchorArgs() } });
    assert.equal(before.statusCode, 200, 'works before revocation');
    const members = await t.app.inject({ method: 'GET', url: '/v1/admin/members', headers: admin });
    const serial = (members.json() as { members: { memberId: string; serial: string }[] }).members.find((m) => m.memberId === 'volunteer-1')!.serial;
    const revoked = await t.app.inject({ method: 'POST', url: '/v1/admin/certificates/revoke', headers: admin, payload: { serial, reason: 'left the charity' } });
    assert.equal((revoked.json() as { result: { status: string; value: { from: number } } }).result.status, 'ok', revoked.body);
    const afterRevocation = await t.app.inject({ method: 'POST', url: '/v1/me/transactions', headers: volunteerAuth, payload: { contract: 'notary', fn: 'anchor', args: anchorArgs() } });
    assert.equal(afterRevocation.statusCode, 401);
    assert.equal((afterRevocation.json() as { code: string }).code, 'IDENTITY_CERT_REVOKED');
    const otherOrg = await post(tx(key('court-admin'), 'identity', 'revoke', { org: 'ReliefCharity', serial, reason: 'not mine to revoke' }));
    assert.equal(otherOrg.body.result?.code, 'ACCESS_DENIED', 'an admin of another organization cannot revoke');
  });

  test('an expired certificate is refused', async () => {
    const admin = { authorization: `Bearer ${await t.tokenOf('court-admin')}` };
    const created = await t.app.inject({ method: 'POST', url: '/v1/admin/members', headers: admin, payload: { memberId: 'temp-clerk', roles: ['court.clerk'], password: 'temp-clerk-pw', validForDays: 1 } });
    assert.equal(created.statusCode, 200, created.body);
    const signer = await t.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { org: 'Court', memberId: 'temp-clerk', password: 'temp-clerk-pw' } });
    const auth = { authorization: `Bearer ${(signer.json() as { token: string }).token}` };
    clock.advance(25 * 3600_000);
    // The session has also expired by then; sign in again (sign-in does not consult the certificate).
    const again = await t.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { org: 'Court', memberId: 'temp-clerk', password: 'temp-clerk-pw' } });
    const fresh = { authorization: `Bearer ${(again.json() as { token: string }).token}` };
    assert.ok(auth);
    const response = await t.app.inject({ method: 'POST', url: '/v1/me/transactions', headers: fresh, payload: { contract: 'notary', fn: 'anchor', args: anchorArgs() } });
    assert.equal(response.statusCode, 401, response.body);
    assert.equal((response.json() as { code: string }).code, 'IDENTITY_CERT_EXPIRED');
  });

  test('adding an organization: too few approvals have no effect; enough take effect from the next block', async () => {
    const ca = await createOrgCa({ org: 'CityHospital', notBefore: new Date(clock.now() - 60_000), notAfter: new Date(clock.now() + 365 * 86_400_000) });
    const payload = { id: 'CityHospital', name: { zh: '市第一人民医院', en: 'City First Hospital' }, caCertificate: ca.certificatePem };
    const proposed = await post(tx(key('bureau-admin'), 'governance', 'propose', { action: 'addOrganization', title: 'Admit the designated hospital', payload }));
    assert.equal(proposed.body.result?.status, 'ok', JSON.stringify(proposed.body));
    const proposal = proposed.body.result!.value!['proposal'] as string;
    const second = await post(tx(key('procuratorate-admin'), 'governance', 'approve', { proposal }));
    assert.equal(second.body.result?.value?.['status'], 'open', '2 of the 3 required approvals');
    const nurse = ed25519Suite.generateSigningKey();
    const nurseCert = await issueMemberCertificate({ ca, memberId: 'nurse-1', publicKey: nurse.publicKey, roles: [], notBefore: new Date(clock.now() - 60_000), notAfter: new Date(clock.now() + 86_400_000) });
    const early = await post(tx(nurse, 'identity', 'enroll', { certificate: nurseCert }));
    assert.equal(early.body.result?.code, 'IDENTITY_UNKNOWN_CA', 'with too few approvals the organization does not exist');
    const denied = await post(tx(key('judge-1'), 'governance', 'approve', { proposal }));
    assert.equal(denied.status, 403, 'a judge is not an approver');
    assert.equal(denied.body.code, 'ACCESS_DENIED');
    const third = await post(tx(key('court-admin'), 'governance', 'approve', { proposal }));
    assert.equal(third.body.result?.value?.['status'], 'adopted');
    const adoptedAt = t.node.ledger.getTransaction((third.body as { txId?: string }).txId ?? '').height;
    const directory = createDirectory(t.genesis, t.node.ledger.state.get);
    assert.equal(directory.organizationAt('CityHospital', adoptedAt), undefined, 'not in force in the adopting block');
    assert.equal(directory.organizationAt('CityHospital', adoptedAt + 1)?.id, 'CityHospital', 'in force from the next block');
    const enrolled = await post(tx(nurse, 'identity', 'enroll', { certificate: nurseCert }));
    assert.equal(enrolled.body.result?.status, 'ok', 'members of the new organization can now enroll');
    const late = await post(tx(key('health-admin'), 'governance', 'approve', { proposal }));
    assert.equal(late.body.result?.code, 'GOV_PROPOSAL_CLOSED');
  });
});
