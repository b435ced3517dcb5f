import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admitArgs } from '../../src/apps/prison/testing/prison-fixtures.ts';
import { parseMemberCertificate } from '../../src/identity/index.ts';
import type { TransactionProof } from '../../src/ledger/proof.ts';
import type { SignedTransaction } from '../../src/ledger/transaction.ts';
import { portableEd25519Suite, verifyTransactionProof } from '../../src/sdk/index.ts';
import { chinaToday } from '../../web/src/prison/score-grid.ts';
import { chromiumMissing } from './support/chromium.ts';
import { openDemoConsole, type DemoConsole } from './support/demo-console.ts';

const skip = chromiumMissing() ?? false;

async function api<T>(demo: DemoConsole, method: 'GET' | 'POST', url: string, token?: string, payload?: Record<string, unknown>): Promise<T> {
  const response = await demo.node.app.inject({ method, url, ...(token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }), ...(payload === undefined ? {} : { payload }) });
  assert.ok(response.statusCode < 300, `${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as T;
}

interface MemberDoc {
  memberId: string;
  org: string;
  roles: string[];
  attributes: Record<string, string>;
  serial: string;
  certificate: string;
  revokedFrom: number | null;
}

test('browser key: an officer keeps the key in the browser; a real action is signed by it, not by the node, and its proof verifies; a lost or revoked key is said and asked about', { skip, timeout: 240_000 }, async (t) => {
  // The browser signs with its own clock: the node follows real time too (the transaction time window is checked against block time).
  const demo = await openDemoConsole({ clock: { now: () => Date.now(), advance: () => undefined } });
  const { page, url } = demo;
  const today = chinaToday();
  try {
    const official = await demo.node.tokenOf('bureau-official');
    const penalty = await demo.node.tokenOf('penalty-js07');
    const unit = { id: 'district-3', name: '三监区', parent: null, normalDaily: { min: -5, max: 4 } };
    await api(demo, 'POST', '/v1/me/transactions?wait=true', official, { contract: 'prison', fn: 'registerPrison', args: { id: 'JS-07', name: 'Prison JS-07', goLiveDate: today, units: [unit] } });
    await api(demo, 'POST', '/v1/me/transactions?wait=true', penalty, { contract: 'prison', fn: 'admitPrisoner', args: { ...admitArgs('JS07-000001', 'JS-07'), unit: 'district-3' } });

    let browserKey = '';
    await t.test('the officer turns on "keep my key in this browser": progress while the CA certifies and the browser enrolls; the menu then says which key signs', async () => {
      await demo.signIn('officer-js07');
      await page.locator('.member-button').click();
      const kind = page.locator('[data-testid="signing-kind"]');
      assert.equal(await kind.getAttribute('data-kind'), 'node');
      assert.equal(await kind.textContent(), '签名方式：节点保管的密钥');
      // Hold the certification back a moment so the progress is there to be seen.
      await page.route('**/v1/me/browser-key/certify', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        await route.continue();
      });
      await page.locator('[data-testid="browser-key-on"]').click();
      const progress = page.locator('[data-testid="browser-key-progress"][data-phase="certifying"]');
      await progress.waitFor();
      assert.equal(await progress.locator('[role="status"]').textContent(), '正在请本机构 CA 签发证书…');
      await page.locator('[data-testid="signing-kind"][data-kind="browser"]').waitFor();
      await page.unroute('**/v1/me/browser-key/certify');
      assert.equal(await kind.textContent(), '签名方式：本浏览器中的密钥');
      assert.match((await page.locator('[data-testid="signing-panel"]').textContent()) ?? '', /节点只转发交易，无法替您签名/);
      browserKey = (await kind.getAttribute('data-public-key')) ?? '';
      assert.match(browserKey, /^ed25519:[A-Za-z0-9_-]{43}$/);
    });

    await t.test('the key in IndexedDB is a non-extractable CryptoKey: not even the page can export it', async () => {
      const stored = await page.evaluate(
        () =>
          new Promise<{ extractable: boolean; algorithm: string; exported: string }>((resolve, reject) => {
            const open = indexedDB.open('custos-browser-keys');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('keys').objectStore('keys').get('PrisonBureau/officer-js07');
              get.onsuccess = () => {
                const key = (get.result as { privateKey: CryptoKey }).privateKey;
                crypto.subtle.exportKey('pkcs8', key).then(
                  () => resolve({ extractable: key.extractable, algorithm: key.algorithm.name, exported: 'yes' }),
                  (error: unknown) => resolve({ extractable: key.extractable, algorithm: key.algorithm.name, exported: (error as Error).name }),
                );
              };
            };
          }),
      );
      assert.deepEqual(stored, { extractable: false, algorithm: 'Ed25519', exported: 'InvalidAccessError' });
    });

    await t.test('the ledger holds the browser key’s certificate: same member, roles and attributes, enrolled by that key', async () => {
      const record = await api<{ doc: MemberDoc }>(demo, 'GET', `/v1/state/identity.members/${encodeURIComponent(browserKey)}`);
      assert.deepEqual([record.doc.memberId, record.doc.org, record.doc.roles, record.doc.attributes], ['officer-js07', 'PrisonBureau', ['prison.officer'], { prison: 'JS-07', unit: 'district-3' }]);
      assert.equal(parseMemberCertificate(record.doc.certificate).publicKey, browserKey, 'the certificate certifies the browser key');
    });

    await t.test('the officer scores a day in the grid; the committed transaction is signed by the browser key, not the node-held one, and its proof verifies', async () => {
      await page.goto(`${url}/prison/scores`);
      await page.locator('[data-testid="score-grid"]').waitFor();
      await page.locator('input[name="JS07-000001.supervision"]').fill('3');
      await page.locator('[data-testid="submit-scores"]').click();
      const recorded = page.locator('[data-testid="scores-recorded"]');
      await recorded.waitFor();
      const href = (await recorded.locator('a').getAttribute('href')) ?? '';
      assert.match(href, /^\/tx\/[0-9a-f]{64}$/);
      const txId = href.slice('/tx/'.length);

      const officer = await demo.node.tokenOf('officer-js07');
      const me = await api<{ publicKey: string }>(demo, 'GET', '/v1/auth/me', officer);
      const committed = await api<{ tx: SignedTransaction; result: { status: string } }>(demo, 'GET', `/v1/transactions/${txId}`);
      assert.equal(committed.result.status, 'ok');
      assert.deepEqual([committed.tx.contract, committed.tx.fn], ['prison', 'scoreDay']);
      assert.equal(committed.tx.signer, browserKey, 'signed by the browser key');
      assert.notEqual(committed.tx.signer, me.publicKey, 'not by the key the node holds for the officer');

      const proof = await api<TransactionProof>(demo, 'GET', `/v1/transactions/${txId}/proof`);
      assert.equal(proof.tx.signer, browserKey);
      const { genesis } = demo.node;
      const verdict = verifyTransactionProof(proof, { network: genesis.network, orderers: genesis.orderers, nodes: genesis.nodes }, portableEd25519Suite);
      assert.ok(verdict.ok, JSON.stringify(verdict.checks));
    });

    await t.test('switching back to the node-held key and to the browser key again', async () => {
      await page.locator('.member-button').click();
      await page.locator('[data-testid="browser-key-off"]').click();
      await page.locator('[data-testid="signing-kind"][data-kind="node"]').waitFor();
      await page.locator('[data-testid="browser-key-again"]').click();
      await page.locator('[data-testid="signing-kind"][data-kind="browser"]').waitFor();
      assert.equal(await page.locator('[data-testid="signing-kind"]').getAttribute('data-public-key'), browserKey, 'the same key, kept');
    });

    await t.test('the key gone from IndexedDB: the console says so, signs nothing, and asks', async () => {
      await api(demo, 'POST', '/v1/me/transactions?wait=true', penalty, { contract: 'prison', fn: 'admitPrisoner', args: { ...admitArgs('JS07-000002', 'JS-07'), unit: 'district-3' } });
      const headBefore = await api<{ height: number }>(demo, 'GET', '/v1/log/head');
      await page.evaluate(
        () =>
          new Promise<void>((resolve) => {
            const request = indexedDB.deleteDatabase('custos-browser-keys');
            request.onsuccess = () => resolve();
            request.onerror = () => resolve();
            request.onblocked = () => resolve();
          }),
      );
      await page.reload();
      const notice = page.locator('[data-testid="signing-notice"]');
      await notice.waitFor();
      assert.equal(await notice.getAttribute('data-notice'), 'keyMissing');
      assert.match((await notice.textContent()) ?? '', /该密钥已不存在/);
      // An action now is refused in the console, before anything is signed: the node-held key is not used silently.
      await page.locator('input[name="JS07-000002.supervision"]').fill('2');
      await page.locator('[data-testid="submit-scores"]').click();
      const error = page.locator('[data-testid="score-error"]');
      await error.waitFor();
      assert.match((await error.textContent()) ?? '', /本浏览器中的签名密钥不可用，操作未提交/);
      assert.equal((await api<{ height: number }>(demo, 'GET', '/v1/log/head')).height, headBefore.height, 'no transaction reached the ledger');
      await page.locator('.member-button').click();
      assert.equal(await page.locator('[data-testid="signing-kind"]').getAttribute('data-kind'), 'node');
      assert.equal(await page.locator('[data-testid="signing-kind"]').textContent(), '签名方式：待您选择');
      await page.locator('.member-button').click();
      await page.locator('[data-testid="signing-notice-new-key"]').click();
      await page.locator('[data-testid="signing-notice"]').waitFor({ state: 'detached' });
      await page.locator('.member-button').click();
      const kind = page.locator('[data-testid="signing-kind"][data-kind="browser"]');
      await kind.waitFor();
      const renewed = (await kind.getAttribute('data-public-key')) ?? '';
      assert.notEqual(renewed, browserKey, 'a new key');
      browserKey = renewed;
    });

    await t.test('the browser key’s certificate revoked: the console says so and asks', async () => {
      const record = await api<{ doc: MemberDoc }>(demo, 'GET', `/v1/state/identity.members/${encodeURIComponent(browserKey)}`);
      const admin = await demo.node.tokenOf('bureau-admin');
      await api(demo, 'POST', '/v1/admin/certificates/revoke', admin, { serial: record.doc.serial, reason: 'test: browser lost' });
      await page.reload();
      const notice = page.locator('[data-testid="signing-notice"][data-notice="revoked"]');
      await notice.waitFor();
      assert.match((await notice.textContent()) ?? '', /证书已被吊销/);
      await page.locator('[data-testid="signing-notice-use-node"]').click();
      await notice.waitFor({ state: 'detached' });
      await page.locator('.member-button').click();
      assert.equal(await page.locator('[data-testid="signing-kind"]').getAttribute('data-kind'), 'node');
    });
  } finally {
    await demo.close();
  }
});
