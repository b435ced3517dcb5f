import { Gauge, type Registry } from 'prom-client';
import type { Ledger } from '../ledger/ledger.ts';
import { membersCollection, type MemberRecord } from '../runtime/system/directory.ts';

const day = 24 * 3600_000;

/**
 * Certificates nearing expiry, as gauges read at scrape time from the
 * ledger's members (index by expiry). Expired certificates are a top cause
 * of outages in permissioned networks: alert on these before they bite.
 */
export function registerCertificateMetrics(registry: Registry, ledger: Ledger, now: () => number): void {
  const count = (fromMs: number, toMs: number) =>
    ledger.state
      .query(membersCollection, { index: 'byExpiry', range: { gte: fromMs, lt: toMs }, limit: 1000 })
      .filter((doc) => (doc.doc as MemberRecord).revokedFrom === null).length;
  new Gauge({
    name: 'custos_member_certificates_expiring',
    help: 'Enrolled, unrevoked member certificates expiring within the window (capped at 1000)',
    labelNames: ['within'],
    registers: [registry],
    collect() {
      const time = now();
      for (const days of [7, 30]) this.set({ within: `${days}d` }, count(time, time + days * day));
    },
  });
  new Gauge({
    name: 'custos_member_certificates_expired',
    help: 'Enrolled, unrevoked member certificates already expired (capped at 1000)',
    registers: [registry],
    collect() {
      this.set(count(0, now()));
    },
  });
}
