#!/usr/bin/env node
// Runs every test with Node's own runner. Node 20's --test does not glob
// TypeScript files, so this script finds them: unit tests beside their code
// (src/**/*.test.ts, bench/*.test.ts) and cross-cutting ones under test/.
// Usage: npm test [-- substring ...] to run only files whose path contains one.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (name.endsWith('.test.ts')) found.push(relative(root, path));
  }
  return found;
}

const files = ['src', 'bench', 'test']
  .flatMap((dir) => findTests(join(root, dir)))
  .filter((file) => filters.length === 0 || filters.some((f) => file.includes(f)))
  .sort();

if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}

// --test-force-exit: a test that times out is failed but its body keeps
// running, with whatever servers and timers it holds, so its file's process
// never exited and the whole run waited forever (seen once in CI, session 9).
// Forced, the file ends when its tests have, and the timeout is reported.
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit', ...files],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
