// Refreshes docs/screenshots/*.png: the console's main pages in Chinese and
// English, against a fresh node seeded with a few notarized documents.
// Run: node --import tsx scripts/screenshots.ts   (needs `npm run build:web` and /usr/bin/chromium)
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchChromium } from '../test/browser/support/chromium.ts';
import { startConsoleNode } from '../test/browser/support/console-node.ts';
import { openDemoConsole } from '../test/browser/support/demo-console.ts';
import { admitArgs, prisonArgs, setUpPrisoners } from '../test/prison/setup-prisoner.ts';
import { anchored, sessionOf } from '../test/prison/prison-http.ts';

const outDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

const documents = [
  '江苏省监狱管理局 2026 年罪犯计分考核细则',
  'JS-07 监狱 2026-10 批次减刑建议公示',
  '（2026）苏01刑更1123号 刑事裁定书',
  '检察院关于 2026-10 批次减刑的审查意见',
];

const missing = chromiumMissing();
if (missing !== null) {
  console.error(missing);
  process.exit(1);
}

const cjkFonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '';
if (cjkFonts.trim() === '') console.warn('no Chinese font found: apt-get install -y fonts-noto-cjk, or the zh screenshots show boxes');

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('.spinner') === null);
  await page.screenshot({ path: `${outDir}${name}.png`, fullPage: true });
  console.log(`docs/screenshots/${name}.png`);
}

const node = await startConsoleNode();
const desktop = await launchChromium({ viewport: { width: 1280, height: 860 } });
const phone = await launchChromium({ viewport: { width: 390, height: 844 } });
try {
  const anchored = [];
  for (const title of documents) anchored.push(await node.anchor(title));
  const ruling = anchored[2]!;
  const tampered = await node.proof(ruling.txId);
  tampered.tx.args = { ...tampered.tx.args, title: '（2026）苏01刑更1123号 刑事裁定书（已篡改）' };
  mkdirSync(outDir, { recursive: true });


  for (const language of ['zh-CN', 'en'] as const) {
    const suffix = language === 'zh-CN' ? 'zh' : 'en';
    const page = await desktop.context.newPage();
    await page.addInitScript((lang) => window.localStorage.setItem('custos.language', lang), language);
    await page.goto(`${node.url}/`);
    await page.locator('[data-testid="latest-blocks"] li').first().waitFor();
    await shoot(page, `explorer-${suffix}`);
    await page.goto(`${node.url}/blocks/${ruling.height}`);
    await shoot(page, `block-${suffix}`);
    await page.goto(`${node.url}/tx/${ruling.txId}`);
    await page.locator('.proof-panel [data-verdict]').waitFor();
    await shoot(page, `transaction-${suffix}`);
    await page.goto(`${node.url}/network`);
    await shoot(page, `network-${suffix}`);
    await page.goto(`${node.url}/verify?tx=${ruling.txId}`);
    await page.locator('[data-testid="verify-result"]').waitFor();
    await shoot(page, `verify-${suffix}`);
    await page.goto(`${node.url}/verify`);
    await page.locator('#verify-input').fill(JSON.stringify(tampered));
    await page.locator('form.verify-form button[type="submit"]').click();
    await page.locator('[data-verdict="failed"]').first().waitFor();
    await shoot(page, `verify-tampered-${suffix}`);
    await page.close();

    const mobile = await phone.context.newPage();
    await mobile.addInitScript((lang) => window.localStorage.setItem('custos.language', lang), language);
    await mobile.goto(`${node.url}/verify?tx=${ruling.txId}`);
    await mobile.locator('[data-testid="verify-result"]').waitFor();
    await shoot(mobile, `verify-phone-${suffix}`);
    await mobile.close();
  }
} finally {
  await desktop.close();
  await phone.close();
  await node.close();
}

// Signed-in pages, on the seeded demo consortium: sign-in, members, governance (one open proposal).
const demo = await openDemoConsole({ viewport: { width: 1280, height: 860 } });
try {
  await demo.signIn('court-admin');
  await demo.page.goto(`${demo.url}/admin/governance`);
  const form = demo.page.locator('[data-testid="propose-form"]');
  await form.locator('input[name="title"]').fill('公证存证仅限法官 / Anchoring by judges only');
  await form.locator('input[name="policyName"]').fill('notary.anchor');
  await form.locator('input[name="policy"]').fill('ANY court.judge@Court');
  await form.locator('button[type="submit"]').click();
  await demo.page.locator('.proposal').first().waitFor();
  for (const language of ['zh-CN', 'en'] as const) {
    const suffix = language === 'zh-CN' ? 'zh' : 'en';
    await demo.page.evaluate((lang) => window.localStorage.setItem('custos.language', lang), language);
    await demo.page.goto(`${demo.url}/admin/members`);
    await demo.page.locator('[data-testid="member-table"]').waitFor();
    await shoot(demo.page, `admin-members-${suffix}`);
    await demo.page.goto(`${demo.url}/admin/governance`);
    await demo.page.locator('.proposal').first().waitFor();
    await shoot(demo.page, `governance-${suffix}`);
  }
  await demo.forgetSession();
  await demo.page.goto(`${demo.url}/admin/members`);
  await demo.page.locator('[data-testid="sign-in-form"]').waitFor();
  await shoot(demo.page, 'sign-in-en');
} finally {
  await demo.close();
}

