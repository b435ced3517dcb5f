import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { hexToBytes } from '../src/crypto/bytes.ts';
import type { TransactionProof } from '../src/ledger/proof.ts';
import { portableEd25519Suite, verifyConsistency, verifyTransactionProof } from '../src/sdk/index.ts';
import { startTestNode, type TestNode } from './support/test-node.ts';

describe('read API, proofs and events', () => {
  let t: TestNode;
  const txIds: string[] = [];
  before(async () => {
    t = await startTestNode();
    // Several blocks: submit in waves and wait for each.
    for (let wave = 0; wave < 4; wave++) {
      const responses = await Promise.all(Array.from({ length: 7 }, () => t.app.inject({ method: 'POST', url: '/v1/transactions?wait=true', payload: t.anchor() })));
      for (const response of responses) txIds.push((response.json() as { txId: string }).txId);
    }
  });
  after(async () => t.close());

  const get = async <T>(url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, `${url}: ${response.body}`);
    return response.json() as T;
  };
  const trust = () => ({ network: t.genesis.network, orderers: t.genesis.orderers, nodes: t.genesis.nodes });

  test('every transaction proof verifies with the portable (browser) crypto', async () => {
    for (const txId of txIds) {
      const proof = await get<TransactionProof>(`/v1/transactions/${txId}/proof`);
      const verdict = verifyTransactionProof(proof, trust(), portableEd25519Suite);
      assert.ok(verdict.ok, `${txId}: ${JSON.stringify(verdict.checks.filter((c) => !c.ok))}`);
      assert.ok(verdict.proves.length > 0);
    }
  });

  test('a tampered proof fails, and names the check that failed', async () => {
    const proof = await get<TransactionProof>(`/v1/transactions/${txIds[9]}/proof`);
    const flipHex = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
    const tampered: [string, TransactionProof, string][] = [
      ['title changed', { ...proof, tx: { ...proof.tx, args: { ...proof.tx.args, title: 'forged' } } }, 'transaction id'],
      ['seq changed', { ...proof, seq: proof.seq + 1 }, 'inclusion in the ledger log'],
      ['audit path changed', { ...proof, inclusion: proof.inclusion.map((h, i) => (i === 0 ? flipHex(h) : h)) }, 'inclusion in the ledger log'],
      ['log root changed', { ...proof, header: { ...proof.header, logRoot: flipHex(proof.header.logRoot) } }, 'block header signature'],
      ['result changed', { ...proof, result: { status: 'failed', code: 'X', message: 'x', events: [] } }, 'result in the checkpoint'],
      ['checkpoint changed', { ...proof, checkpoint: { ...proof.checkpoint, stateRoot: flipHex(proof.checkpoint.stateRoot) } }, 'checkpoint signature'],
      ['other network', { ...proof, network: 'elsewhere' }, 'network'],
    ];
    for (const [label, bad, failing] of tampered) {
      const verdict = verifyTransactionProof(bad, trust(), portableEd25519Suite);
      assert.equal(verdict.ok, false, label);
      assert.ok(verdict.checks.some((c) => c.name === failing && !c.ok), `${label}: expected "${failing}" to fail, got ${JSON.stringify(verdict.checks)}`);
      assert.deepEqual(verdict.proves, [], `${label}: claims nothing`);
    }
    const untrusted = verifyTransactionProof(proof, { ...trust(), orderers: [t.member.publicKey] }, portableEd25519Suite);
    assert.equal(untrusted.ok, false, 'a header from an untrusted orderer key is refused');
  });

  test('consistency proofs between block boundaries verify, and show the log only grew', async () => {
    const { blocks } = await get<{ blocks: { header: { logSize: number; logRoot: string } }[] }>('/v1/blocks?from=1&limit=100');
    assert.ok(blocks.length >= 2, 'several blocks');
    const sizes = blocks.map((b) => b.header);
    for (const older of sizes) {
      for (const newer of sizes) {
        if (older.logSize > newer.logSize) continue;
        const c = await get<{ proof: string[]; fromRoot: string; toRoot: string }>(`/v1/log/consistency?from=${older.logSize}&to=${newer.logSize}`);
        assert.equal(c.fromRoot, older.logRoot);
        assert.equal(c.toRoot, newer.logRoot);
        const ok = verifyConsistency(portableEd25519Suite.hash, older.logSize, newer.logSize, hexToBytes(older.logRoot)!, hexToBytes(newer.logRoot)!, c.proof.map((h) => hexToBytes(h)!));
        assert.ok(ok, `consistency ${older.logSize} → ${newer.logSize}`);
      }
    }
    const bad = await t.app.inject({ method: 'GET', url: '/v1/log/consistency?from=5&to=99999' });
    assert.equal(bad.statusCode, 400);
    assert.equal((bad.json() as { code: string }).code, 'MERKLE_BAD_RANGE');
  });

  test('blocks link by hash and the head is the last one', async () => {
    const { blocks } = await get<{ blocks: { header: { height: number; prevHash: string }; hash: string }[] }>('/v1/blocks?from=1&limit=100');
    for (let i = 1; i < blocks.length; i++) assert.equal(blocks[i]!.header.prevHash, blocks[i - 1]!.hash, `block ${blocks[i]!.header.height} links back`);
    const head = await get<{ height: number }>('/v1/log/head');
    assert.equal(head.height, blocks.at(-1)!.header.height);
    const one = await get<{ txIds: string[]; checkpoints: unknown[] }>(`/v1/blocks/${blocks[0]!.header.height}`);
    assert.ok(one.txIds.length > 0 && one.checkpoints.length === 1);
    const missing = await t.app.inject({ method: 'GET', url: '/v1/blocks/99999' });
    assert.equal((missing.json() as { code: string }).code, 'LEDGER_BLOCK_NOT_FOUND');
  });

  test('state: get by id and query by declared index', async () => {
    const tx = (await get<{ tx: { args: { hash: string; type: string } } }>(`/v1/transactions/${txIds[0]}`)).tx;
    const doc = await get<{ doc: { hash: string; signer: string } }>(`/v1/state/notary.anchors/${tx.args.hash}`);
    assert.equal(doc.doc.hash, tx.args.hash);
    const byType = await get<{ documents: unknown[] }>(`/v1/state/notary.anchors?index=byType&equals=${encodeURIComponent('["test.doc"]')}&limit=1000`);
    assert.equal(byType.documents.length, txIds.length);
    const bySigner = await get<{ documents: { doc: { height: number } }[] }>(
      `/v1/state/notary.anchors?index=bySigner&equals=${encodeURIComponent(JSON.stringify([doc.doc.signer]))}&range=${encodeURIComponent('{"gte":2}')}`,
    );
    assert.ok(bySigner.documents.every((d) => d.doc.height >= 2));
    const unknown = await t.app.inject({ method: 'GET', url: '/v1/state/notary.anchors?index=nope' });
    assert.equal((unknown.json() as { code: string }).code, 'LEDGER_COLLECTION_UNKNOWN');
    const badJson = await t.app.inject({ method: 'GET', url: '/v1/state/notary.anchors?index=byType&equals=[oops' });
    assert.equal((badJson.json() as { code: string }).code, 'LEDGER_QUERY_INVALID');
    const missing = await t.app.inject({ method: 'GET', url: '/v1/state/notary.anchors/none' });
    assert.equal(missing.statusCode, 404);
  });

  test('OpenAPI document, docs page, health, metrics and unknown routes', async () => {
    const spec = await get<{ openapi: string; paths: Record<string, unknown> }>('/openapi.json');
    assert.match(spec.openapi, /^3\./);
    for (const path of ['/v1/transactions', '/v1/transactions/{txId}/proof', '/v1/log/consistency', '/v1/state/{collection}']) assert.ok(spec.paths[path], `documents ${path}`);
    const docs = await t.app.inject({ method: 'GET', url: '/docs/' });
    assert.ok(docs.statusCode === 200 || docs.statusCode === 302, `docs page answers (${docs.statusCode})`);
    assert.deepEqual(await get('/healthz'), { status: 'ok', height: t.node.ledger.head().height });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    assert.match(metrics.body, /custos_transactions_committed_total\{status="ok"\} \d+/);
    assert.match(metrics.body, /custos_block_commit_seconds_bucket/);
    const nowhere = await t.app.inject({ method: 'GET', url: '/v1/nowhere' });
    assert.equal(nowhere.statusCode, 404);
    assert.equal((nowhere.json() as { code: string }).code, 'API_NOT_FOUND');
  });

  test('server-sent events deliver each committed block with its events', async () => {
    const url = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const received = await new Promise<string>((resolve, reject) => {
      const req = request(`${url}/v1/events`, (res) => {
        assert.equal(res.headers['content-type'], 'text/event-stream');
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('event: block')) {
            req.destroy();
            resolve(text);
          }
        });
      });
      req.on('error', (error) => (String(error).includes('socket hang up') ? undefined : reject(error)));
      req.end();
      setTimeout(() => void t.node.submit(t.anchor()), 100);
    });
    assert.match(received, /event: hello/);
    const data = JSON.parse(received.split('event: block')[1]!.split('data: ')[1]!.split('\n')[0]!) as { events: { type: string }[]; txCount: number };
    assert.ok(data.txCount >= 1);
    assert.equal(data.events[0]?.type, 'notary.anchored');
  });
});
