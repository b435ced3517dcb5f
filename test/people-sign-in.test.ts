import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { totpCode } from '../src/node/accounts/totp.ts';
import { createTestClock, startDemoTestNode, type DemoTestNode } from './support/demo-node.ts';

describe('people: sign-in, sessions and node-signed transactions over HTTP', () => {
  let t: DemoTestNode;
  const clock = createTestClock();
  before(async () => {
    t = await startDemoTestNode({ clock });
  });
  after(async () => t.close());

  const code = (response: { json(): unknown }) => (response.json() as { code: string }).code;
  const hash = (i: number) => i.toString(16).padStart(64, 'a');

  test('sign in, see who I am, submit signed by the node with my key, sign out', async () => {
    const signIn = await t.signIn('judge-1');
    assert.equal(signIn.statusCode, 200);
    const { token, member } = signIn.json() as { token: string; member: { org: string; roles: string[]; publicKey: string } };
    assert.equal(member.org, 'Court');
    assert.deepEqual(member.roles, ['court.judge']);
    assert.match(String(signIn.headers['set-cookie']), /custos_session=.*HttpOnly; SameSite=Strict/);
    const auth = { authorization: `Bearer ${token}` };
    const me = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: auth });
    assert.equal((me.json() as { memberId: string }).memberId, 'judge-1');
    const tx = await t.app.inject({ method: 'POST', url: '/v1/me/transactions', headers: auth, payload: { contract: 'notary', fn: 'anchor', args: { hash: hash(1), title: 'Ruling', type: 'court.ruling' } } });
    assert.equal(tx.statusCode, 200, tx.body);
    const stored = await t.app.inject({ method: 'GET', url: `/v1/transactions/${(tx.json() as { txId: string }).txId}` });
    assert.equal((stored.json() as { tx: { signer: string } }).tx.signer, member.publicKey, 'signed with the judge’s own key');
    const viaCookie = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { cookie: `custos_session=${encodeURIComponent(token)}` } });
    assert.equal(viaCookie.statusCode, 200, 'the session cookie works as well as the bearer token');
    assert.equal((await t.app.inject({ method: 'POST', url: '/v1/auth/sign-out', headers: auth })).statusCode, 204);
    const after = await t.app.inject({ method: 'POST', url: '/v1/me/transactions', headers: auth, payload: { contract: 'notary', fn: 'anchor', args: { hash: hash(2), title: 'x', type: 'court.ruling' } } });
    assert.equal(after.statusCode, 401);
    assert.equal(code(after), 'AUTH_REQUIRED', 'after sign-out the node can no longer sign for the member');
  });

  test('wrong password and unknown member get the same answer', async () => {
    const wrong = await t.signIn('clerk-1', 'not-the-password');
    assert.equal(wrong.statusCode, 401);
    assert.equal(code(wrong), 'AUTH_BAD_CREDENTIALS');
    const unknown = await t.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { org: 'Court', memberId: 'nobody', password: 'whatever1' } });
    assert.equal(code(unknown), 'AUTH_BAD_CREDENTIALS');
    assert.equal((await t.signIn('clerk-1')).statusCode, 200, 'one failure does not lock');
  });

  test('locked out after five failures, even with the right password, until the lockout passes', async () => {
    for (let i = 0; i < 4; i++) assert.equal(code(await t.signIn('health-official', 'wrong-password')), 'AUTH_BAD_CREDENTIALS');
    const fifth = await t.signIn('health-official', 'wrong-password');
    assert.equal(fifth.statusCode, 429);
    assert.equal(code(fifth), 'AUTH_LOCKED');
    assert.equal(code(await t.signIn('health-official')), 'AUTH_LOCKED', 'the right password does not help while locked');
    clock.advance(15 * 60_000 + 1);
    assert.equal((await t.signIn('health-official')).statusCode, 200, 'unlocked after the lockout period');
  });

  test('sessions expire after 30 idle minutes', async () => {
    const token = await t.tokenOf('prosecutor-1');
    const auth = { authorization: `Bearer ${token}` };
    clock.advance(29 * 60_000);
    assert.equal((await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: auth })).statusCode, 200, 'activity within the idle window keeps it');
    clock.advance(31 * 60_000);
    const expired = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: auth });
    assert.equal(expired.statusCode, 401);
    assert.equal(code(expired), 'AUTH_SESSION_EXPIRED');
  });

  test('an admin enrolls a member with TOTP; sign-in then needs the one-time code', async () => {
    const admin = { authorization: `Bearer ${await t.tokenOf('court-admin')}` };
    const created = await t.app.inject({ method: 'POST', url: '/v1/admin/members', headers: admin, payload: { memberId: 'judge-2', roles: ['court.judge'], password: 'judge-2-password', totp: true } });
    assert.equal(created.statusCode, 200, created.body);
    const { totpSecret } = created.json() as { totpSecret: string };
    const withoutCode = await t.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { org: 'Court', memberId: 'judge-2', password: 'judge-2-password' } });
    assert.equal(code(withoutCode), 'AUTH_TOTP_REQUIRED');
    const badCode = await t.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { org: 'Court', memberId: 'judge-2', password: 'judge-2-password', totp: '000000' === totpCode(totpSecret, clock.now()) ? '111111' : '000000' } });
    assert.equal(code(badCode), 'AUTH_BAD_CREDENTIALS');
    const ok = await t.app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { org: 'Court', memberId: 'judge-2', password: 'judge-2-password', totp: totpCode(totpSecret, clock.now()) } });
    assert.equal(ok.statusCode, 200, ok.body);
  });

  test('an API token bound to a member signs for a machine client', async () => {
    const session = { authorization: `Bearer ${await t.tokenOf('charity-staff')}` };
    const created = await t.app.inject({ method: 'POST', url: '/v1/auth/tokens', headers: session, payload: { label: 'warehouse scanner' } });
    const { token } = created.json() as { token: string };
    assert.match(token, /^ct_/);
    const tx = await t.app.inject({ method: 'POST', url: '/v1/me/transactions', headers: { authorization: `Bearer ${token}` }, payload: { contract: 'notary', fn: 'anchor', args: { hash: hash(3), title: 'Receipt', type: 'relief.receipt' } } });
    assert.equal(tx.statusCode, 200, tx.body);
    const forged = await t.app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: 'Bearer ct_forged' } });
    assert.equal(code(forged), 'AUTH_REQUIRED');
  });
});
