import type { Genesis } from '../../ledger/genesis.ts';
import type { SignedTransaction } from '../../ledger/transaction.ts';
import { createCustosClient } from '../../sdk/client.ts';
import type { CustosNode } from '../node.ts';

export interface DemoResult {
  status: string;
  code?: string;
  message?: string;
}

/** What seeding needs of a node, in process or over HTTP: its network, a clock, submit and wait for the result. */
export interface DemoLedger {
  genesis: Pick<Genesis, 'network' | 'suite'>;
  now(): number;
  submitAndWait(tx: SignedTransaction): Promise<DemoResult>;
}

function resultOf(result: unknown): DemoResult {
  const r = result as { status?: string; code?: string; message?: string } | undefined;
  return { status: r?.status ?? 'unknown', ...(r?.code === undefined ? {} : { code: r.code }), ...(r?.message === undefined ? {} : { message: r.message }) };
}

export function nodeDemoLedger(node: CustosNode): DemoLedger {
  return { genesis: node.genesis, now: node.now, submitAndWait: async (tx) => resultOf((await node.submit(tx, { wait: true })).result) };
}

/**
 * A running node at `url` (its clock is taken as this machine's). At most
 * `maxRequests` submissions are open at once: thousands of waiting POSTs
 * overflow the server's accept queue (ECONNRESET).
 */
export async function httpDemoLedger(url: string, maxRequests = 128): Promise<DemoLedger> {
  const client = createCustosClient({ url });
  const { genesis } = await client.getNetwork();
  let open = 0;
  const queue: (() => void)[] = [];
  const acquire = (): Promise<void> => (open < maxRequests ? (open += 1, Promise.resolve()) : new Promise((resolve) => queue.push(resolve)));
  const release = (): void => {
    const next = queue.shift();
    if (next === undefined) open -= 1;
    else next();
  };
  return {
    genesis,
    now: () => Date.now(),
    async submitAndWait(tx) {
      await acquire();
      try {
        return resultOf((await client.submit(tx, { wait: true, timeoutMs: 120_000 })).result);
      } finally {
        release();
      }
    },
  };
}
