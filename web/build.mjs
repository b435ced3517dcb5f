#!/usr/bin/env node
// Builds the console into web/dist. `--if-stale` skips the build when web/dist
// is newer than every input (so `npm test` and `npm start` stay quick). The
// bundle is written beside web/dist and swapped in by rename, so a node that
// is serving web/dist never sees it half-written.
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'web', 'dist');
// The console bundles web/ and the portable parts of src/ that the SDK imports.
const inputs = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/build.mjs', 'src/sdk', 'src/ledger', 'src/crypto', 'src/merkle', 'src/errors', 'src/identity', 'src/procedures', 'src/node/accounts/key-possession.ts', 'package-lock.json'];

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const index = join(dist, 'index.html');
if (process.argv.includes('--if-stale') && existsSync(index)) {
  const built = statSync(index).mtimeMs;
  if (inputs.every((input) => newest(join(root, input)) < built)) process.exit(0);
}

const staging = join(root, 'web', `.dist-${process.pid}`);
await build({ configFile: join(root, 'web', 'vite.config.ts'), logLevel: 'warn', build: { outDir: staging, emptyOutDir: true } });
const old = join(root, 'web', `.dist-old-${process.pid}`);
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
console.log(`console built: ${dist}`);
