import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestClock } from '../support/demo-node.ts';
import { chinaMorning, sessionOf } from '../prison/prison-http.ts';
import { setUpPrisoners } from '../prison/setup-prisoner.ts';
import { chromiumMissing } from './support/chromium.ts';
import { openDemoConsole } from './support/demo-console.ts';

const skip = chromiumMissing() ?? false;

test('explorer on a member network: the transaction page names the signer’s member and certificate; the search box finds a case by its id', { skip, timeout: 240_000 }, async (t) => {
  const demo = await openDemoConsole({ clock: createTestClock(chinaMorning('2026-09-01')) });
  const { page, url, node } = demo;
  try {
    await setUpPrisoners(node);
    const officer = await sessionOf(node, 'officer-js07');
    const opened = await officer.ok('procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P1' } });
    const caseId = (opened.value as { caseId: string }).caseId;
    const anchor = await officer.ok('notary', 'anchor', { hash: 'cd'.repeat(32), title: 'P1 points record', type: 'prison.evidence' });
    const tx = (await (await fetch(`${url}/v1/transactions/${anchor.txId}`)).json()) as { tx: { signer: string } };
    const member = ((await (await fetch(`${url}/v1/state/identity.members/${tx.tx.signer}`)).json()) as { doc: { serial: string; notAfter: number } }).doc;

    await t.test('signed out, the transaction page shows who signed: organization, member, roles, certificate serial and expiry', async () => {
      await page.goto(`${url}/tx/${anchor.txId}`);
      const card = page.locator('[data-testid="signer-certificate"][data-member="officer-js07"]');
      await card.waitFor();
      assert.equal(await card.getAttribute('data-org'), 'PrisonBureau');
      assert.match((await card.locator('[data-field="org"]').textContent()) ?? '', /\(PrisonBureau\)$/);
      assert.equal(await card.locator('[data-field="member"]').textContent(), 'officer-js07');
      assert.equal(await card.locator('[data-field="roles"]').textContent(), 'prison.officer');
      assert.match((await card.locator('[data-field="attributes"]').textContent()) ?? '', /prison=JS-07/);
      assert.ok(member.serial.length > 0);
      assert.equal(await card.locator('[data-field="serial"]').textContent(), member.serial);
      const expiry = new Date(member.notAfter + 8 * 3600_000);
      assert.match((await card.locator('[data-field="expires"]').textContent()) ?? '', new RegExp(`${expiry.getUTCFullYear()}年${expiry.getUTCMonth() + 1}月${expiry.getUTCDate()}日`));
      assert.equal(await card.locator('[data-field="revoked"]').count(), 0);
      assert.equal(await page.locator('[data-finality]').getAttribute('data-finality'), 'final');
    });

    await t.test('signed in, a case id in the search box opens the case page; a plain txId still opens its transaction', async () => {
      await demo.signIn('officer-js07');
      await page.goto(`${url}/`);
      await page.locator('#search-input').fill(caseId.toUpperCase());
      await page.locator('form.search button[type="submit"]').click();
      await page.waitForURL(`${url}/cases/${caseId}`);
      await page.locator('[data-testid="case-page"][data-state="unit_proposal"]').waitFor();
      assert.equal(await page.locator('[data-testid="case-state"]').textContent(), '分监区集体研究提请');
      await page.goto(`${url}/`);
      await page.locator('#search-input').fill(anchor.txId);
      await page.locator('form.search button[type="submit"]').click();
      await page.waitForURL(`${url}/tx/${anchor.txId}`);
      await page.locator('[data-testid="signer-certificate"][data-member="officer-js07"]').waitFor();
    });

    await t.test('an admin’s nodes page shows this node’s live health and the chain height from /healthz and /metrics', async () => {
      await demo.forgetSession();
      await demo.signIn('bureau-admin');
      await page.goto(`${url}/admin/nodes`);
      const health = page.locator('[data-testid="node-health"]');
      await health.waitFor();
      const healthz = (await (await fetch(`${url}/healthz`)).json()) as { status: string; height: number };
      assert.equal(await health.getAttribute('data-healthy'), 'true');
      assert.equal(await health.locator('[data-field="status"]').textContent(), '正常');
      const shown = Number(await health.locator('[data-field="height"]').textContent());
      assert.ok(shown > 0 && shown <= healthz.height, `height ${shown} of ${healthz.height}`);
      assert.equal(await health.locator('[data-field="metrics-height"]').textContent(), String(shown));
      // Live: a new block shows up without a reload within the polling interval.
      await officer.ok('notary', 'anchor', { hash: 'ef'.repeat(32), title: 'another record', type: 'prison.evidence' });
      await page.waitForFunction((before) => Number(document.querySelector('[data-testid="node-health"]')?.getAttribute('data-height')) > before, shown, { timeout: 15_000 });
    });

    await t.test('signed out, the same case id opens the opening transaction (the case page is for members)', async () => {
      await demo.forgetSession();
      await page.goto(`${url}/`);
      await page.locator('#search-input').fill(caseId);
      await page.locator('form.search button[type="submit"]').click();
      await page.waitForURL(`${url}/tx/${caseId}`);
      await page.locator('[data-testid="signer-certificate"][data-member="officer-js07"]').waitFor();
    });
  } finally {
    await demo.close();
  }
});
