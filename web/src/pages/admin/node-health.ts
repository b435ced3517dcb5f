/** What the console shows of the node that serves it: /healthz and a few /metrics gauges. */
export interface NodeHealth {
  status: string;
  healthy: boolean;
  height: number;
  /** From /metrics (Prometheus text); null when the metric is absent. */
  metricsHeight: number | null;
  pending: number | null;
  blocksCommitted: number | null;
  checkedAt: number;
}

/** The value of an unlabelled metric in Prometheus text exposition, or null. */
export function metricValue(text: string, name: string): number | null {
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const [metric, value] = line.trim().split(/\s+/);
    if (metric === name && value !== undefined && Number.isFinite(Number(value))) return Number(value);
  }
  return null;
}

export async function fetchNodeHealth(): Promise<NodeHealth> {
  const [health, metrics] = await Promise.all([
    fetch('/healthz', { headers: { accept: 'application/json' } }).then(async (r) => ({ ok: r.ok, body: (await r.json()) as { status: string; height: number } })),
    fetch('/metrics').then((r) => (r.ok ? r.text() : '')),
  ]);
  return {
    status: health.body.status,
    healthy: health.ok && health.body.status === 'ok',
    height: health.body.height,
    metricsHeight: metricValue(metrics, 'custos_chain_height_blocks'),
    pending: metricValue(metrics, 'custos_pending_transactions'),
    blocksCommitted: metricValue(metrics, 'custos_blocks_committed_total'),
    checkedAt: Date.now(),
  };
}
