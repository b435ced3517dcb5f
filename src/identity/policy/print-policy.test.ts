import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePolicy } from './parse-policy.ts';
import { printPolicy } from './print-policy.ts';
import { policyArbitrary, propertyParameters } from './policy-arbitraries.test-support.ts';

const canonical: [input: string, printed: string][] = [
  ['admin@A', 'ANY admin@A'],
  ['ANY prison.officer@PrisonBureau', 'ANY prison.officer@PrisonBureau'],
  ['all( admin@Procuratorate ,admin@Court )', 'ALL(admin@Procuratorate, admin@Court)'],
  ['2 of (admin@A,admin@B,admin@C)', '2 OF (admin@A, admin@B, admin@C)'],
  ['any(a@A, b@B)', 'ANY(a@A, b@B)'],
  ['1 OF (a@A, b@B)', 'ANY(a@A, b@B)'],
  ['2 OF (a@A, b@B)', 'ALL(a@A, b@B)'],
  ['ALL(a@A)', 'ALL(a@A)'],
  ['ANY(a@A)', 'ALL(a@A)'],
  ['2 OF judge@Court', '2 OF judge@Court'],
  ['2 OF (judge@Court, judge@Court)', '2 OF judge@Court'],
  ['ALL(judge@Court, judge@Court)', '2 OF judge@Court'],
  ['ANY(judge@Court, judge@Court)', 'ANY(judge@Court, judge@Court)'],
  ['ALL(2 OF (a@A, b@B, c@C), ANY(judge@Court, 2 OF clerk@Court))', 'ALL(2 OF (a@A, b@B, c@C), ANY(judge@Court, 2 OF clerk@Court))'],
  ['ANY(prison.*@PrisonBureau, *@Court)', 'ANY(prison.*@PrisonBureau, *@Court)'],
];

for (const [input, printed] of canonical) {
  test(`printPolicy: ${JSON.stringify(input)} → ${JSON.stringify(printed)}`, () => {
    assert.equal(printPolicy(parsePolicy(input)), printed);
  });
}

test('printPolicy: parse(print(policy)) deep-equals policy (property)', () => {
  fc.assert(
    fc.property(policyArbitrary, (policy) => {
      const text = printPolicy(policy);
      assert.deepEqual(parsePolicy(text), policy, text);
    }),
    propertyParameters(),
  );
});

test('printPolicy: printing is idempotent through parsing (property)', () => {
  fc.assert(
    fc.property(policyArbitrary, (policy) => {
      const text = printPolicy(policy);
      assert.equal(printPolicy(parsePolicy(text)), text);
    }),
    propertyParameters(),
  );
});
