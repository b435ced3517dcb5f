import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { buildApi, defaultApiOptions } from '../../src/api/app.ts';
import { defaultAccountsOptions, openAccounts, type AccountsOptions } from '../../src/node/accounts/accounts.ts';
import { initDataDir } from '../../src/node/data-dir.ts';
import { createDemoConsortium } from '../../src/node/demo/demo-consortium.ts';
import { demoApps } from '../../src/node/demo/demo-apps.ts';
import { demoPassword, demoPeople } from '../../src/node/demo/demo-people.ts';
import { seedDemo } from '../../src/node/demo/seed-demo.ts';
import { defaultNodeOptions, startNode } from '../../src/node/node.ts';
import { builtInContracts } from '../../src/node/serve.ts';
import { defaultAdmissionPoolOptions } from '../../src/node/admission-pool.ts';

/** A clock tests can move. */
export function createTestClock(start = Date.now()) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

/** A real node running the seeded demo consortium, its API with accounts (use app.inject). */
export async function startDemoTestNode(options: { clock?: ReturnType<typeof createTestClock>; accounts?: Partial<AccountsOptions> } = {}) {
  const clock = options.clock ?? createTestClock();
  const dir = mkdtempSync(join(tmpdir(), 'custos-demo-test-'));
  const identity = await createDemoConsortium(dir, clock.now(), demoApps);
  const genesis = initDataDir(dir, { network: 'demo-test', title: 'demo test', suite: 'ed25519-sha256', time: clock.now() - 1000, identity });
  const node = await startNode(
    { ...defaultNodeOptions, dataDir: dir, solo: { maxTransactionsPerBlock: 500, maxWaitMs: 5 }, admission: { ...defaultAdmissionPoolOptions, workers: 1, batchSize: 64 }, store: { ...defaultNodeOptions.store, durability: 'normal', cacheMiB: 16 } },
    { contracts: builtInContracts, logger: pino({ level: 'silent' }), now: clock.now },
  );
  const accounts = openAccounts(join(dir, 'accounts.sqlite'), genesis.suite, { ...defaultAccountsOptions, ...options.accounts }, clock.now);
  const app = await buildApi(node, defaultApiOptions, false, { accounts, dataDir: dir });
  const members = await seedDemo(node, accounts, dir);

  async function signIn(memberId: string, password = demoPassword) {
    const person = demoPeople.find((p) => p.memberId === memberId)!;
    const response = await app.inject({ method: 'POST', url: '/v1/auth/sign-in', payload: { org: person.org, memberId, password } });
    return response;
  }

  async function tokenOf(memberId: string): Promise<string> {
    const response = await signIn(memberId);
    if (response.statusCode !== 200) throw new TypeError(`sign-in of ${memberId} failed: ${response.body}`);
    return (response.json() as { token: string }).token;
  }

  return {
    dir,
    genesis,
    node,
    app,
    accounts,
    clock,
    members,
    signIn,
    tokenOf,
    async close() {
      await app.close();
      await node.stop();
      accounts.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type DemoTestNode = Awaited<ReturnType<typeof startDemoTestNode>>;
