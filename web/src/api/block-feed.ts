import { useSyncExternalStore } from 'react';
import { nodeApi } from './node-api.ts';

/** One block as the explorer lists it, from GET /v1/blocks or a live `block` event. */
export interface FeedBlock {
  height: number;
  hash: string;
  time: number;
  txCount: number;
}

export interface FeedTransaction {
  txId: string;
  height: number;
  time: number;
  status?: 'ok' | 'failed';
  code?: string;
}

export interface BlockFeedState {
  connection: 'connecting' | 'live' | 'reconnecting';
  blocks: FeedBlock[];
  transactions: FeedTransaction[];
  error: unknown;
}

/** The `block` event of GET /v1/events (src/api/routes/events.ts). */
interface BlockEvent {
  height: number;
  hash: string;
  time: number;
  txCount: number;
  transactions: { txId: string; status: 'ok' | 'failed'; code?: string }[];
}

const keep = 20;
let state: BlockFeedState = { connection: 'connecting', blocks: [], transactions: [], error: null };
const listeners = new Set<() => void>();
let source: EventSource | null = null;

function update(next: Partial<BlockFeedState>) {
  state = { ...state, ...next };
  listeners.forEach((listener) => listener());
}

function addBlock(event: BlockEvent) {
  if (state.blocks.some((b) => b.height === event.height)) return;
  const block: FeedBlock = { height: event.height, hash: event.hash, time: event.time, txCount: event.txCount };
  const txs: FeedTransaction[] = event.transactions.map((t) => ({ txId: t.txId, height: event.height, time: event.time, status: t.status, ...(t.code === undefined ? {} : { code: t.code }) }));
  update({
    blocks: [block, ...state.blocks].sort((a, b) => b.height - a.height).slice(0, keep),
    transactions: [...txs.reverse(), ...state.transactions].slice(0, keep),
  });
}

async function loadRecent() {
  try {
    const blocks = await nodeApi.latestBlocks(keep);
    const recent = blocks.map((b) => ({ height: b.header.height, hash: b.hash, time: b.header.time, txCount: b.txCount }));
    // Transactions of the newest few blocks, so the list is not empty before the next block.
    const withTxs = recent.filter((b) => b.txCount > 0).slice(-3);
    const details = await Promise.all(withTxs.map((b) => nodeApi.block(b.height)));
    const txs = details.flatMap((d) => d.txIds.map((txId) => ({ txId, height: d.header.height, time: d.header.time }))).reverse();
    const known = new Set(state.blocks.map((b) => b.height));
    update({
      blocks: [...state.blocks, ...recent.filter((b) => !known.has(b.height))].sort((a, b) => b.height - a.height).slice(0, keep),
      transactions: [...state.transactions, ...txs.filter((t) => !state.transactions.some((s) => s.txId === t.txId))].slice(0, keep),
      error: null,
    });
  } catch (error) {
    update({ error });
  }
}

function connect() {
  if (source !== null) return;
  source = new EventSource('/v1/events');
  source.addEventListener('hello', () => {
    update({ connection: 'live' });
    void loadRecent(); // also after a reconnect: fill the gap.
  });
  source.addEventListener('block', (message) => addBlock(JSON.parse((message as MessageEvent<string>).data) as BlockEvent));
  source.addEventListener('error', () => update({ connection: 'reconnecting' })); // EventSource retries by itself.
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  connect();
  return () => listeners.delete(listener);
}

/** Latest blocks and transactions, live from the node's server-sent events; one connection for the whole console. */
export function useBlockFeed(): BlockFeedState {
  return useSyncExternalStore(subscribe, () => state);
}
