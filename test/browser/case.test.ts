import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumMissing } from './support/chromium.ts';
import { openDemoConsole, type DemoConsole } from './support/demo-console.ts';

const skip = chromiumMissing() ?? false;

/** A small procedure on the demo network's own roles: a clerk submits a ruling for review, a judge confirms. */
const rulingReview = {
  id: 'ruling-review',
  version: 1,
  title: { zh: '裁定复核', en: 'Ruling review' },
  subjectType: 'ruling',
  initial: 'draft',
  states: {
    draft: { title: { zh: '草稿', en: 'Draft' } },
    review: { title: { zh: '待复核', en: 'In review' } },
    done: { title: { zh: '已复核', en: 'Reviewed' }, final: true },
  },
  open: { allowed: ['court.clerk@Court'] },
  steps: [
    {
      id: 'submit',
      title: { zh: '提交复核', en: 'Submit for review' },
      from: ['draft'],
      to: 'review',
      allowed: ['court.clerk@$case'],
      form: { type: 'object', required: ['summary'], properties: { summary: { type: 'string', title: 'summary', maxLength: 200 }, pages: { type: 'integer', title: 'pages', minimum: 1 } } },
    },
    { id: 'confirm', title: { zh: '确认', en: 'Confirm' }, from: ['review'], to: 'done', allowed: ['court.judge@Court'] },
  ],
};

async function call(demo: DemoConsole, memberId: string, contract: string, fn: string, args: Record<string, unknown>) {
  const token = await demo.node.tokenOf(memberId);
  const response = await demo.node.app.inject({ method: 'POST', url: '/v1/me/transactions?wait=true', headers: { authorization: `Bearer ${token}` }, payload: { contract, fn, args } });
  const body = response.json() as { result?: { status: string; code?: string; message?: string; value?: Record<string, unknown> } };
  assert.equal(body.result?.status, 'ok', `${memberId} ${contract}.${fn}: ${response.body}`);
  return body.result?.value ?? {};
}

/** Governance through the API: propose, then approve by the others until adopted. */
async function adopt(demo: DemoConsole, action: string, payload: Record<string, unknown>, approvers: string[]) {
  const { proposal } = (await call(demo, 'court-admin', 'governance', 'propose', { action, title: action, payload })) as { proposal: string };
  let status = '';
  for (const admin of approvers) status = ((await call(demo, admin, 'governance', 'approve', { proposal })) as { status: string }).status;
  assert.equal(status, 'adopted', action);
}

test('cases: a clerk opens the case page, sees the diagram and only the steps the role allows, takes a step with a form, and the history names the signer and transaction', { skip, timeout: 180_000 }, async (t) => {
  const demo = await openDemoConsole();
  const { page, url } = demo;
  try {
    const courtStaff = '1 OF (court.clerk@Court, court.judge@Court)';
    await adopt(demo, 'setPolicy', { name: 'procedures.openCase', policy: courtStaff }, ['procuratorate-admin', 'health-admin']);
    await adopt(demo, 'setPolicy', { name: 'procedures.act', policy: courtStaff }, ['procuratorate-admin', 'health-admin']);
    await adopt(demo, 'registerProcedure', { id: rulingReview.id, version: 1, definition: rulingReview }, ['procuratorate-admin']);
    const { caseId } = (await call(demo, 'clerk-1', 'procedures', 'openCase', { procedure: 'ruling-review', subject: { type: 'ruling', id: 'R-1123' } })) as { caseId: string };

    await t.test('the board lists the case under its state', async () => {
      await demo.signIn('clerk-1');
      await page.goto(`${url}/cases`);
      const row = page.locator(`[data-case="${caseId}"]`);
      await row.waitFor();
      assert.equal(await row.locator('a').textContent(), 'ruling-review · ruling R-1123');
    });

    await t.test('the case page: current state highlighted in the diagram, the clerk may submit but not confirm', async () => {
      await page.locator(`[data-case="${caseId}"] a`).click();
      await page.locator('[data-testid="case-page"]').waitFor();
      assert.equal(await page.locator('[data-testid="case-state"]').textContent(), '草稿');
      assert.equal(await page.locator('.diagram .node-current').getAttribute('data-state'), 'draft');
      assert.deepEqual(await page.locator('.step-action').evaluateAll((forms) => forms.map((f) => f.getAttribute('data-step'))), ['submit']);
    });

    await t.test('taking the step with its form moves the case and records who signed it', async () => {
      await page.locator('input[name="summary"]').fill('维持原裁定');
      await page.locator('input[name="pages"]').fill('12');
      await page.locator('[data-testid="take-submit"]').click();
      await page.locator('[data-testid="case-page"][data-state="review"]').waitFor();
      assert.equal(await page.locator('[data-testid="case-state"]').textContent(), '待复核');
      const latest = page.locator('.history-entry').first();
      assert.equal(await latest.getAttribute('data-kind'), 'step');
      assert.match((await latest.textContent()) ?? '', /办理 · 提交复核 clerk-1 · Court/);
      assert.deepEqual(JSON.parse((await latest.locator('pre').textContent()) ?? 'null'), { pages: 12, summary: '维持原裁定' }, 'the integer field is sent as a number');
      assert.match((await latest.locator('[data-testid="history-tx"]').getAttribute('href')) ?? '', /^\/tx\/[0-9a-f]{64}$/);
      assert.equal(await page.locator('[data-testid="no-actions"]').textContent(), '您的角色目前不能对此案件执行操作。');
    });
  } finally {
    await demo.close();
  }
});
