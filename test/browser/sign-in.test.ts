import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumMissing } from './support/chromium.ts';
import { openDemoConsole } from './support/demo-console.ts';

const skip = chromiumMissing() ?? false;

test('sign-in: member pages ask to sign in, wrong password and lockout are explained, the session survives a reload, sign-out ends it', { skip, timeout: 120_000 }, async (t) => {
  const demo = await openDemoConsole({ maxFailedAttempts: 3 });
  const { page, url } = demo;
  try {
    await t.test('signed out, an admin page asks to sign in (not a 404) and the nav has no member items', async () => {
      await page.goto(`${url}/admin/members`);
      assert.equal(await page.locator('h1').textContent(), '请先登录');
      assert.deepEqual(await page.locator('.nav a').allTextContents(), ['区块浏览', '公开验证', '网络信息']);
      const orgs = await page.locator('select[name="org"] option').allTextContents();
      assert.ok(orgs.includes('市中级人民法院 (Court)'), orgs.join(' | '));
    });

    await t.test('a wrong password says so', async () => {
      await page.goto(`${url}/sign-in`);
      await page.locator('select[name="org"] option[value="Court"]').waitFor({ state: 'attached' });
      await page.locator('select[name="org"]').selectOption('Court');
      await page.locator('input[name="memberId"]').fill('judge-1');
      await page.locator('input[name="password"]').fill('not-the-password');
      await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
      const error = page.locator('[data-testid="sign-in-error"]');
      await error.waitFor();
      assert.equal(await error.getAttribute('data-code'), 'AUTH_BAD_CREDENTIALS');
      assert.equal(await error.textContent(), '机构、成员编号或密码不正确。');
    });

    await t.test('after repeated failures the account is locked, and the page says for how long', async () => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        await page.locator('input[name="password"]').fill(`wrong-${attempt}`);
        await page.locator('[data-testid="sign-in-form"] button[type="submit"]').click();
        await page.locator('[data-testid="sign-in-error"]').waitFor();
      }
      const error = page.locator('[data-testid="sign-in-error"]');
      await page.locator('[data-testid="sign-in-error"][data-code="AUTH_LOCKED"]').waitFor();
      assert.match((await error.textContent()) ?? '', /^登录失败次数过多，账号已临时锁定，请约 \d+ 分钟后再试。$/);
    });

    await t.test('the court admin signs in: member menu with name, organization and roles; admin nav appears', async () => {
      await demo.signIn('court-admin');
      assert.equal(await page.locator('.member-name').textContent(), 'court-admin');
      assert.equal(await page.locator('.member-org').textContent(), '市中级人民法院');
      assert.deepEqual(await page.locator('.nav a').allTextContents(), ['区块浏览', '公开验证', '网络信息', '监狱总览', '案件看板', '系统管理']);
      await page.locator('.member-button').click();
      assert.match((await page.locator('.member-panel').textContent()) ?? '', /角色: 机构管理员/);
      assert.match((await page.locator('.member-panel').textContent()) ?? '', /节点使用您本人的密钥签名/);
    });

    await t.test('the session is restored from the node after a reload', async () => {
      await page.goto(`${url}/admin/organizations`);
      await page.locator('[data-testid="organizations"]').waitFor();
      assert.equal(await page.locator('.member-name').textContent(), 'court-admin');
      const names = await page.locator('.org-card h2').allTextContents();
      assert.deepEqual(names, ['省监狱管理局', '省人民检察院', '市中级人民法院', '省卫生健康委员会', '慈善总会']);
      assert.match((await page.locator('[data-testid="ca-fingerprint"]').first().textContent()) ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    });

    await t.test('a member without the admin role is told "not allowed", not "not found"', async () => {
      await page.locator('.member-button').click();
      await page.locator('[data-testid="sign-out"]').click();
      await page.locator('[data-testid="session-notice"]').waitFor();
      assert.equal(await page.locator('[data-testid="session-notice"]').textContent(), '您已退出登录。');
      await demo.signIn('clerk-1');
      await page.goto(`${url}/admin/members`);
      await page.locator('[data-testid="not-allowed"]').waitFor();
      assert.equal(await page.locator('h1').textContent(), '无权访问');
    });

    await t.test('a session the node no longer knows sends the member back to sign in with a message', async () => {
      await page.goto(`${url}/cases`);
      await page.locator('h1').waitFor();
      await page.evaluate(() => fetch('/v1/auth/sign-out', { method: 'POST' }));
      await page.goto(`${url}/admin/governance`); // reload: restore finds no session
      assert.equal(await page.locator('h1').textContent(), '请先登录');
      assert.equal(await page.locator('[data-testid="member-menu"]').count(), 0);
    });

    await t.test('signing out: the menu is gone and member pages ask to sign in again', async () => {
      await demo.signIn('court-admin');
      await page.locator('.member-button').click();
      await page.locator('[data-testid="sign-out"]').click();
      await page.locator('[data-testid="sign-in-link"]').waitFor();
      await page.goto(`${url}/admin/members`);
      assert.equal(await page.locator('h1').textContent(), '请先登录');
    });
  } finally {
    await demo.close();
  }
});
