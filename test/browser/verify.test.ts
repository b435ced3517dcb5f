import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { ed25519Suite } from '../../src/crypto/ed25519-suite.ts';
import { genesisHash } from '../../src/ledger/genesis.ts';
import { chromiumMissing } from './support/chromium.ts';
import { openConsole } from './support/open-console.ts';

const skip = chromiumMissing() ?? false;

const checkStates = (page: Page) =>
  page.locator('[data-testid="verify-result"] [data-check]').evaluateAll((items) => Object.fromEntries(items.map((item) => [item.getAttribute('data-check'), item.getAttribute('data-ok') === 'true'])));

async function verifyText(page: Page, text: string) {
  await page.locator('#verify-input').fill(text);
  await page.locator('form.verify-form button[type="submit"]').click();
  await page.locator('[data-testid="verify-result"]').waitFor();
}

test('/verify, signed out: real proofs verify in the browser; tampered ones are rejected naming the failed check', { skip, timeout: 120_000 }, async (t) => {
  const { node, page, close } = await openConsole();
  const scratch = mkdtempSync(join(tmpdir(), 'custos-qr-'));
  try {
    const ruling = await node.anchor('（2026）苏01刑更1123号 刑事裁定书');
    const proof = await node.proof(ruling.txId);
    const expectedGenesisHash = genesisHash(ed25519Suite, node.genesis);

    await page.goto(`${node.url}/verify`);
    await t.test('the page is public: no sign-in needed, the visitor is offered sign-in, not asked for it', async () => {
      assert.equal(await page.locator('h1').textContent(), '公开验证');
      await page.locator('[data-testid="sign-in-link"]').waitFor();
      assert.equal(await page.locator('[data-testid="member-menu"]').count(), 0, 'nobody is signed in');
    });

    await t.test('a pasted proof JSON verifies, with every check passing and what it proves', async () => {
      await verifyText(page, JSON.stringify(proof, null, 2));
      assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'ok');
      assert.equal(await page.locator('.verdict strong').textContent(), '验证通过：这条记录真实存在于账本中');
      assert.deepEqual(Object.values(await checkStates(page)), [true, true, true, true, true, true, true]);
      const proves = await page.locator('.statement-proves li').allTextContents();
      assert.equal(proves.length, 3);
      assert.ok(proves[1]?.includes(`位于区块 ${ruling.height}`), `proves names the block: ${proves[1]}`);
      assert.ok(proves[0]?.includes('notary.anchor'), 'proves names the call');
      assert.equal((await page.locator('.statement-not li').allTextContents()).length, 3);
      assert.ok(((await page.locator('[data-testid="verify-result"]').textContent()) ?? '').includes('来源：粘贴的证明'));
      assert.ok(((await page.locator('[data-testid="verify-genesis-hash"]').textContent()) ?? '').includes(expectedGenesisHash), 'the genesis hash computed in the browser is shown');
    });

    await t.test('comparing with the published genesis hash says whether it matches', async () => {
      await page.locator('#published-genesis').fill(expectedGenesisHash);
      assert.equal(await page.locator('#published-genesis + [role="status"]').textContent(), '一致 ✓');
      await page.locator('#published-genesis').fill('0'.repeat(64));
      assert.match((await page.locator('#published-genesis + [role="status"]').textContent()) ?? '', /不一致/);
    });

    await t.test('a txId fetches the proof from the node and verifies it here', async () => {
      await page.goto(`${node.url}/verify`);
      await verifyText(page, ruling.txId);
      assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'ok');
      assert.ok(((await page.locator('[data-testid="verify-result"]').textContent()) ?? '').includes(`来源：从节点获取的证明（交易 ${ruling.txId}）`));
    });

    await t.test('a document hash finds the anchoring transaction and verifies it', async () => {
      await page.goto(`${node.url}/verify`);
      await verifyText(page, ruling.documentHash);
      assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'ok');
      assert.ok(((await page.locator('[data-testid="verify-result"]').textContent()) ?? '').includes('（2026）苏01刑更1123号 刑事裁定书'));
    });

    await t.test('the verification code (QR) read from a picture verifies the record', async () => {
      const picture = join(scratch, 'code.png');
      await QRCode.toFile(picture, `${node.url}/verify?tx=${ruling.txId}`, { width: 300, margin: 2 });
      await page.goto(`${node.url}/verify`);
      await page.locator('[data-testid="qr-image-input"]').setInputFiles(picture);
      await page.locator('[data-testid="verify-result"]').waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('#verify-input').inputValue(), `${node.url}/verify?tx=${ruling.txId}`);
      assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'ok');
    });

    await t.test('opening the verification code’s address verifies at once', async () => {
      await page.goto(`${node.url}/verify?tx=${ruling.txId}`);
      await page.locator('[data-testid="verify-result"]').waitFor();
      assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'ok');
    });

    await t.test('a proof whose document title was changed is rejected: the transaction signature check fails', async () => {
      const tampered = structuredClone(proof);
      tampered.tx.args = { ...tampered.tx.args, title: '（2026）苏01刑更1123号 刑事裁定书（假）' };
      await page.goto(`${node.url}/verify`);
      await verifyText(page, JSON.stringify(tampered));
      assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'failed');
      assert.equal(await page.locator('.verdict strong').textContent(), '验证失败：这份证明不可信');
      assert.equal(await page.locator('.verdict p').textContent(), '未通过的检查：交易编号、交易签名');
      const states = await checkStates(page);
      assert.equal(states['transaction signature'], false);
      assert.equal(states['transaction id'], false);
      assert.equal(states['inclusion in the ledger log'], true);
      assert.match((await page.locator('[data-check="transaction signature"]').textContent()) ?? '', /签名者没有签署这笔交易/);
      assert.equal(await page.locator('.statement-proves').count(), 0, 'a rejected proof proves nothing');
    });

    await t.test('a proof whose result was changed is rejected: the result is not the one the node signed', async () => {
      const tampered = structuredClone(proof);
      tampered.result = { status: 'failed', code: 'RUNTIME_REJECTED', message: 'rejected', events: [] };
      await page.goto(`${node.url}/verify`);
      await verifyText(page, JSON.stringify(tampered));
      assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'failed');
      assert.equal(await page.locator('.verdict p').textContent(), '未通过的检查：执行结果已被节点签署');
      assert.match((await page.locator('[data-check="result in the checkpoint"]').textContent()) ?? '', /执行结果与节点签署的不一致/);
    });

    await t.test('input that is neither a proof nor an id is explained', async () => {
      await page.goto(`${node.url}/verify`);
      await page.locator('#verify-input').fill('{"v":1,');
      await page.locator('form.verify-form button[type="submit"]').click();
      assert.match((await page.locator('[role="alert"]').first().textContent()) ?? '', /无法读取证明：不是有效的 JSON/);
      await page.locator('#verify-input').fill('9'.repeat(64));
      await page.locator('form.verify-form button[type="submit"]').click();
      await page.getByText('没有找到与此编号对应的交易或存证文件。').waitFor();
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    await close();
  }
});

test('/verify on a phone: the verdict fits the screen without sideways scrolling', { skip, timeout: 60_000 }, async () => {
  const { node, page, close } = await openConsole({ viewport: { width: 390, height: 844 } });
  try {
    const record = await node.anchor('JS-07 监狱 2026-10 批次减刑建议公示');
    await page.goto(`${node.url}/verify?tx=${record.txId}`);
    await page.locator('[data-testid="verify-result"]').waitFor();
    assert.equal(await page.locator('[data-testid="verify-result"] [data-verdict]').getAttribute('data-verdict'), 'ok');
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }));
    assert.ok(widths.page <= widths.screen, `page is ${widths.page}px wide on a ${widths.screen}px screen`);
  } finally {
    await close();
  }
});
