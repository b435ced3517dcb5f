import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitThreadCpu, threadCpuSnapshot } from './thread-cpu.ts';

test('the main thread, the busiest others as workers, and the rest apart', () => {
  const main = process.pid;
  const before = new Map([[main, 1_000], [11, 0], [12, 500], [13, 0], [14, 0]]);
  const after = new Map([[main, 71_000], [11, 70_000], [12, 60_500], [13, 5_000], [14, 4_000], [15, 1_000]]);
  assert.deepEqual(splitThreadCpu(before, after, 2), { mainMicros: 70_000, workersMicros: 130_000, otherMicros: 10_000 });
});

test('a thread that ended before the second snapshot is left out', () => {
  const before = new Map([[process.pid, 0], [21, 9_000]]);
  const after = new Map([[process.pid, 10_000], [22, 3_000]]);
  assert.deepEqual(splitThreadCpu(before, after, 1), { mainMicros: 10_000, workersMicros: 3_000, otherMicros: 0 });
});

test('on Linux the snapshot sees this thread spend CPU', { skip: process.platform !== 'linux' && 'needs /proc' }, () => {
  const before = threadCpuSnapshot()!;
  // The kernel counts in 10 ms ticks, and a loaded machine may run this thread only part of the time: spin until it shows, within 5 s.
  const until = performance.now() + 5_000;
  let after = threadCpuSnapshot()!;
  while (after.get(process.pid)! <= before.get(process.pid)! && performance.now() < until) {
    for (let i = 0; i < 1e6; i++) Math.sqrt(i);
    after = threadCpuSnapshot()!;
  }
  assert.ok(after.get(process.pid)! > before.get(process.pid)!, 'the main thread spent CPU between the snapshots');
  assert.equal((after.get(process.pid)! - before.get(process.pid)!) % 10_000, 0, 'in whole ticks, as µs');
});
