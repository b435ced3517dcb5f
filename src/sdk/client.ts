import type { TransactionProof } from '../ledger/proof.ts';
import type { SignedTransaction } from '../ledger/transaction.ts';
import type { TransactionResult } from '../ledger/result.ts';
import type { Genesis } from '../ledger/genesis.ts';
import type { BlockHeader } from '../ledger/block-header.ts';
import type { Checkpoint } from '../ledger/checkpoint.ts';

/** An error answered by a node, with its stable code from the problem+json body. */
export class CustosApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Record<string, unknown>;
  constructor(status: number, problem: Record<string, unknown>) {
    super(typeof problem['detail'] === 'string' ? problem['detail'] : `HTTP ${status}`);
    this.name = 'CustosApiError';
    this.status = status;
    this.code = typeof problem['code'] === 'string' ? problem['code'] : 'API_INTERNAL';
    this.problem = problem;
  }
}

export interface ClientOptions {
  /** Base URL of a node, e.g. http://127.0.0.1:8080 */
  url: string;
  fetch?: typeof fetch;
}

export interface SubmitResponse {
  txId: string;
  status: 'pending' | 'committed';
  height?: number;
  seq?: number;
  result?: TransactionResult;
}

/**
 * A thin HTTP client for a Custos node. It carries data; it does not vouch
 * for it — check what matters with `verifyTransactionProof`.
 */
export function createCustosClient(options: ClientOptions) {
  const doFetch = options.fetch ?? globalThis.fetch;
  const base = options.url.replace(/\/+$/, '');

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method, headers: body === undefined ? {} : { 'content-type': 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await doFetch(`${base}${path}`, init);
    const text = await response.text();
    const parsed = text.length > 0 ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) throw new CustosApiError(response.status, (parsed ?? {}) as Record<string, unknown>);
    return parsed as T;
  }

  return {
    submit: (tx: SignedTransaction, opts: { wait?: boolean; timeoutMs?: number } = {}) =>
      request<SubmitResponse>('POST', `/v1/transactions?wait=${opts.wait === true}${opts.timeoutMs === undefined ? '' : `&timeoutMs=${opts.timeoutMs}`}`, tx),
    getTransaction: (txId: string) => request<{ txId: string; seq: number; height: number; tx: SignedTransaction; result: TransactionResult }>('GET', `/v1/transactions/${txId}`),
    getProof: (txId: string) => request<TransactionProof>('GET', `/v1/transactions/${txId}/proof`),
    getNetwork: () => request<{ genesis: Genesis; genesisHash: string; nodeKey: string }>('GET', '/v1/network'),
    getHead: () => request<{ height: number; logSize: number; logRoot: string; header: BlockHeader | null; checkpoints: Checkpoint[] }>('GET', '/v1/log/head'),
    getConsistency: (from: number, to: number) => request<{ from: number; to: number; fromRoot: string; toRoot: string; proof: string[] }>('GET', `/v1/log/consistency?from=${from}&to=${to}`),
    getDocument: (collection: string, id: string) => request<{ collection: string; id: string; doc: Record<string, unknown>; version: number; height: number }>('GET', `/v1/state/${encodeURIComponent(collection)}/${encodeURIComponent(id)}`),
  };
}

export type CustosClient = ReturnType<typeof createCustosClient>;
