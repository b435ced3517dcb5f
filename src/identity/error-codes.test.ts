import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { errorCodes } from '../errors/codes.ts';
import { identityErrorCodes } from './error-codes.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const sources = sourceFiles(new URL('.', import.meta.url).pathname).map((path) => [path, readFileSync(path, 'utf8')] as const);

test('every IDENTITY_ code named in src/identity is in the registry, with a 4xx status', () => {
  const registry: Record<string, { status: number; title: string }> = errorCodes;
  for (const [path, text] of sources) {
    for (const [, code] of text.matchAll(/\b(IDENTITY_[A-Z_]+)\b/g)) {
      assert.ok(Object.hasOwn(registry, code!), `${code} (${path}) is in src/errors/codes.ts`);
      assert.ok(Object.hasOwn(identityErrorCodes, code!), `${code} is in the identity view`);
      assert.ok(registry[code!]!.status >= 400 && registry[code!]!.status < 500, `${code} is a client error`);
    }
  }
});

test('no bare `throw new Error` in src/identity', () => {
  for (const [path, text] of sources) assert.doesNotMatch(text, /throw new [A-Za-z]*Error\(/, path);
});
