import type { JsonObject, JsonValue } from '../../crypto/canonical-json.ts';
import { custosError } from '../../errors/custos-error.ts';
import { signTransaction } from '../../ledger/transaction.ts';
import type { EnrolledMember } from '../enroll-member.ts';
import type { CustosNode } from '../node.ts';

export interface DemoCall {
  by: string;
  contract: string;
  fn: string;
  args: JsonObject;
}

/** What a demo transaction did: its id and value, or the code it failed with. */
export type DemoOutcome = { ok: true; txId: string; value: JsonValue } | { ok: false; txId: string; code: string; message: string };

/**
 * Signs with demo members' keys and submits, waiting for the commit. `must`
 * throws on a failed transaction (seeding stops with the reason); `tryCall`
 * reports it.
 */
export function createDemoSubmitter(node: CustosNode, members: ReadonlyMap<string, EnrolledMember>) {
  let nonce = 0;
  async function tryCall(call: DemoCall): Promise<DemoOutcome> {
    const key = members.get(call.by)?.signingKey;
    if (key === undefined) throw custosError('RUNTIME_NOT_FOUND', `no demo member ${call.by}`);
    nonce += 1;
    const tx = signTransaction({ v: 1, network: node.genesis.network, contract: call.contract, fn: call.fn, args: call.args, signer: key.publicKey, nonce: `demo-seed-${nonce}-${node.now()}`, ts: node.now() }, key);
    const outcome = await node.submit(tx, { wait: true });
    const result = outcome.result as unknown as { status: string; value?: JsonValue; code?: string; message?: string } | undefined;
    if (result?.status === 'ok') return { ok: true, txId: outcome.txId, value: result.value ?? null };
    return { ok: false, txId: outcome.txId, code: result?.code ?? 'UNKNOWN', message: result?.message ?? '' };
  }
  async function must(call: DemoCall): Promise<JsonValue> {
    const outcome = await tryCall(call);
    if (!outcome.ok) throw custosError('RUNTIME_BAD_ARGS', `demo seeding: ${call.by} ${call.contract}.${call.fn} failed: ${outcome.code} ${outcome.message}`);
    return outcome.value;
  }
  return { tryCall, must };
}

export type DemoSubmitter = ReturnType<typeof createDemoSubmitter>;
