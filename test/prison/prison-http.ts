import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { DemoTestNode } from '../support/demo-node.ts';

/** One demo person's session over the HTTP API: signed in as themselves, transactions signed by the node with their key. */
export interface Session {
  memberId: string;
  call(contract: string, fn: string, args: Record<string, unknown>): Promise<{ status: number; txId: string; ok: boolean; code: string | undefined; message: string | undefined; value: unknown }>;
  ok(contract: string, fn: string, args: Record<string, unknown>): Promise<{ txId: string; value: unknown }>;
  fails(contract: string, fn: string, args: Record<string, unknown>, code: string): Promise<string>;
}

export async function sessionOf(t: DemoTestNode, memberId: string): Promise<Session> {
  let token = await t.tokenOf(memberId);
  const post = (contract: string, fn: string, args: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url: '/v1/me/transactions', headers: { authorization: `Bearer ${token}` }, payload: { contract, fn, args } });
  const call: Session['call'] = async (contract, fn, args) => {
    let response = await post(contract, fn, args);
    if (response.statusCode === 401) {
      // The test moved the clock past the session's expiry: sign in again.
      token = await t.tokenOf(memberId);
      response = await post(contract, fn, args);
    }
    const body = response.json() as { txId: string; code?: string; detail?: string; result?: { status: string; code?: string; message?: string; value?: unknown } };
    // Refused before ordering (policy, admission): a problem+json answer, nothing submitted.
    if (response.statusCode >= 400) return { status: response.statusCode, txId: '', ok: false, code: body.code, message: body.detail, value: undefined };
    return { status: response.statusCode, txId: body.txId, ok: body.result?.status === 'ok', code: body.result?.code, message: body.result?.message, value: body.result?.value };
  };
  return {
    memberId,
    call,
    async ok(contract, fn, args) {
      const outcome = await call(contract, fn, args);
      assert.equal(outcome.ok, true, `${memberId} ${contract}.${fn}: ${outcome.code ?? outcome.status} ${outcome.message ?? ''}`);
      return { txId: outcome.txId, value: outcome.value };
    },
    async fails(contract, fn, args, code) {
      const outcome = await call(contract, fn, args);
      assert.equal(outcome.code, code, `${memberId} ${contract}.${fn} should fail with ${code}: ${outcome.message ?? 'it succeeded'}`);
      return outcome.message ?? '';
    },
  };
}

/** Anchors a (stand-in) document with the notary and returns its evidence reference. */
export async function anchored(session: Session, type: string, text: string): Promise<{ type: string; hash: string }> {
  const hash = createHash('sha256').update(`${type}: ${text}`).digest('hex');
  await session.ok('notary', 'anchor', { hash, title: text.slice(0, 190), type: 'prison.evidence' });
  return { type, hash };
}

export async function getJson<T>(t: DemoTestNode, url: string): Promise<T> {
  const response = await t.app.inject({ method: 'GET', url });
  assert.equal(response.statusCode, 200, `GET ${url}: ${response.body}`);
  return response.json() as T;
}

/** 10:00 China Standard Time on a day. */
export const chinaMorning = (date: string): number => Date.parse(`${date}T02:00:00Z`);
export const day = 24 * 60 * 60 * 1000;
