import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestNode, type TestNode } from './support/test-node.ts';

const seed = Number(process.env['FC_SEED'] ?? Date.now() % 2 ** 31);

describe('POST /v1/transactions', () => {
  let t: TestNode;
  before(async () => {
    t = await startTestNode();
  });
  after(async () => t.close());

  async function post(body: unknown, options: { raw?: string; contentType?: string; query?: string } = {}) {
    return t.app.inject({
      method: 'POST',
      url: `/v1/transactions${options.query ?? '?wait=true'}`,
      headers: { 'content-type': options.contentType ?? 'application/json' },
      payload: options.raw ?? JSON.stringify(body),
    });
  }

  function expectProblem(response: Awaited<ReturnType<typeof post>>, status: number, code: string) {
    assert.equal(response.statusCode, status, `status for ${code}: ${response.body}`);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const problem = response.json() as { code: string; status: number; title: string; detail: string };
    assert.equal(problem.code, code);
    assert.equal(problem.status, status);
    assert.ok(problem.detail.length > 0, 'problem has a detail');
  }

  test('a valid notarization commits, with wait=true answering after the block', async () => {
    const response = await post(t.anchor());
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as { status: string; height: number; result: { status: string } };
    assert.equal(body.status, 'committed');
    assert.equal(body.result.status, 'ok');
    assert.ok(body.height >= 1);
  });

  test('without wait the answer is 202 pending, and the transaction commits later', async () => {
    const tx = t.anchor();
    const response = await post(tx, { query: '' });
    assert.equal(response.statusCode, 202);
    const { txId } = response.json() as { txId: string };
    // Generous on purpose: a loaded machine may take seconds to cut the block.
    for (let i = 0; i < 600; i++) {
      const got = await t.app.inject({ method: 'GET', url: `/v1/transactions/${txId}` });
      if (got.statusCode === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.fail('pending transaction never committed');
  });

  test('bad JSON → 400 API_BAD_REQUEST', async () => expectProblem(await post(undefined, { raw: '{"v":1,' }), 400, 'API_BAD_REQUEST'));
  test('non-JSON media type → 415 API_UNSUPPORTED_MEDIA_TYPE', async () => expectProblem(await post(undefined, { raw: 'hello', contentType: 'text/plain' }), 415, 'API_UNSUPPORTED_MEDIA_TYPE'));
  test('oversized body → 413 API_BODY_TOO_LARGE', async () => expectProblem(await post(undefined, { raw: JSON.stringify({ pad: 'x'.repeat(300_000) }) }), 413, 'API_BODY_TOO_LARGE'));
  test('oversized transaction → 413 LEDGER_TX_TOO_LARGE', async () => {
    const tx = t.anchor({ args: { hash: '0'.repeat(64), title: 'x'.repeat(100_000), type: 'test.doc' } });
    expectProblem(await post(tx), 413, 'LEDGER_TX_TOO_LARGE');
  });
  test('wrong types → 400 LEDGER_TX_MALFORMED', async () => {
    expectProblem(await post({ ...t.anchor(), ts: 'yesterday' }), 400, 'LEDGER_TX_MALFORMED');
    expectProblem(await post({ ...t.anchor(), args: [] }), 400, 'LEDGER_TX_MALFORMED');
    expectProblem(await post({ ...t.anchor(), extra: 1 }), 400, 'LEDGER_TX_MALFORMED');
    expectProblem(await post([1, 2, 3]), 400, 'LEDGER_TX_MALFORMED');
  });
  test('a float in args → 400 LEDGER_TX_MALFORMED (integers only)', async () => {
    const tx = t.anchor({ args: { hash: '1'.repeat(64), title: 'x', type: 'test.doc', amount: 1.5 } });
    expectProblem(await post(tx), 400, 'LEDGER_TX_MALFORMED');
  });
  test('unknown version → 400 LEDGER_TX_BAD_VERSION', async () => expectProblem(await post({ ...t.anchor(), v: 2 }), 400, 'LEDGER_TX_BAD_VERSION'));
  test('bad signature → 401 LEDGER_TX_BAD_SIGNATURE', async () => {
    const tx = t.anchor();
    expectProblem(await post({ ...tx, nonce: tx.nonce + 'x' }), 401, 'LEDGER_TX_BAD_SIGNATURE');
  });
  test('signer that is not a key → 400 LEDGER_TX_BAD_SIGNER', async () => expectProblem(await post({ ...t.anchor(), signer: 'ed25519:abc' }), 400, 'LEDGER_TX_BAD_SIGNER'));
  test('wrong network → 400 LEDGER_TX_WRONG_NETWORK', async () => expectProblem(await post(t.anchor({ network: 'other-net' })), 400, 'LEDGER_TX_WRONG_NETWORK'));
  test('replayed transaction (same nonce) → 409 LEDGER_TX_DUPLICATE', async () => {
    const tx = t.anchor();
    assert.equal((await post(tx)).statusCode, 200);
    expectProblem(await post(tx), 409, 'LEDGER_TX_DUPLICATE');
  });
  test('timestamp outside the window → 400 LEDGER_TX_TS_OUT_OF_WINDOW', async () => {
    expectProblem(await post(t.anchor({ ts: Date.now() - 60 * 60_000 })), 400, 'LEDGER_TX_TS_OUT_OF_WINDOW');
    expectProblem(await post(t.anchor({ ts: Date.now() + 10 * 60_000 })), 400, 'LEDGER_TX_TS_OUT_OF_WINDOW');
  });
  test('unknown contract → 404 LEDGER_TX_UNKNOWN_CONTRACT; unknown function → 404 LEDGER_TX_UNKNOWN_FUNCTION', async () => {
    expectProblem(await post(t.anchor({ contract: 'nothing' })), 404, 'LEDGER_TX_UNKNOWN_CONTRACT');
    expectProblem(await post(t.anchor({ fn: 'erase' })), 404, 'LEDGER_TX_UNKNOWN_FUNCTION');
  });
  test('bad args are a failed transaction kept in the ledger, writing nothing', async () => {
    const tx = t.anchor({ args: { hash: 'not-hex', title: 'x', type: 'test.doc' } });
    const response = await post(tx);
    assert.equal(response.statusCode, 200);
    const body = response.json() as { txId: string; result: { status: string; code: string } };
    assert.equal(body.result.status, 'failed');
    assert.equal(body.result.code, 'RUNTIME_BAD_ARGS');
    const stored = await t.app.inject({ method: 'GET', url: `/v1/transactions/${body.txId}` });
    assert.equal(stored.statusCode, 200);
  });
  test('anchoring the same hash twice: second fails with NOTARY_ALREADY_ANCHORED and changes nothing', async () => {
    const first = t.anchor();
    const second = t.anchor({ args: first.args });
    assert.equal(((await post(first)).json() as { result: { status: string } }).result.status, 'ok');
    const response = (await post(second)).json() as { result: { status: string; code: string } };
    assert.equal(response.result.code, 'NOTARY_ALREADY_ANCHORED');
    const doc = await t.app.inject({ method: 'GET', url: `/v1/state/notary.anchors/${String(first.args['hash'])}` });
    assert.equal((doc.json() as { version: number }).version, 1);
  });

  test('property: any body gets 2xx or a 4xx problem, never a 5xx', async () => {
    const valid = t.anchor();
    const mutated = fc.record({
      field: fc.constantFrom(...Object.keys(valid)),
      value: fc.oneof(fc.jsonValue(), fc.string(), fc.integer(), fc.constant(undefined)),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value)), mutated.map(({ field, value }) => JSON.stringify({ ...valid, [field]: value })), fc.string()), async (raw) => {
        const response = await post(undefined, { raw, query: '?wait=true&timeoutMs=5000' });
        assert.ok(response.statusCode < 500, `status ${response.statusCode} for ${raw.slice(0, 200)}: ${response.body}`);
        if (response.statusCode >= 400) assert.match(String(response.headers['content-type']), /problem\+json/);
      }),
      { seed, numRuns: 300, verbose: true },
    );
  });
});
