// Times a demo province against an in-memory ledger: npx tsx src/apps/prison/demo/time-demo-province.ts [prisonersPerPrison] [days]
import { ed25519Suite } from '../../../crypto/ed25519-suite.ts';
import { admitTransaction } from '../../../ledger/admission.ts';
import { createPrisonTestNetwork } from '../testing/prison-test-network.ts';
import { demoProvinceMembers } from './demo-province.ts';
import { seedDemoProvince } from './seed-demo-province.ts';

const perPrison = Number(process.argv[2] ?? 300);
const days = Number(process.argv[3] ?? 90);
const prisons = Array.from({ length: 21 }, (_, i) => `JS-${String(i + 1).padStart(2, '0')}`);
const net = await createPrisonTestNetwork({ start: '2026-06-01', members: demoProvinceMembers(prisons) });
const n = (prison: string) => prison.replace(/[^0-9]/g, '');
const started = performance.now();
const cpuStarted = process.cpuUsage();
let last = 0;
const result = await seedDemoProvince(
  {
    network: net.genesis.network,
    prisons,
    prisonersPerPrison: perPrison,
    days,
    today: '2026-06-01',
    clock: net.now,
    signers: { bureau: net.member('demo-bureau').key, prison: (p) => ({ penalty: net.member(`demo-penalty-${n(p)}`).key, officer: net.member(`demo-officer-${n(p)}`).key }) },
  },
  async (batch) => {
    const admitted = batch.transactions.map((tx) => admitTransaction(tx, { suite: ed25519Suite, network: net.genesis.network, limits: { maxBytes: 256 * 1024 } }));
    const failed: { code: string; message: string }[] = [];
    for (let i = 0; i < admitted.length; i += 500) {
      for (const r of net.commit(admitted.slice(i, i + 500))) if (r.status === 'failed') failed.push({ code: r.code, message: r.message });
    }
    return { failed };
  },
  (p) => {
    const now = performance.now();
    if (now - last > 5000) {
      last = now;
      console.log(`${p.phase} ${p.done}/${p.total} (${((now - started) / 1000).toFixed(1)} s)`);
    }
  },
);
console.log(JSON.stringify({ prisoners: perPrison * 21, days, ...result, seconds: ((performance.now() - started) / 1000).toFixed(1), cpuSeconds: (process.cpuUsage(cpuStarted).user / 1e6).toFixed(1) }));
