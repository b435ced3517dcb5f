import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorCodes } from '../errors/codes.ts';
import { procedureErrorCodes } from './error-codes.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const sources = readdirSync(dir)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'error-codes.ts' && !name.startsWith('test-'))
  .map((name) => readFileSync(dir + name, 'utf8'))
  .join('\n');

test('every procedure code is PROC_-prefixed, has a status and a title, and lives in the shared registry', () => {
  for (const [code, entry] of Object.entries(procedureErrorCodes)) {
    assert.match(code, /^PROC_[A-Z_]+$/, code);
    assert.ok(entry.status >= 400 && entry.status < 600, `${code} status`);
    assert.ok(entry.title.length > 0, `${code} title`);
    assert.equal(errorCodes[code as keyof typeof errorCodes], entry, `${code} is the registry's entry`);
  }
});

test('the registry is complete: every code the engine raises is registered, and every registered code is raised', () => {
  const used = new Set([...sources.matchAll(/'(PROC_[A-Z_]+)'/g)].map((match) => match[1] ?? ''));
  for (const code of used) assert.ok(Object.hasOwn(procedureErrorCodes, code), `${code} is raised but not registered`);
  for (const code of Object.keys(procedureErrorCodes)) assert.ok(used.has(code), `${code} is registered but never raised`);
});
