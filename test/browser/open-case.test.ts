import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestClock } from '../support/demo-node.ts';
import { chinaMorning } from '../prison/prison-http.ts';
import { setUpPrisoners } from '../prison/setup-prisoner.ts';
import { chromiumMissing } from './support/chromium.ts';
import { openDemoConsole } from './support/demo-console.ts';

const skip = chromiumMissing() ?? false;

test('opening cases from the prisoner page: a commutation, a reward and a punishment, each landing on its case page in the initial state; another prison’s prisoner offers nothing', { skip, timeout: 240_000 }, async (t) => {
  const demo = await openDemoConsole({ clock: createTestClock(chinaMorning('2026-09-01')) });
  const { page, url, node } = demo;
  try {
    await setUpPrisoners(node);
    await demo.signIn('officer-js07');

    /** Opens the prisoner page, submits the form, waits for the case page and returns its case id. */
    async function openFrom(prisonerId: string, formTestId: string, procedure: string | null, initialState: string): Promise<string> {
      await page.goto(`${url}/prison/prisoners/${prisonerId}`);
      const form = page.locator(`[data-testid="${formTestId}"]`);
      await form.waitFor();
      if (procedure !== null) await form.locator('select[name="procedure"]').selectOption(procedure);
      await form.locator(`[data-testid="${formTestId}-submit"]`).click();
      const casePage = page.locator(`[data-testid="case-page"][data-state="${initialState}"]`);
      await casePage.waitFor();
      const caseId = page.url().split('/cases/')[1] ?? '';
      assert.match(caseId, /^[0-9a-f]{64}$/, 'the case id is the opening transaction’s id');
      return caseId;
    }

    await t.test('officer-js07 opens a commutation case for P1 and sees it in its first state', async () => {
      await page.goto(`${url}/prison/prisoners/P1`);
      const form = page.locator('[data-testid="open-case"]');
      await form.waitFor();
      const offered = await form.locator('select[name="procedure"] option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
      assert.ok(offered.includes('commutation') && offered.includes('parole'), `offered: ${offered.join(', ')}`);
      assert.ok(!offered.includes('reward') && !offered.includes('punishment'), 'rewards and punishments have their own forms');
      const caseId = await openFrom('P1', 'open-case', 'commutation', 'unit_proposal');
      assert.match((await page.locator('h1').textContent()) ?? '', /prisoner P1/);
      assert.equal(await page.locator('[data-testid="case-state"]').textContent(), '分监区集体研究提请');
      assert.deepEqual(await page.locator('.step-action').evaluateAll((forms) => forms.map((f) => f.getAttribute('data-step'))), ['propose']);
      assert.match((await page.locator('.history-entry').first().textContent()) ?? '', /officer-js07/);
      await page.goto(`${url}/prison/prisoners/P1`);
      await page.locator(`[data-case="${caseId}"]`).waitFor();
      assert.equal(await page.locator(`[data-case="${caseId}"] a`).textContent(), 'commutation · P1');
    });

    await t.test('rewards and punishments are proposed from the rewards section', async () => {
      await openFrom('P1', 'open-reward', null, 'proposed');
      assert.equal(await page.locator('[data-testid="case-state"]').textContent(), '分监区提出');
      assert.deepEqual(await page.locator('.step-action').evaluateAll((forms) => forms.map((f) => f.getAttribute('data-step'))), ['propose']);
      await openFrom('P1', 'open-punishment', null, 'proposed');
      assert.match((await page.locator('h1').textContent()) ?? '', /P1/);
    });

    await t.test('a JS-03 prisoner: the JS-07 officer may not open anything (actorScope)', async () => {
      await page.goto(`${url}/prison/prisoners/P3`);
      await page.locator('[data-testid="prisoner-page"]').waitFor();
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('form.open-case').count(), 0);
    });
  } finally {
    await demo.close();
  }
});
