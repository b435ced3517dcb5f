import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The node's Prometheus metrics; names carry their units. `pendingCount`
 * gives custos_pending_transactions when scraped. PERF: setting the gauge
 * on every submit cost an allocation per transaction.
 */
export function createNodeMetrics(pendingCount: () => number = () => 0) {
  const registry = new Registry();
  return {
    registry,
    blocksCommitted: new Counter({ name: 'custos_blocks_committed_total', help: 'Blocks committed', registers: [registry] }),
    transactionsCommitted: new Counter({
      name: 'custos_transactions_committed_total',
      help: 'Transactions committed, by result status',
      labelNames: ['status'],
      registers: [registry],
    }),
    transactionsRejected: new Counter({
      name: 'custos_transactions_rejected_total',
      help: 'Transactions refused at admission, by error code',
      labelNames: ['code'],
      registers: [registry],
    }),
    blockCommitSeconds: new Histogram({
      name: 'custos_block_commit_seconds',
      help: 'Time to validate, execute and store one block',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    commitLatencySeconds: new Histogram({
      name: 'custos_transaction_commit_latency_seconds',
      help: 'From admission to commit',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    chainHeight: new Gauge({ name: 'custos_chain_height_blocks', help: 'Height of the last committed block', registers: [registry] }),
    pendingTransactions: new Gauge({
      name: 'custos_pending_transactions',
      help: 'Admitted transactions waiting for a block',
      registers: [registry],
      collect() {
        this.set(pendingCount());
      },
    }),
  };
}

export type NodeMetrics = ReturnType<typeof createNodeMetrics>;
