import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumMissing } from './support/chromium.ts';
import { openDemoConsole } from './support/demo-console.ts';

const skip = chromiumMissing() ?? false;

test('administration: the court admin enrolls, lists and revokes a member; a proposal approved by three admins is adopted; admin pages switch language', { skip, timeout: 180_000 }, async (t) => {
  const demo = await openDemoConsole();
  const { page, url } = demo;
  try {
    await t.test('enroll a clerk with a one-time code: the TOTP secret is shown once as a QR code, and the member is listed', async () => {
      await demo.signIn('court-admin');
      await page.goto(`${url}/admin/members`);
      await page.locator('[data-member="judge-1"]').waitFor();
      const form = page.locator('[data-testid="enroll-form"]');
      await form.locator('input[name="memberId"]').fill('clerk-2');
      await form.locator('input[name="roles"][value="court.clerk"]').check();
      await form.locator('input[name="password"]').fill('a-long-password');
      await form.locator('input[name="validForDays"]').fill('20');
      await form.locator('button[type="submit"]').click();
      const enrolled = page.locator('[data-testid="enrolled"]');
      await enrolled.waitFor();
      assert.match((await page.locator('.card-ok h2').textContent()) ?? '', /^已登记 clerk-2@Court$/);
      const qr = await enrolled.locator('img.qr').getAttribute('data-qr-text');
      assert.match(qr ?? '', /^otpauth:\/\/totp\/Custos%3Aclerk-2%40Court\?secret=[A-Z2-7]+&issuer=Custos/);
      const row = page.locator('[data-member="clerk-2"]');
      await row.waitFor();
      assert.equal(await row.locator('[data-status]').getAttribute('data-status'), 'active');
      assert.equal(await row.locator('td').nth(1).textContent(), '书记员');
      // Valid for 20 days: inside the 30-day warning window.
      assert.equal(await row.getAttribute('class'), 'row-warn');
      assert.match((await row.locator('[data-expiry="soon"]').textContent()) ?? '', /^(19|20) 天后到期$/);
      assert.match((await page.locator('[data-testid="expiry-warning"]').textContent()) ?? '', /^1 张证书将在 30 天内到期。$/);
    });

    await t.test('revoke the new member with a reason: the list says from which block', async () => {
      const row = page.locator('[data-member="clerk-2"]');
      await row.getByRole('button', { name: '吊销' }).click();
      await page.locator('input[name="reason"]').fill('调离岗位');
      await page.getByRole('button', { name: '确认吊销' }).click();
      await page.locator('[data-member="clerk-2"] [data-status="revoked"]').waitFor();
      assert.match((await page.locator('[data-member="clerk-2"] [data-status]').textContent()) ?? '', /^自区块 \d+ 起吊销$/);
    });

    const proposalTitle = '公证存证仅限法官';
    await t.test('the court admin proposes a policy change; it is open and says what is still needed', async () => {
      await page.goto(`${url}/admin/governance`);
      const form = page.locator('[data-testid="propose-form"]');
      await form.locator('input[name="title"]').fill(proposalTitle);
      await form.locator('input[name="policyName"]').fill('notary.anchor');
      await form.locator('input[name="policy"]').fill('ANY court.judge@Court');
      await form.locator('button[type="submit"]').click();
      const card = page.locator('.proposal', { hasText: proposalTitle });
      await card.waitFor();
      assert.equal(await card.getAttribute('data-status'), 'open');
      assert.equal(await card.locator('[data-testid="proposal-status"]').textContent(), '待批准');
      const approvals = await card.locator('[data-testid="approvals"] li').allTextContents();
      assert.equal(approvals.length, 1);
      assert.match(approvals[0] ?? '', /^✓ court-admin · 市中级人民法院 \(区块高度 \d+\)$/);
      assert.match((await card.locator('[data-testid="still-needed"]').textContent()) ?? '', /^尚需批准：已满足 1 \/ 3（3 OF \(admin@PrisonBureau, admin@Procuratorate, admin@Court, admin@HealthCommission, admin@ReliefCharity\)）$/);
      // The proposer cannot approve twice, but may withdraw.
      assert.equal(await card.locator('[data-action="approve"]').count(), 0);
      assert.equal(await card.locator('[data-action="withdraw"]').count(), 1);
    });

    await t.test('two more admins approve it and it becomes adopted, in force from the next block', async () => {
      for (const admin of ['procuratorate-admin', 'health-admin']) {
        await demo.forgetSession();
        await demo.signIn(admin);
        await page.goto(`${url}/admin/governance`);
        const card = page.locator('.proposal', { hasText: proposalTitle });
        await card.locator('[data-action="approve"]').click();
        await card.locator('[data-action="approve"]').waitFor({ state: 'detached' });
      }
      await page.locator('[data-status-filter="adopted"]').click();
      const card = page.locator('.proposal[data-status="adopted"]', { hasText: proposalTitle });
      await card.waitFor();
      assert.equal(await card.locator('[data-testid="proposal-status"]').textContent(), '已通过');
      assert.equal(await card.locator('[data-testid="approvals"] li').count(), 3);
      assert.match((await card.locator('[data-testid="still-needed"]').textContent()) ?? '', /^已通过，自区块 \d+ 起生效。$/);
    });

    await t.test('the admin pages switch to English and back', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('html[lang="en"]').waitFor();
      assert.equal(await page.locator('h1').textContent(), 'Governance');
      assert.deepEqual(await page.locator('.tabs a').allTextContents(), ['Organizations', 'Members & certificates', 'Governance', 'Procedures', 'Nodes & finality']);
      assert.equal(await page.locator('.proposal[data-status="adopted"] [data-testid="proposal-status"]').first().textContent(), 'Adopted');
      await page.locator('[data-tab="admin-members"]').click();
      await page.locator('[data-testid="member-table"]').waitFor();
      assert.equal(await page.locator('h1').textContent(), 'Members & certificates');
      assert.equal(await page.locator('.member-org').textContent(), 'Provincial Health Commission');
      await page.getByRole('button', { name: '中文' }).click();
      await page.locator('html[lang="zh-CN"]').waitFor();
      assert.equal(await page.locator('h1').textContent(), '成员与证书');
    });
  } finally {
    await demo.close();
  }
});
