import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumMissing } from './support/chromium.ts';
import { openConsole } from './support/open-console.ts';

const skip = chromiumMissing() ?? false;

test('language: Chinese by default; switching to English changes the visible text and dates, and is remembered', { skip, timeout: 60_000 }, async (t) => {
  const { node, page, close } = await openConsole();
  try {
    const record = await node.anchor('检察院关于 2026-10 批次减刑的审查意见');
    await page.goto(`${node.url}/tx/${record.txId}`);
    await page.locator('.proof-panel [data-verdict]').waitFor();

    await t.test('Chinese first: navigation, headings, check names and a Chinese date', async () => {
      assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
      assert.deepEqual(await page.locator('.nav a').allTextContents(), ['区块浏览', '公开验证', '网络信息']);
      assert.equal(await page.locator('.proof-panel h2').textContent(), '包含证明');
      assert.equal(await page.locator('[data-check="transaction signature"] .check-name').textContent(), '交易签名');
      assert.match((await page.locator('time').first().textContent()) ?? '', /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}$/);
    });

    await t.test('English after the switch, on the same page', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('html[lang="en"]').waitFor();
      assert.deepEqual(await page.locator('.nav a').allTextContents(), ['Explorer', 'Verify', 'Network']);
      assert.equal(await page.locator('.proof-panel h2').textContent(), 'Inclusion proof');
      assert.equal(await page.locator('[data-check="transaction signature"] .check-name').textContent(), 'Transaction signature');
      assert.equal(await page.locator('[data-finality]').textContent(), 'Final');
      assert.match((await page.locator('time').first().textContent()) ?? '', /^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}:\d{2}$/);
      assert.equal(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'), 'true');
    });

    await t.test('English is remembered after a reload and on other pages', async () => {
      await page.goto(`${node.url}/verify?tx=${record.txId}`);
      await page.locator('[data-testid="verify-result"]').waitFor();
      assert.equal(await page.locator('h1').textContent(), 'Verify a record');
      assert.equal(await page.locator('.verdict strong').textContent(), 'Verified: this record is in the ledger');
      const notProven = await page.locator('.statement-not li').allTextContents();
      assert.ok(notProven.some((line) => line.startsWith('That the facts stated in the transaction are true')), notProven.join(' | '));
    });

    await t.test('back to Chinese', async () => {
      await page.getByRole('button', { name: '中文' }).click();
      await page.locator('html[lang="zh-CN"]').waitFor();
      assert.equal(await page.locator('h1').textContent(), '公开验证');
      assert.equal(await page.locator('.verdict strong').textContent(), '验证通过：这条记录真实存在于账本中');
      const notProven = await page.locator('.statement-not li').allTextContents();
      assert.ok(notProven.some((line) => line.startsWith('交易中所陈述的事实本身是真实的')), notProven.join(' | '));
    });
  } finally {
    await close();
  }
});
