import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromiumMissing } from './support/chromium.ts';
import { openConsole } from './support/open-console.ts';

const skip = chromiumMissing() ?? false;

test('explorer: a block submitted by the test appears live, and its transaction page passes every proof check in the browser', { skip, timeout: 90_000 }, async (t) => {
  const { node, page, close } = await openConsole();
  try {
    await page.goto(`${node.url}/`);
    await page.locator('[data-connection="live"]').waitFor();
    assert.equal(await page.locator('h1').textContent(), '区块浏览');
    await page.getByText('还没有区块。').waitFor();
    // From here on, the explorer must learn of the block from the event stream, not by polling.
    const polls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/v1/blocks')) polls.push(request.url());
    });

    const anchored = await node.anchor('（2026）苏01刑更1123号 刑事裁定书');

    await t.test('the new block and its transaction show up without a reload (SSE)', async () => {
      const row = page.locator(`[data-testid="latest-blocks"] li[data-height="${anchored.height}"]`);
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', new RegExp(`区块 ${anchored.height}.*1 笔交易`));
      const txRow = page.locator(`[data-testid="latest-transactions"] li[data-tx="${anchored.txId}"]`);
      await txRow.waitFor();
      assert.match((await txRow.textContent()) ?? '', /成功/);
      assert.match((await page.locator('.header-meta').textContent()) ?? '', new RegExp(`当前高度 ${anchored.height}`));
      assert.deepEqual(polls, [], 'the block came over server-sent events');
    });

    await t.test('the block page lists the transaction and checks the orderer signature', async () => {
      await page.locator(`[data-testid="latest-blocks"] li[data-height="${anchored.height}"] a`).click();
      await page.waitForURL(`${node.url}/blocks/${anchored.height}`);
      assert.equal(await page.locator('h1').textContent(), `区块 ${anchored.height}`);
      await page.locator('[data-testid="block-transactions"]').waitFor();
      assert.deepEqual(await page.locator('[data-testid="block-transactions"] a').allTextContents(), [anchored.txId]);
      assert.equal(await page.locator('[data-testid="header-signature"]').textContent(), '✓ 通过');
      assert.match((await page.locator('.fields').first().textContent()) ?? '', /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    });

    await t.test('the transaction page shows the result, the document and every proof check passing', async () => {
      await page.locator(`[data-testid="block-transactions"] a`).first().click();
      await page.waitForURL(`${node.url}/tx/${anchored.txId}`);
      await page.locator('.proof-panel [data-verdict]').waitFor();
      assert.equal(await page.locator('.proof-panel [data-verdict]').getAttribute('data-verdict'), 'ok');
      assert.equal(await page.locator('[data-testid="signer-certificate"]').getAttribute('data-member'), 'none', 'an open network: the key is no enrolled member');
      const checks = page.locator('.proof-panel [data-check]');
      const names = await checks.evaluateAll((items) => items.map((item) => `${item.getAttribute('data-check')}=${item.getAttribute('data-ok')}`));
      assert.deepEqual(names, [
        'network=true',
        'transaction id=true',
        'transaction signature=true',
        'block header signature=true',
        'inclusion in the ledger log=true',
        'checkpoint signature=true',
        'result in the checkpoint=true',
      ]);
      const panel = (await page.locator('.proof-panel').textContent()) ?? '';
      for (const name of ['交易签名', '区块头签名', '已包含在账本日志中', '检查点签名']) assert.ok(panel.includes(name), `proof panel names the check ${name}`);
      assert.equal(await page.locator('[data-finality]').textContent(), '已最终确认', 'GET /v1/transactions/:txId says final (a solo node’s committed block is final)');
      assert.equal(await page.locator('[data-finality]').getAttribute('data-finality'), 'final');
      const body = (await page.locator('main').textContent()) ?? '';
      assert.ok(body.includes('（2026）苏01刑更1123号 刑事裁定书'), 'the anchored document title is shown');
      assert.ok(body.includes(anchored.documentHash), 'the document hash is shown');
      assert.ok(body.includes('notary.anchored'), 'the event is shown');
      const qr = await page.locator('img.qr').getAttribute('data-qr-text');
      assert.equal(qr, `${node.url}/verify?tx=${anchored.txId}`);
    });

    await t.test('search finds a transaction by document hash and a block by height, and says when nothing matches', async () => {
      await page.goto(`${node.url}/`);
      await page.locator('#search-input').fill(anchored.documentHash);
      await page.locator('form.search button[type="submit"]').click();
      await page.waitForURL(`${node.url}/tx/${anchored.txId}`);
      await page.goto(`${node.url}/`);
      await page.locator('#search-input').fill(String(anchored.height));
      await page.locator('form.search button[type="submit"]').click();
      await page.waitForURL(`${node.url}/blocks/${anchored.height}`);
      await page.goto(`${node.url}/`);
      await page.locator('#search-input').fill('f'.repeat(64));
      await page.locator('form.search button[type="submit"]').click();
      assert.match((await page.locator('form.search [role="alert"]').textContent()) ?? '', /没有找到与“f{64}”对应的交易、文件或区块/);
    });

    await t.test('a missing transaction shows the node’s problem detail and code', async () => {
      await page.goto(`${node.url}/tx/${'ab'.repeat(32)}`);
      const alert = page.locator('.notice-error');
      await alert.waitFor();
      const text = (await alert.textContent()) ?? '';
      assert.match(text, /没有找到该交易/);
      assert.match(text, /no transaction (ab){32}/);
      assert.match(text, /错误代码：LEDGER_TX_NOT_FOUND/);
    });
  } finally {
    await close();
  }
});