// Prison pages: 21 prisons (JS-07 and JS-03 with prisoners and three days of scores), a commutation case waiting for the procuratorate.
const prison = await openDemoConsole({ viewport: { width: 1280, height: 860 } });
try {
  const { node, page, url } = prison;
  await setUpPrisoners(node);
  const bureau = await sessionOf(node, 'bureau-official');
  for (let n = 1; n <= 21; n += 1) {
    const id = `JS-${String(n).padStart(2, '0')}`;
    if (id !== 'JS-07' && id !== 'JS-03') await bureau.ok('prison', 'registerPrison', prisonArgs(id));
  }
  const penalty = { 'JS-07': await sessionOf(node, 'penalty-js07'), 'JS-03': await sessionOf(node, 'penalty-js03') };
  const ids: Record<'JS-07' | 'JS-03', string[]> = { 'JS-07': ['P1'], 'JS-03': ['P3'] };
  for (const prisonId of ['JS-07', 'JS-03'] as const) {
    for (let i = 2; i <= (prisonId === 'JS-07' ? 14 : 8); i += 1) {
      const prisonerId = `${prisonId.replace('-', '')}-${String(i).padStart(4, '0')}`;
      await penalty[prisonId].ok('prison', 'admitPrisoner', { ...admitArgs(prisonerId, prisonId), canWork: i % 7 !== 0 });
      ids[prisonId].push(prisonerId);
    }
  }
  const officers = { 'JS-07': await sessionOf(node, 'officer-js07'), 'JS-03': await sessionOf(node, 'officer-js03') };
  let seed = 7;
  const roll = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const value = () => { const r = roll(); return r < 0.25 ? 1 : r < 0.3 ? -2 : r < 0.31 ? 5 : 0; };
  // The last three days only: entries more than three days late would raise PA-02 for every row.
  for (let d = 18; d <= 20; d += 1) {
    const date = `2026-11-${String(d).padStart(2, '0')}`;
    for (const prisonId of ['JS-07', 'JS-03'] as const) {
      const entries = ids[prisonId].map((prisonerId, i) => ({ prisonerId, parts: { supervision: value(), education: value(), labour: (i + 2) % 7 === 0 && i > 0 ? 0 : value() }, reason: '' }));
      await officers[prisonId].call('prison', 'scoreDay', { date, entries });
    }
  }
  const caseId = ((await officers['JS-07'].ok('procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P1' } })).value as { caseId: string }).caseId;
  await officers['JS-07'].ok('procedures', 'act', { caseId, action: { kind: 'step', step: 'propose', form: { grounds: 'repentance', proposedReductionMonths: 9 }, evidence: [await anchored(officers['JS-07'], 'points-record', 'P1 points')] } });

  for (const language of ['zh-CN', 'en'] as const) {
    const suffix = language === 'zh-CN' ? 'zh' : 'en';
    await page.goto(`${url}/`);
    await page.evaluate((lang) => window.localStorage.setItem('custos.language', lang), language);
    await prison.forgetSession();
    await prison.signIn('bureau-official');
    await page.goto(`${url}/prison`);
    await page.locator('[data-testid="dashboard"]').waitFor();
    await shoot(page, `prison-dashboard-${suffix}`);
    await page.goto(`${url}/prison/prisoners/P1`);
    await page.locator('[data-testid="prisoner-page"]').waitFor();
    await shoot(page, `prisoner-${suffix}`);
    await page.goto(`${url}/prison/cases`);
    await page.locator('[data-testid="prison-case-board"]').waitFor();
    await shoot(page, `prison-cases-${suffix}`);
    await prison.forgetSession();
    await prison.signIn('officer-js07');
    await page.goto(`${url}/prison/scores`);
    await page.locator('[data-testid="score-grid"]').waitFor();
    await page.locator('input[name="P1.supervision"]').fill('2');
    await page.locator('input[name="P1.education"]').fill('1');
    await page.locator('input[name="JS07-0002.supervision"]').fill('-2');
    await page.locator('input[name="JS07-0002.reason"]').fill(language === 'zh-CN' ? '内务不整' : 'untidy cell');
    await page.locator('input[name="JS07-0003.labour"]').fill('9');
    await shoot(page, `score-entry-${suffix}`);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${url}/prison/scores`);
  await page.locator('[data-testid="score-grid"]').waitFor();
  await shoot(page, 'score-entry-phone-en');
  await page.evaluate(() => window.localStorage.setItem('custos.language', 'zh-CN'));
  await page.goto(`${url}/prison/prisoners/P1`);
  await page.locator('[data-testid="prisoner-page"]').waitFor();
  await shoot(page, 'prisoner-phone-zh');
} finally {
  await prison.close();
}
