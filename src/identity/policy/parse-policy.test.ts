import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCustosError } from '../../errors/custos-error.ts';
import type { Policy } from './policy-ast.ts';
import { parsePolicy } from './parse-policy.ts';
import { policyLimits } from './policy-limits.ts';
import { propertyParameters } from './policy-arbitraries.test-support.ts';

const p = (role: string, org: string): Policy => ({ kind: 'principal', role, org });

const valid: [name: string, text: string, expected: Policy][] = [
  ['bare principal', 'admin@A', p('admin', 'A')],
  ['ANY principal (issue 3 example)', 'ANY prison.officer@PrisonBureau', p('prison.officer', 'PrisonBureau')],
  ['ALL (issue 3 example)', 'ALL(admin@Procuratorate, admin@Court)', { kind: 'threshold', n: 2, clauses: [p('admin', 'Procuratorate'), p('admin', 'Court')] }],
  ['N OF list (issue 3 example)', '2 OF (admin@A, admin@B, admin@C)', { kind: 'threshold', n: 2, clauses: [p('admin', 'A'), p('admin', 'B'), p('admin', 'C')] }],
  ['ANY list', 'ANY(a@A, b@B)', { kind: 'threshold', n: 1, clauses: [p('a', 'A'), p('b', 'B')] }],
  ['N OF principal expands to N copies', '3 OF judge@Court', { kind: 'threshold', n: 3, clauses: [p('judge', 'Court'), p('judge', 'Court'), p('judge', 'Court')] }],
  ['keywords are case-insensitive', 'all(a@A) ', { kind: 'threshold', n: 1, clauses: [p('a', 'A')] }],
  ['"of" lower case', '1 of (a@A, b@B)', { kind: 'threshold', n: 1, clauses: [p('a', 'A'), p('b', 'B')] }],
  ['whitespace and newlines are free', '\n ALL (\n\ta@A ,\n  b@B\n)\n', { kind: 'threshold', n: 2, clauses: [p('a', 'A'), p('b', 'B')] }],
  ['wildcard role prefix', 'ANY prison.*@PrisonBureau', p('prison.*', 'PrisonBureau')],
  ['any member of an org', '*@Court', p('*', 'Court')],
  ['roles and orgs keep their case', 'Admin@court.zj', p('Admin', 'court.zj')],
  ['nesting', 'ALL(2 OF (a@A, b@B, c@C), ANY(judge@Court, 2 OF clerk@Court))', {
    kind: 'threshold', n: 2, clauses: [
      { kind: 'threshold', n: 2, clauses: [p('a', 'A'), p('b', 'B'), p('c', 'C')] },
      { kind: 'threshold', n: 1, clauses: [p('judge', 'Court'), { kind: 'threshold', n: 2, clauses: [p('clerk', 'Court'), p('clerk', 'Court')] }] },
    ],
  }],
  ['role names may contain digits, _ and -', 'unit_3-lead.x2@Org-7', p('unit_3-lead.x2', 'Org-7')],
];

for (const [name, text, expected] of valid) {
  test(`parsePolicy accepts: ${name}`, () => {
    assert.deepEqual(parsePolicy(text), expected, text);
  });
}

