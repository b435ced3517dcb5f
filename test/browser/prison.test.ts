import { test } from 'node:test';
import assert from 'node:assert/strict';
import { admitArgs } from '../../src/apps/prison/testing/prison-fixtures.ts';
import { chinaToday } from '../../web/src/prison/score-grid.ts';
import { chromiumMissing } from './support/chromium.ts';
import { openDemoConsole, type DemoConsole } from './support/demo-console.ts';

const skip = chromiumMissing() ?? false;

async function call(demo: DemoConsole, memberId: string, contract: string, fn: string, args: Record<string, unknown>) {
  const token = await demo.node.tokenOf(memberId);
  const response = await demo.node.app.inject({ method: 'POST', url: '/v1/me/transactions?wait=true', headers: { authorization: `Bearer ${token}` }, payload: { contract, fn, args } });
  const body = response.json() as { txId: string; result?: { status: string; value?: Record<string, unknown> } };
  assert.equal(body.result?.status, 'ok', `${memberId} ${contract}.${fn}: ${response.body}`);
  return body;
}

/** The first four days of last month (all before today, all in one month: the monthly plus cap counts per month). */
function lastMonthDays(today: string): string[] {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const previous = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
  return ['01', '02', '03', '04'].map((day) => `${previous}-${day}`);
}

const unit = (id: string, name: string) => ({ id, name, parent: null, normalDaily: { min: -5, max: 4 } });

