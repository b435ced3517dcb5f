import { CustosApiError } from '@sdk';
import { requestJson } from './http.ts';

/** A contract call a member makes from the console. */
export interface MemberCall {
  contract: string;
  fn: string;
  args: Record<string, unknown>;
}

export interface CommittedCall {
  txId: string;
  height: number;
  value: unknown;
}

/**
 * Who signs the member's actions: the node, with the member's own key while
 * they are signed in (`nodeHeldSigner`), or this browser, with a
 * non-extractable WebCrypto Ed25519 key the member's organization CA has
 * certified (`browserKeySigner`, browser-key.ts): it builds the transaction
 * with the SDK, signs it here and POSTs /v1/transactions, the node only
 * relaying. Pages call `useSigner().submit` (signing-store.ts) and never
 * care which one it is.
 */
export interface ActionSigner {
  kind: 'node' | 'browser';
  submit(call: MemberCall): Promise<CommittedCall>;
}

/** What POST /v1/transactions and /v1/me/transactions answer. */
export interface SubmitOutcome {
  txId: string;
  status: string;
  height?: number;
  result?: { status: 'ok' | 'failed'; code?: string; message?: string; value?: unknown };
}

/** A committed transaction whose contract refused it, as an API error with the contract's code and the txId. */
export function failedCall(outcome: SubmitOutcome): CustosApiError {
  return new CustosApiError(409, { code: outcome.result?.code ?? 'RUNTIME_FAILED', detail: outcome.result?.message ?? 'the transaction failed', txId: outcome.txId });
}

export const nodeHeldSigner: ActionSigner = {
  kind: 'node',
  async submit(call) {
    const outcome = await requestJson<SubmitOutcome>('/v1/me/transactions?wait=true', { method: 'POST', body: call, member: true });
    if (outcome.result?.status !== 'ok') throw failedCall(outcome);
    return { txId: outcome.txId, height: outcome.height ?? 0, value: outcome.result.value };
  },
};
