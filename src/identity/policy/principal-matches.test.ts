import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rolePatternMatches } from './principal-matches.ts';

const table: [pattern: string, role: string, expected: boolean][] = [
  ['prison.officer', 'prison.officer', true],
  ['prison.officer', 'prison.officer.senior', false],
  ['prison.*', 'prison.officer', true],
  ['prison.*', 'prison.officer.senior', true],
  ['prison.*', 'prison', false],
  ['prison.*', 'prison.', false],
  ['prison.*', 'prisoner.officer', false],
  ['*', 'anything', true],
];

for (const [pattern, role, expected] of table) {
  test(`rolePatternMatches(${pattern}, ${role}) → ${expected}`, () => {
    assert.equal(rolePatternMatches(pattern, role), expected);
  });
}
