import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { demoStageStates } from '../../src/apps/prison/demo/plan-demo-cases.ts';
import { addDays } from '../../src/apps/prison/prison-dates.ts';
import { defaultNodeOptions, startNode } from '../../src/node/node.ts';
import { builtInContracts } from '../../src/node/serve.ts';

const bin = new URL('../../bin/custos.mjs', import.meta.url).pathname;
const custos = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });

/** Runs `custos demo` and sends SIGINT (as Ctrl-C would) once its progress file shows it well into the history days. */
function interruptedDemo(args: string[], progressPath: string, afterBatches: number): Promise<{ status: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const poll = setInterval(() => {
      try {
        if ((JSON.parse(readFileSync(progressPath, 'utf8')) as { batches: number }).batches >= afterBatches) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      } catch {
        // Not written yet.
      }
    }, 100);
    child.on('error', reject);
    child.on('exit', (status) => {
      clearInterval(poll);
      resolve({ status, stdout });
    });
  });
}

test('custos demo --scale test: a new data directory gets a dated history with daily scores, cases at every step of commutation and parole, rulings that move release dates; an interrupted run finishes on the rerun without duplicates or failures; verify passes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'custos-demo-cli-'));
  try {
    const first = await interruptedDemo(['demo', '--scale', 'test', '--data', dir], join(dir, 'demo-test.json'), 60);
    assert.equal(first.status, 0, first.stdout);
    assert.match(first.stdout, /stopped; run again to continue/);
    const second = custos(['demo', '--scale', 'test', '--data', dir]);
    assert.equal(second.status, 0, second.stdout + second.stderr);
    assert.match(second.stdout, /, 0 failed/);
    assert.match(second.stdout, /finished/);

    const verified = custos(['verify', '--data', dir]);
    assert.equal(verified.status, 0, verified.stdout + verified.stderr);

    const progress = JSON.parse(readFileSync(join(dir, 'demo-test.json'), 'utf8')) as { today: string; days: number };
    const node = await startNode({ ...defaultNodeOptions, dataDir: dir }, { contracts: builtInContracts, logger: pino({ level: 'silent' }), now: Date.now });
    try {
      const state = node.ledger.state;
      // Blocks carry the history's dates: the first days' blocks are months back, the last on go-live.
      assert.ok(node.genesis.time < Date.parse(`${addDays(progress.today, -progress.days)}T00:00:00+08:00`), 'genesis before the history');
      assert.ok(node.ledger.head().time <= Date.now(), 'the clock ended no later than real time');

      // Daily scores for every day of the history, in every prison.
      for (let day = addDays(progress.today, -progress.days); day < progress.today; day = addDays(day, 1)) {
        for (const prison of ['JS-01', 'JS-21']) {
          assert.ok(state.query('prison.scores', { index: 'byPrisonDay', equals: [prison, day], limit: 1 }).length > 0, `scores of ${prison} on ${day}`);
        }
      }

      const cases = state.query('procedures.cases', { index: 'byState', limit: 1000 }).map((row) => row.doc['case'] as { id: string; procedure: { id: string }; state: string; subject: { id: string } });
      for (const procedure of ['commutation', 'parole'] as const) {
        const states = new Set(cases.filter((c) => c.procedure.id === procedure).map((c) => c.state));
        for (const step of demoStageStates[procedure]) assert.ok(states.has(step), `an open ${procedure} case at ${step}; states: ${[...states].join(', ')}`);
        for (const end of ['executed', 'refused', 'withdrawn', 'revoked']) assert.ok(states.has(end), `a ${procedure} case ended ${end}`);
      }
      const perSubject = new Map<string, number>();
      for (const c of cases) perSubject.set(`${c.procedure.id} ${c.subject.id}`, (perSubject.get(`${c.procedure.id} ${c.subject.id}`) ?? 0) + 1);
      assert.deepEqual([...perSubject].filter(([, count]) => count > 1), [], 'one case per prisoner and procedure: the rerun opened none twice');

      // A served commutation ruling moved a release date earlier (the sentence recalculated).
      const ruled = cases.filter((c) => c.procedure.id === 'commutation' && ['correction_window', 'executed', 'court_recheck', 'revoked'].includes(c.state));
      const moved = ruled.flatMap((c) => {
        const ruling = state.get('prison.rulings', `${c.subject.id}/${c.id}`)?.doc as { before: { expectedRelease: string }; after: { expectedRelease: string } } | undefined;
        return ruling === undefined ? [] : [ruling];
      });
      assert.ok(moved.length > 0, 'served commutation rulings are recorded');
      for (const ruling of moved) assert.ok(ruling.after.expectedRelease < ruling.before.expectedRelease, `release ${ruling.before.expectedRelease} → ${ruling.after.expectedRelease}`);
      // A paroled prisoner is released, and scored no more.
      const paroled = cases.find((c) => c.procedure.id === 'parole' && c.state === 'executed')!;
      const prisoner = state.get('prison.prisoners', paroled.subject.id)!.doc as { status: string; releasedOn: string };
      assert.equal(prisoner.status, 'released');
      assert.deepEqual(state.query('prison.scores', { index: 'byPrisoner', equals: [paroled.subject.id], range: { gte: addDays(prisoner.releasedOn, 0) }, limit: 5 }).filter((row) => row.doc['kind'] === 'daily'), []);
    } finally {
      await node.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('custos demo refuses a data directory whose ledger starts after the history would (NODE_DEMO_LEDGER_AFTER_HISTORY)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'custos-demo-cli-'));
  try {
    assert.equal(custos(['network', 'init', '--demo', '--data', dir]).status, 0);
    const refused = custos(['demo', '--scale', 'test', '--data', dir]);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /NODE_DEMO_LEDGER_AFTER_HISTORY/);
    assert.match(refused.stderr, /new data directory/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
