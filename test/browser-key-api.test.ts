import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesToBase64url } from '../src/crypto/bytes.ts';
import { keyPossessionBytes } from '../src/node/accounts/key-possession.ts';
import { createTransaction, signTransactionWith, webCryptoSigner } from '../src/sdk/index.ts';
import { startDemoTestNode, type DemoTestNode } from './support/demo-node.ts';

// POST /v1/me/browser-key/{challenge,certify}: the org CA certifies a key the
// member's browser holds, only after that key has signed the node's challenge.
// Every bad input is a 4xx with a stable code, never a 5xx.

let demo: DemoTestNode;
before(async () => {
  demo = await startDemoTestNode();
});
after(async () => demo.close());

interface BrowserKey {
  privateKey: CryptoKey;
  publicKey: string;
}

async function newBrowserKey(): Promise<BrowserKey> {
  const pair = (await globalThis.crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await globalThis.crypto.subtle.exportKey('raw', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: `ed25519:${bytesToBase64url(raw)}` };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function challengeFor(token: string) {
  const response = await demo.app.inject({ method: 'POST', url: '/v1/me/browser-key/challenge', headers: bearer(token) });
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as { challenge: string; expiresAt: number; statement: { v: 1; network: string; org: string; memberId: string } };
}

/** A possession proof: `key` signs the statement for `publicKey` (normally its own) and the challenge. */
async function prove(key: BrowserKey, issued: Awaited<ReturnType<typeof challengeFor>>, overrides: { publicKey?: string; memberId?: string } = {}) {
  const publicKey = overrides.publicKey ?? key.publicKey;
  const bytes = keyPossessionBytes({ ...issued.statement, ...(overrides.memberId === undefined ? {} : { memberId: overrides.memberId }), publicKey, challenge: issued.challenge });
  const signature = new Uint8Array(await globalThis.crypto.subtle.sign('Ed25519', key.privateKey, bytes as BufferSource));
  return { publicKey, challenge: issued.challenge, signature: bytesToBase64url(signature) };
}

function certify(token: string | undefined, payload: unknown) {
  return demo.app.inject({ method: 'POST', url: '/v1/me/browser-key/certify', ...(token === undefined ? {} : { headers: bearer(token) }), payload: payload as Record<string, unknown> });
}

function assertProblem(response: Awaited<ReturnType<typeof certify>>, status: number, code: string, label: string) {
  assert.ok(response.statusCode < 500, `${label}: never a 5xx (${response.statusCode} ${response.body})`);
  assert.equal(response.statusCode, status, `${label}: ${response.body}`);
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/, label);
  assert.equal((response.json() as { code: string }).code, code, `${label}: ${response.body}`);
}

test('the officer’s browser key is certified with the same member id, roles and attributes, enrolled by the key itself, and then acts as the officer', async () => {
  const token = await demo.tokenOf('officer-js07');
  const key = await newBrowserKey();
  const issued = await challengeFor(token);
  assert.deepEqual(issued.statement, { v: 1, network: demo.genesis.network, org: 'PrisonBureau', memberId: 'officer-js07' });
  const response = await certify(token, await prove(key, issued));
  assert.equal(response.statusCode, 200, response.body);
  const certified = response.json() as { certificate: string; publicKey: string; memberId: string; roles: string[]; attributes: Record<string, string>; notAfter: number };
  assert.equal(certified.publicKey, key.publicKey);
  assert.deepEqual([certified.memberId, certified.roles, certified.attributes], ['officer-js07', ['prison.officer'], { prison: 'JS-07', unit: 'district-3' }]);
  assert.match(certified.certificate, /^-----BEGIN CERTIFICATE-----/);

  // The browser, not the node, signs the enrollment; the node relays it.
  const enroll = await signTransactionWith(
    createTransaction({ network: demo.genesis.network, contract: 'identity', fn: 'enroll', args: { certificate: certified.certificate }, signer: key.publicKey, ts: demo.clock.now() }),
    webCryptoSigner(key.privateKey),
  );
  const enrolled = await demo.app.inject({ method: 'POST', url: '/v1/transactions?wait=true', payload: enroll });
  assert.equal((enrolled.json() as { result?: { status: string } }).result?.status, 'ok', enrolled.body);

  const me = (await demo.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(token) })).json() as { publicKey: string };
  const record = (await demo.app.inject({ method: 'GET', url: `/v1/state/identity.members/${encodeURIComponent(key.publicKey)}` })).json() as { doc: Record<string, unknown> };
  assert.notEqual(me.publicKey, key.publicKey, 'a second key, beside the node-held one');
  assert.deepEqual([record.doc['memberId'], record.doc['org'], record.doc['roles'], record.doc['attributes']], ['officer-js07', 'PrisonBureau', ['prison.officer'], { prison: 'JS-07', unit: 'district-3' }]);

  // Certifying an enrolled key again is refused (a fresh challenge, a valid proof).
  assertProblem(await certify(token, await prove(key, await challengeFor(token))), 409, 'AUTH_BROWSER_KEY_ENROLLED', 'already enrolled');
});

