import { createCustosClient, CustosApiError, type TransactionProof } from '@sdk';
import type { BlockHeader } from '@custos/ledger/block-header.ts';
import type { Checkpoint } from '@custos/ledger/checkpoint.ts';
import type { Genesis } from '@custos/ledger/genesis.ts';

export type { BlockHeader, Checkpoint, Genesis, TransactionProof };

export interface BlockSummary {
  header: BlockHeader;
  hash: string;
  txCount: number;
}

export interface BlockDetail {
  header: BlockHeader;
  hash: string;
  txIds: string[];
  checkpoints: Checkpoint[];
}

export interface NotaryAnchor {
  hash: string;
  title: string;
  type: string;
  signer: string;
  txId: string;
  height: number;
  time: number;
}

/** The node that served this page: the console talks to its own origin. */
const origin = window.location.origin;
const client = createCustosClient({ url: origin });

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${origin}${path}`, { headers: { accept: 'application/json' } });
  const text = await response.text();
  let body: unknown;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) throw new CustosApiError(response.status, (body ?? {}) as Record<string, unknown>);
  return body as T;
}

export const nodeApi = {
  origin,
  network: client.getNetwork,
  transaction: client.getTransaction,
  proof: client.getProof,
  head: client.getHead,
  latestBlocks: (limit: number) => getJson<{ blocks: BlockSummary[] }>(`/v1/blocks?limit=${limit}`).then((r) => r.blocks),
  block: (height: number) => getJson<BlockDetail>(`/v1/blocks/${height}`),
  notaryAnchor: (documentHash: string) =>
    getJson<{ doc: NotaryAnchor }>(`/v1/state/notary.anchors/${encodeURIComponent(documentHash)}`).then((r) => r.doc),
};

export type TransactionRecord = Awaited<ReturnType<typeof nodeApi.transaction>>;
export type NetworkInfo = Awaited<ReturnType<typeof nodeApi.network>>;

export function isNotFound(error: unknown): boolean {
  return error instanceof CustosApiError && error.status === 404;
}