test('prison: an officer scores a unit’s day from the keyboard and sees it on the prisoner page; the bureau’s dashboard shows the prisons', { skip, timeout: 240_000 }, async (t) => {
  const demo = await openDemoConsole();
  const { page, url } = demo;
  const today = chinaToday();
  try {
    // The demo seeds people, not prisons yet: register two prisons and admit three prisoners of JS-07's district-3.
    for (const id of ['JS-07', 'JS-03']) {
      await call(demo, 'bureau-official', 'prison', 'registerPrison', { id, name: `Prison ${id}`, goLiveDate: today, units: [unit('district-1', '一监区'), unit('district-3', '三监区')] });
    }
    for (const [id, overrides] of [['JS07-000001', {}], ['JS07-000002', {}], ['JS07-000003', { canWork: false }]] as const) {
      await call(demo, 'penalty-js07', 'prison', 'admitPrisoner', { ...admitArgs(id, 'JS-07', overrides), unit: 'district-3' });
    }
    const [day1, day2, day3, day4] = lastMonthDays(today) as [string, string, string, string];
    for (const date of [day1, day2, day3]) {
      await call(demo, 'officer-js07', 'prison', 'scoreDay', { date, entries: [{ prisonerId: 'JS07-000002', parts: { supervision: 0, education: 5, labour: 0 }, reason: '' }] });
    }

    await t.test('the officer’s grid lists the unit’s prisoners with the caps in force', async () => {
      await demo.signIn('officer-js07');
      assert.ok((await page.locator('.nav a').allTextContents()).includes('每日计分'));
      await page.goto(`${url}/prison/scores`);
      await page.locator('[data-testid="score-grid"]').waitFor();
      assert.equal(await page.locator('select[name="unit"]').inputValue(), 'district-3', 'the officer’s own unit is chosen');
      assert.deepEqual(await page.locator('[data-testid="score-grid"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-prisoner'))), ['JS07-000001', 'JS07-000002', 'JS07-000003']);
      assert.match((await page.locator('[data-testid="caps"]').textContent()) ?? '', /每项每日加分不超过 \+5，扣分不超过 −20（cn-moj-2021@1）/);
      assert.equal(await page.locator('input[name="JS07-000003.labour"]').isDisabled(), true, 'no labour part for a prisoner who cannot work');
    });

    await t.test('keyboard entry: Tab along the row, Enter down, arrows back; a value above the cap is flagged inline and blocks the submit', async () => {
      await page.locator('input[name="JS07-000001.supervision"]').focus();
      await page.keyboard.type('3');
      await page.keyboard.press('Tab');
      await page.keyboard.type('2');
      await page.keyboard.press('Tab');
      await page.keyboard.type('1');
      await page.keyboard.press('Enter'); // down to JS07-000002, labour
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft'); // JS07-000002, supervision
      await page.keyboard.type('9');
      const row2 = page.locator('tr[data-prisoner="JS07-000002"]');
      assert.equal(await row2.locator('.cell-error').textContent(), '监管改造: 超过每日加分上限 +5');
      assert.equal(await page.locator('input[name="JS07-000002.supervision"]').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.locator('[data-testid="submit-scores"]').isDisabled(), true);
      await page.keyboard.press('Backspace');
      await page.keyboard.type('-2');
      assert.equal(await row2.locator('.cell-error').count(), 0);
      await page.keyboard.press('Enter'); // JS07-000003, supervision
      await page.keyboard.type('1');
      assert.deepEqual(await page.locator('[data-testid="row-total"]').allTextContents(), ['+6', '-2', '+1']);
      assert.equal(await page.locator('[data-testid="submit-scores"]').textContent(), '提交 3 名罪犯的计分（1 笔交易）');
      await page.keyboard.press('Control+Enter');
      const recorded = page.locator('[data-testid="scores-recorded"]');
      await recorded.waitFor();
      assert.match((await recorded.locator('strong').textContent()) ?? '', new RegExp(`^已记录 3 名罪犯 ${today} 的计分，共 1 笔交易。$`));
      assert.match((await recorded.locator('a').getAttribute('href')) ?? '', /^\/tx\/[0-9a-f]{64}$/);
      await page.locator('tr[data-prisoner="JS07-000001"][data-scored="yes"]').waitFor();
      assert.equal(await page.locator('tr[data-prisoner="JS07-000001"] td').last().textContent(), '+6');
      assert.equal(await page.locator('[data-testid="submit-scores"]').isDisabled(), true, 'a day is scored once');
    });

    await t.test('the prisoner page shows the day in the score record, the balance, the sentence and eligibility with its articles', async () => {
      await page.locator('tr[data-prisoner="JS07-000001"] a').click();
      await page.locator('[data-testid="prisoner-page"]').waitFor();
      assert.equal(await page.locator('h1').textContent(), '罪犯 JS07-000001');
      assert.equal(await page.locator('[data-testid="points-balance"]').textContent(), '6');
      const latest = page.locator('[data-testid="score-entries"] tbody tr').first();
      assert.equal(await latest.getAttribute('data-date'), today);
      assert.deepEqual(await latest.locator('td').allTextContents().then((cells) => cells.slice(0, 6)), [today, '日常计分', '3', '2', '1', '6']);
      assert.match((await latest.locator('td').last().textContent()) ?? '', /officer-js07/);
      assert.match((await page.locator('[data-testid="expected-release"]').textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);
      const commutation = page.locator('[data-testid="commutation-eligibility"]');
      assert.match((await page.locator('[data-testid="earliest-commutation"]').textContent()) ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.ok((await commutation.locator('.article').count()) > 0, 'each finding names its articles');
      assert.match((await commutation.locator('.article').first().textContent()) ?? '', /art\.|条/);
    });

    await t.test('a refused day shows the ledger’s code and the prisoner it names, and records nothing', async () => {
      await page.goto(`${url}/prison/scores`);
      await page.locator('[data-testid="score-grid"]').waitFor();
      await page.locator('input[name="date"]').fill(day4);
      await page.locator(`[data-testid="score-grid"][data-date="${day4}"]`).waitFor();
      await page.locator('input[name="JS07-000002.education"]').fill('5'); // 15 already this month: the cap is 15
      await page.locator('[data-testid="submit-scores"]').click();
      const error = page.locator('[data-testid="score-error"]');
      await error.waitFor();
      assert.equal(await error.locator('.notice-code').textContent(), '错误代码：PRISON_SCORE_ABOVE_CAP');
      assert.match((await error.locator('.notice-detail').textContent()) ?? '', /JS07-000002/);
      assert.equal(await page.locator('tr[data-prisoner="JS07-000002"]').getAttribute('class'), 'row-invalid');
      assert.equal(await page.locator('[data-testid="scores-recorded"]').count(), 0);
    });

    await t.test('the bureau official’s dashboard: both prisons, their prisoners’ points, the alerts the unusual days raised', async () => {
      await demo.forgetSession();
      await demo.signIn('bureau-official');
      await page.goto(`${url}/prison`);
      await page.locator('[data-testid="dashboard"]').waitFor();
      assert.equal(await page.locator('[data-testid="stat-prisons"]').textContent(), '2');
      assert.equal(await page.locator('[data-testid="stat-prisoners"]').textContent(), '3');
      assert.deepEqual(await page.locator('[data-testid="prison-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-prison'))), ['JS-03', 'JS-07']);
      // Balances 6, 15 − 2 = 13 and 1: median 6. PA-01 fired for each day above district-3's normal −5…4: three +5s and today's +6.
      assert.deepEqual(await page.locator('[data-testid="prison-table"] tr[data-prison="JS-07"] td').allTextContents().then((c) => c.slice(1, 4)), ['3', '6', '4']);
      assert.equal(await page.locator('[data-box="JS-07"]').getAttribute('data-median'), '6');
      assert.equal(await page.locator('[data-box="JS-03"] text').last().textContent(), '无在押罪犯');
      const pa01 = page.locator('[data-bar="PA-01"]');
      assert.equal(await pa01.getAttribute('data-value'), '4');
      assert.match((await pa01.textContent()) ?? '', /日计分超出监区正常范围/);
    });

    await t.test('in English, and on a phone without sideways scrolling', async () => {
      await page.getByRole('button', { name: 'English' }).click();
      await page.locator('html[lang="en"]').waitFor();
      assert.equal(await page.locator('h1').textContent(), 'Prison dashboard');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${url}/prison/prisoners/JS07-000001`);
      await page.locator('[data-testid="prisoner-page"]').waitFor();
      assert.equal(await page.locator('[data-testid="commutation-eligibility"] h3').evaluate((h) => h.firstChild?.textContent?.trim()), 'Commutation');
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the page fits a 390-px screen');
    });
  } finally {
    await demo.close();
  }
});