test('bad inputs to the certify endpoint: 4xx with stable codes, never 5xx', async (t) => {
  const token = await demo.tokenOf('judge-1');
  const key = await newBrowserKey();
  const other = await newBrowserKey();

  await t.test('not signed in', async () => {
    assertProblem(await certify(undefined, await prove(key, await challengeFor(token))), 401, 'AUTH_REQUIRED', 'no session');
    const challenge = await demo.app.inject({ method: 'POST', url: '/v1/me/browser-key/challenge' });
    assert.equal(challenge.statusCode, 401, challenge.body);
    assert.equal((challenge.json() as { code: string }).code, 'AUTH_REQUIRED');
    assertProblem(await certify('cs_not-a-session', await prove(key, await challengeFor(token))), 401, 'AUTH_REQUIRED', 'unknown session token');
  });

  await t.test('an API token is not a signed-in person', async () => {
    const created = await demo.app.inject({ method: 'POST', url: '/v1/auth/tokens', headers: bearer(token), payload: { label: 'script' } });
    const apiToken = (created.json() as { token: string }).token;
    const challenge = await demo.app.inject({ method: 'POST', url: '/v1/me/browser-key/challenge', headers: bearer(apiToken) });
    assert.equal((challenge.json() as { code: string }).code, 'AUTH_REQUIRED', challenge.body);
  });

  await t.test('wrong public key formats', async () => {
    const raw = key.publicKey.slice('ed25519:'.length);
    const rows: [string, string][] = [
      ['no prefix', raw],
      ['another suite', `sm2:${raw}`],
      ['hex instead of base64url', `ed25519:${'ab'.repeat(32)}`],
      ['31 bytes', `ed25519:${bytesToBase64url(new Uint8Array(31).fill(7))}`],
      ['empty', ''],
      ['not base64url', 'ed25519:!!!!'],
    ];
    for (const [label, publicKey] of rows) {
      const proof = await prove(key, await challengeFor(token), { publicKey });
      assertProblem(await certify(token, proof), 400, 'AUTH_BROWSER_KEY_MALFORMED', label);
    }
  });

  await t.test('mismatched possession proofs', async () => {
    const signedByOther = await prove(other, await challengeFor(token), { publicKey: key.publicKey });
    assertProblem(await certify(token, signedByOther), 401, 'AUTH_BROWSER_KEY_PROOF_INVALID', 'signed by another key');
    const forAnotherMember = await prove(key, await challengeFor(token), { memberId: 'judge-2' });
    assertProblem(await certify(token, forAnotherMember), 401, 'AUTH_BROWSER_KEY_PROOF_INVALID', 'statement names another member');
    const good = await prove(key, await challengeFor(token));
    assertProblem(await certify(token, { ...good, signature: bytesToBase64url(new Uint8Array(64)) }), 401, 'AUTH_BROWSER_KEY_PROOF_INVALID', 'zero signature');
    assertProblem(await certify(token, { ...good, signature: 'short' }), 401, 'AUTH_BROWSER_KEY_PROOF_INVALID', 'not 64 bytes');
    // A transaction signature by the key is not a possession proof (another domain tag).
    const txSig = await signTransactionWith(createTransaction({ network: demo.genesis.network, contract: 'notary', fn: 'anchor', args: {}, signer: key.publicKey }), webCryptoSigner(key.privateKey));
    assertProblem(await certify(token, { ...(await prove(key, await challengeFor(token))), signature: txSig.sig }), 401, 'AUTH_BROWSER_KEY_PROOF_INVALID', 'a transaction signature');
  });

  await t.test('challenges are single-use, bound to the member they were issued to', async () => {
    const issued = await challengeFor(token);
    const wrong = await prove(other, issued, { publicKey: key.publicKey });
    assertProblem(await certify(token, wrong), 401, 'AUTH_BROWSER_KEY_PROOF_INVALID', 'first (wrong) answer');
    assertProblem(await certify(token, await prove(key, issued)), 400, 'AUTH_BROWSER_KEY_CHALLENGE_INVALID', 'used up by the wrong answer');
    assertProblem(await certify(token, { ...(await prove(key, issued)), challenge: 'never-issued' }), 400, 'AUTH_BROWSER_KEY_CHALLENGE_INVALID', 'never issued');
    const clerkToken = await demo.tokenOf('clerk-1');
    const clerks = await challengeFor(clerkToken);
    const replayed = await prove(key, { ...clerks, statement: { ...clerks.statement, memberId: 'judge-1', org: 'Court' } });
    assertProblem(await certify(token, replayed), 400, 'AUTH_BROWSER_KEY_CHALLENGE_INVALID', 'issued to another member');
  });

  await t.test('malformed bodies', async () => {
    const good = await prove(key, await challengeFor(token));
    const rows: [string, unknown][] = [
      ['missing signature', { publicKey: good.publicKey, challenge: good.challenge }],
      ['object for a key', { ...good, publicKey: { raw: 'x' } }],
      ['huge key', { ...good, publicKey: `ed25519:${'A'.repeat(5000)}` }],
    ];
    for (const [label, payload] of rows) assertProblem(await certify(token, payload), 400, 'API_BAD_REQUEST', label);
    // Fields the schema does not name are dropped: asking for roles gets none beyond the member's own.
    const asking = await certify(token, { ...good, roles: ['admin'], memberId: 'court-admin' });
    assert.equal(asking.statusCode, 200, asking.body);
    assert.deepEqual([(asking.json() as { memberId: string }).memberId, (asking.json() as { roles: string[] }).roles], ['judge-1', ['court.judge']]);
    const text = await demo.app.inject({ method: 'POST', url: '/v1/me/browser-key/certify', headers: { ...bearer(token), 'content-type': 'application/json' }, payload: '{not json' });
    assertProblem(text, 400, 'API_BAD_REQUEST', 'not JSON');
  });

  await t.test('a member whose own certificate is revoked gets no browser key', async () => {
    const adminToken = await demo.tokenOf('court-admin');
    const clerkToken = await demo.tokenOf('clerk-1');
    const clerk = (await demo.app.inject({ method: 'GET', url: '/v1/auth/me', headers: bearer(clerkToken) })).json() as { publicKey: string };
    const record = (await demo.app.inject({ method: 'GET', url: `/v1/state/identity.members/${encodeURIComponent(clerk.publicKey)}` })).json() as { doc: { serial: string } };
    const revoked = await demo.app.inject({ method: 'POST', url: '/v1/admin/certificates/revoke', headers: bearer(adminToken), payload: { serial: record.doc.serial, reason: 'test: left the court' } });
    assert.equal(revoked.statusCode, 200, revoked.body);
    // In force from the block after the revoking one: the next transaction the clerk could sign.
    const challenge = await demo.app.inject({ method: 'POST', url: '/v1/me/browser-key/challenge', headers: bearer(clerkToken) });
    assert.equal(challenge.statusCode, 401, challenge.body);
    assert.equal((challenge.json() as { code: string }).code, 'IDENTITY_CERT_REVOKED');
  });
});