// [name, text, code, line, column, message fragment]
const invalid: [string, string, string, number, number, string][] = [
  ['empty text', '', 'IDENTITY_POLICY_SYNTAX', 1, 1, 'found end of policy'],
  ['ANY without clause', 'ANY', 'IDENTITY_POLICY_SYNTAX', 1, 4, 'expected role@org'],
  ['ALL needs parentheses', 'ALL admin@A', 'IDENTITY_POLICY_SYNTAX', 1, 5, "expected '(' after ALL"],
  ['empty list', 'ALL()', 'IDENTITY_POLICY_SYNTAX', 1, 5, "found ')'"],
  ['trailing comma', 'ALL(a@A,)', 'IDENTITY_POLICY_SYNTAX', 1, 9, "found ')'"],
  ['unclosed list', 'ALL(a@A, b@B', 'IDENTITY_POLICY_SYNTAX', 1, 13, "expected ',' or ')'"],
  ['missing comma', 'ALL(a@A b@B)', 'IDENTITY_POLICY_SYNTAX', 1, 9, "expected ',' or ')'"],
  ['missing org', 'admin@', 'IDENTITY_POLICY_SYNTAX', 1, 7, 'expected an organization id'],
  ['missing @', 'admin A', 'IDENTITY_POLICY_SYNTAX', 1, 7, "expected '@'"],
  ['trailing text', 'a@A b@B', 'IDENTITY_POLICY_SYNTAX', 1, 5, 'expected end of policy'],
  ['unexpected character', 'a@A | b@B', 'IDENTITY_POLICY_SYNTAX', 1, 5, 'unexpected character "|"'],
  ['threshold larger than list', '3 OF (a@A, b@B)', 'IDENTITY_POLICY_SYNTAX', 1, 1, '3 OF needs at least 3 clauses but has 2'],
  ['zero threshold', '0 OF (a@A)', 'IDENTITY_POLICY_SYNTAX', 1, 1, 'at least 1'],
  ['leading zero', '01 OF (a@A)', 'IDENTITY_POLICY_SYNTAX', 1, 1, 'leading zero'],
  ['number without OF', '2 (a@A, b@B)', 'IDENTITY_POLICY_SYNTAX', 1, 3, 'expected OF after 2'],
  ['OF without number', 'OF (a@A)', 'IDENTITY_POLICY_SYNTAX', 1, 1, 'keyword OF'],
  ['keyword as role', 'any@A', 'IDENTITY_POLICY_SYNTAX', 1, 1, 'is a keyword'],
  ['keyword as org', 'a@All', 'IDENTITY_POLICY_SYNTAX', 1, 3, 'invalid organization id'],
  ['role starting with a digit', '2fa@A', 'IDENTITY_POLICY_SYNTAX', 1, 1, 'invalid role "2fa"'],
  ['wildcard inside a role', 'pri*son@A', 'IDENTITY_POLICY_SYNTAX', 1, 1, 'invalid role'],
  ['wildcard without a dot', 'prison*@A', 'IDENTITY_POLICY_SYNTAX', 1, 1, 'invalid role'],
  ['wildcard org', 'admin@*', 'IDENTITY_POLICY_SYNTAX', 1, 7, 'invalid organization id'],
  ['error on a later line', 'ALL(\n  a@A,\n  b@@B)', 'IDENTITY_POLICY_SYNTAX', 3, 5, 'expected an organization id'],
  ['threshold over the clause limit', `${policyLimits.maxPrincipalClauses + 1} OF a@A`, 'IDENTITY_POLICY_TOO_COMPLEX', 1, 1, 'exceeds'],
  ['too many clauses', `ALL(${Array.from({ length: policyLimits.maxPrincipalClauses + 1 }, () => 'a@A').join(', ')})`, 'IDENTITY_POLICY_TOO_COMPLEX', 1, 4 + 5 * policyLimits.maxPrincipalClauses + 1, 'more than'],
  ['too deep', `${'ANY('.repeat(policyLimits.maxDepth + 1)}a@A${')'.repeat(policyLimits.maxDepth + 1)}`, 'IDENTITY_POLICY_TOO_COMPLEX', 1, 4 * policyLimits.maxDepth + 1, 'deeper than'],
  ['too long', `a@A${' '.repeat(policyLimits.maxTextLength)}`, 'IDENTITY_POLICY_TOO_COMPLEX', 1, policyLimits.maxTextLength + 1, 'longer than'],
];

for (const [name, text, code, line, column, fragment] of invalid) {
  test(`parsePolicy refuses: ${name}`, () => {
    assert.throws(
      () => parsePolicy(text),
      (error: unknown) => {
        assert.ok(isCustosError(error), `${JSON.stringify(text)} should throw a CustosError`);
        assert.equal(error.code, code, error.message);
        assert.equal(error.details['line'], line, error.message);
        assert.equal(error.details['column'], column, error.message);
        assert.ok(error.message.includes(fragment), `${JSON.stringify(error.message)} should include ${JSON.stringify(fragment)}`);
        assert.ok(error.message.endsWith(`at line ${line}, column ${column}`), error.message);
        return true;
      },
    );
  });
}

test('parsePolicy: the limits themselves are accepted', () => {
  const max = policyLimits.maxPrincipalClauses;
  assert.equal(parsePolicy(`${max} OF a@A`).kind, 'threshold');
  assert.equal(parsePolicy(`${'ANY('.repeat(policyLimits.maxDepth)}a@A${')'.repeat(policyLimits.maxDepth)}`).kind, 'threshold');
});

test('parsePolicy: any text either parses or fails with an IDENTITY_POLICY_* error (property)', () => {
  const alphabet = fc.constantFrom(...'aA1 @(),.*-_\n'.split(''), 'ANY', 'ALL', 'OF', '2', 'admin@A', '#');
  fc.assert(
    fc.property(fc.array(alphabet, { maxLength: 30 }).map((parts) => parts.join('')), (text) => {
      try {
        parsePolicy(text);
      } catch (error) {
        assert.ok(isCustosError(error), `non-Custos error for ${JSON.stringify(text)}`);
        assert.match(error.code, /^IDENTITY_POLICY_(SYNTAX|TOO_COMPLEX)$/);
        assert.equal(typeof error.details['position'], 'number');
      }
    }),
    propertyParameters(),
  );
});
