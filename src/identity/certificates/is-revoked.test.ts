import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRevoked } from './is-revoked.ts';
import { normalizeSerial } from './serial-number.ts';

const normalized: [input: string, expected: string | undefined][] = [
  ['ab', 'ab'],
  ['AB', 'ab'],
  ['00ab', 'ab'],
  ['0', undefined],
  ['', undefined],
  ['0x1f', undefined],
  ['g1', undefined],
  ['7f'.repeat(20), '7f'.repeat(20)],
  ['7f'.repeat(20) + '1', undefined],
];

for (const [input, expected] of normalized) {
  test(`normalizeSerial(${JSON.stringify(input)}) → ${String(expected)}`, () => {
    assert.equal(normalizeSerial(input), expected);
  });
}

test('isRevoked: spellings are normalized on both sides; junk entries are ignored', () => {
  assert.equal(isRevoked('1001', ['0x1001', '001001']), true);
  assert.equal(isRevoked('00ABC', new Set(['abc'])), true);
  assert.equal(isRevoked('1001', ['1002', 'zz']), false);
  assert.equal(isRevoked('1001', []), false);
  assert.equal(isRevoked('not-hex', ['not-hex']), false);
});
