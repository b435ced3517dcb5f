import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestClock } from '../support/demo-node.ts';
import { anchored, chinaMorning, day, sessionOf, type Session } from '../prison/prison-http.ts';
import { setUpPrisoners } from '../prison/setup-prisoner.ts';
import { chromiumMissing } from './support/chromium.ts';
import { openDemoConsole, type DemoConsole } from './support/demo-console.ts';

const skip = chromiumMissing() ?? false;

/** Moves the node's clock and commits a block, so deadlines fire at the new time. */
async function advance(demo: DemoConsole, anyone: Session, days: number, label: string) {
  demo.node.clock.advance(days * day);
  await anchored(anyone, 'tick', `${label} ${demo.node.clock.now()}`);
}

test('commutation in the console: the officer takes the next step from the prison case board, the prosecutor gives an opinion from the inbox, anyone verifies the published ruling by its code', { skip, timeout: 240_000 }, async (t) => {
  const demo = await openDemoConsole({ clock: createTestClock(chinaMorning('2026-09-01')) });
  const { page, url, node } = demo;
  try {
    await setUpPrisoners(node);
    const officer = await sessionOf(node, 'officer-js07');
    const caseId = ((await officer.ok('procedures', 'openCase', { procedure: 'commutation', subject: { type: 'prisoner', id: 'P1' } })).value as { caseId: string }).caseId;
    const act = (s: Session, step: string, extra: Record<string, unknown> = {}) => s.ok('procedures', 'act', { caseId, action: { kind: 'step', step, ...extra } });
    const pointsRecord = await anchored(officer, 'points-record', 'P1 points 2025-02..2026-01');

    await t.test('the officer finds the case on the prison board and proposes with the form and the evidence hash', async () => {
      await demo.signIn('officer-js07');
      await page.goto(`${url}/prison/cases`);
      const row = page.locator(`[data-testid="prison-case-board"] [data-case="${caseId}"]`);
      await row.waitFor();
      assert.equal(await row.locator('a').textContent(), 'commutation · P1');
      await row.locator('a').click();
      await page.locator('[data-testid="case-page"][data-state="unit_proposal"]').waitFor();
      const form = page.locator('.step-action[data-step="propose"]');
      await form.locator('select[name="grounds"]').selectOption('repentance');
      await form.locator('input[name="proposedReductionMonths"]').fill('9');
      await form.locator('#evidence-propose-points-record').fill(pointsRecord.hash);
      await form.locator('[data-testid="take-propose"]').click();
      await page.locator('[data-testid="case-page"][data-state="section_review"]').waitFor();
      assert.match((await page.locator('.history-entry').first().textContent()) ?? '', /officer-js07/);
    });

    // The prison's own stages, each by the person whose job it is (as in test/prison/commutation-http.test.ts).
    await act(await sessionOf(node, 'section-head-js07'), 'section_pass', { evidence: [await anchored(officer, 'meeting-minutes', 'D3 section heads 2026-09-01')] });
    const penalty = await sessionOf(node, 'penalty-js07');
    await act(penalty, 'penalty_pass');
    const committee = await Promise.all([1, 2, 3, 4, 5].map((n) => sessionOf(node, `committee-js07-${n}`)));
    const minutes = await anchored(committee[0]!, 'committee-minutes', 'JS-07 review committee 2026-09-01');
    for (const [i, member] of committee.entries()) {
      await member.ok('procedures', 'act', { caseId, action: { kind: 'approve', step: 'committee_pass', form: { membersPresent: 9 }, ...(i === 0 ? { evidence: [minutes] } : {}) } });
    }
    await advance(demo, officer, 8, 'after notice');
    const head = await sessionOf(node, 'head-js07');
    await act(head, 'head_approve', { evidence: [await anchored(head, 'review-form', 'P1 review form')] });
    await penalty.ok('prison', 'checkCase', { caseId });
    await act(penalty, 'file_with_court', { evidence: [await anchored(penalty, 'proposal-letter', 'P1 proposal to the court')] });

    await t.test('the prosecutor sees the case in the inbox and gives the opinion', async () => {
      const prosecutor = await sessionOf(node, 'prosecutor-1');
      const letter = await anchored(prosecutor, 'opinion-letter', 'P1 opinion');
      await demo.forgetSession();
      await demo.signIn('prosecutor-1');
      assert.ok((await page.locator('.nav a').allTextContents()).includes('待办'));
      await page.goto(`${url}/inbox`);
      const row = page.locator(`[data-testid="inbox"] [data-case="${caseId}"]`);
      await row.waitFor();
      await row.locator('a').click();
      await page.locator('[data-testid="case-page"][data-state="procuratorate_review"]').waitFor();
      assert.deepEqual(await page.locator('.step-action').evaluateAll((forms) => forms.map((f) => f.getAttribute('data-step'))), ['give_opinion'], 'only the procuratorate’s step');
      const form = page.locator('.step-action[data-step="give_opinion"]');
      await form.locator('select[name="opinion"]').selectOption('agree');
      await form.locator('#evidence-give_opinion-opinion-letter').fill(letter.hash);
      await form.locator('[data-testid="take-give_opinion"]').click();
      await page.locator('[data-testid="case-page"][data-state="court_notice"]').waitFor();
      assert.match((await page.locator('.history-entry').first().textContent()) ?? '', /prosecutor-1 · Procuratorate/);
    });

    // The court rules; the judge publishes the redacted ruling with a verification code.
    await advance(demo, officer, 6, 'after court notice');
    const judge = await sessionOf(node, 'judge-1');
    await act(judge, 'written_review');
    await act(judge, 'rule_grant', { form: { reductionMonths: 9, rulingDate: '2026-09-15', docket: '(2026)苏01刑更1123号' }, evidence: [await anchored(judge, 'ruling', 'ruling 9 months')] });
    await judge.ok('prison', 'recordCaseRuling', { caseId, servedDate: '2026-09-15' });
    const redacted = await anchored(judge, 'ruling', '(2026)苏01刑更1123号 罪犯P1 减刑九个月（已隐去个人信息）');
    const code = ((await judge.ok('prison', 'publishDisclosure', { caseId, kind: 'court-ruling', documentHash: redacted.hash })).value as { code: string }).code;

    await t.test('signed out, /verify checks the ruling by its code in the browser', async () => {
      await demo.forgetSession();
      await page.goto(`${url}/verify?code=${code}`);
      await page.locator('[data-testid="verify-result"]').waitFor();
      assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'ok');
      assert.ok(((await page.locator('[data-testid="verify-result"]').textContent()) ?? '').includes(redacted.hash), 'the proof is of the anchor of the published copy’s hash');
      assert.equal(await page.locator('[data-testid="member-menu"]').count(), 0, 'no one is signed in');
      await page.goto(`${url}/verify`);
      await page.locator('#verify-input').fill(code.toLowerCase());
      await page.locator('form.verify-form button[type="submit"]').click();
      await page.locator('[data-testid="verify-result"] [data-verdict="ok"]').first().waitFor();
    });
  } finally {
    await demo.close();
  }
});
