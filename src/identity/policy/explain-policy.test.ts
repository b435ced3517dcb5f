import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Principal } from './policy-ast.ts';
import { evaluatePolicy } from './evaluate-policy.ts';
import { explainPolicy } from './explain-policy.ts';
import { parsePolicy } from './parse-policy.ts';
import { policyArbitrary, principalsArbitrary, propertyParameters } from './policy-arbitraries.test-support.ts';

const admin = (id: string, org: string): Principal => ({ id, org, roles: ['admin'] });

const messages: [name: string, policy: string, principals: Principal[], message: string][] = [
  ['2 of 3, one signed', '2 OF (admin@A, admin@B, admin@C)', [admin('alice', 'A')], 'needs 2 OF (admin@A, admin@B, admin@C), has 1 of 2: admin@A by alice'],
  ['2 of 3, met', '2 OF (admin@A, admin@B, admin@C)', [admin('carol', 'C'), admin('alice', 'A')], 'needs 2 OF (admin@A, admin@B, admin@C), has 2 of 2: admin@A by alice; admin@C by carol'],
  ['nobody', 'ANY prison.officer@PrisonBureau', [], 'needs ANY prison.officer@PrisonBureau, has 0 of 1'],
  ['one person, two copies of a clause', '2 OF admin@A', [admin('alice', 'A')], 'needs 2 OF admin@A, has 1 of 2: admin@A by alice'],
  ['ALL, one org missing', 'ALL(admin@Procuratorate, admin@Court)', [admin('carol', 'Court')], 'needs ALL(admin@Procuratorate, admin@Court), has 1 of 2: admin@Court by carol'],
  [
    'nested: the met sub-clause lists everyone in it',
    'ALL(2 OF (admin@A, admin@B, admin@C), judge@Court)',
    [admin('alice', 'A'), admin('bob', 'B')],
    'needs ALL(2 OF (admin@A, admin@B, admin@C), judge@Court), has 1 of 2: 2 OF (admin@A, admin@B, admin@C) by alice, bob',
  ],
];

for (const [name, policy, principals, message] of messages) {
  test(`explainPolicy: ${name}`, () => {
    assert.equal(explainPolicy(parsePolicy(policy), principals).message, message);
  });
}

test('explainPolicy: the tree of sub-explanations', () => {
  const explanation = explainPolicy(parsePolicy('ALL(2 OF (admin@A, admin@B, admin@C), judge@Court)'), [admin('alice', 'A')]);
  assert.equal(explanation.satisfied, false);
  assert.equal(explanation.needed, 2);
  assert.equal(explanation.has, 0);
  assert.deepEqual(explanation.by, []);
  assert.deepEqual(
    explanation.clauses.map((c) => [c.clause, c.satisfied, c.has, c.needed, c.by]),
    [
      ['2 OF (admin@A, admin@B, admin@C)', false, 1, 2, ['alice']],
      ['judge@Court', false, 0, 1, []],
    ],
  );
});

test('explainPolicy: satisfied agrees with evaluatePolicy (property)', () => {
  fc.assert(
    fc.property(policyArbitrary, principalsArbitrary, (policy, principals) => {
      const explanation = explainPolicy(policy, principals);
      assert.equal(explanation.satisfied, evaluatePolicy(policy, principals));
      assert.ok(explanation.has <= explanation.needed, explanation.message);
    }),
    propertyParameters(),
  );
});
