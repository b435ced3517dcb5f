import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isCustosError } from '../../errors/custos-error.ts';
import type { Policy, PolicyClause, Principal, PrincipalClause } from './policy-ast.ts';
import { evaluatePolicy, principalsSatisfying } from './evaluate-policy.ts';
import { parsePolicy } from './parse-policy.ts';
import { principalMatches } from './principal-matches.ts';
import { policyArbitrary, principalArbitrary, principalsArbitrary, propertyParameters } from './policy-arbitraries.test-support.ts';

const person = (spec: string): Principal => {
  // "alice:admin,clerk@A"
  const [who, org] = spec.split('@') as [string, string];
  const [id, roles = ''] = who.split(':') as [string, string?];
  return { id, org, roles: roles === '' ? [] : roles.split(',') };
};

// [case, policy, principals, expected]
const table: [string, string, string[], boolean][] = [
  ['one officer meets ANY officer', 'ANY prison.officer@PrisonBureau', ['li:prison.officer@PrisonBureau'], true],
  ['nobody meets nothing', 'ANY prison.officer@PrisonBureau', [], false],
  ['right role, wrong org', 'ANY prison.officer@PrisonBureau', ['li:prison.officer@JS-07'], false],
  ['right org, wrong role', 'ANY prison.officer@PrisonBureau', ['li:prison.clerk@PrisonBureau'], false],
  ['roles are case-sensitive', 'ANY admin@A', ['a:Admin@A'], false],
  ['ALL: both orgs sign', 'ALL(admin@Procuratorate, admin@Court)', ['p:admin@Procuratorate', 'c:admin@Court'], true],
  ['ALL: one org missing', 'ALL(admin@Procuratorate, admin@Court)', ['c:admin@Court'], false],
  ['2 OF 3: two of them', '2 OF (admin@A, admin@B, admin@C)', ['a:admin@A', 'c:admin@C'], true],
  ['2 OF 3: one of them', '2 OF (admin@A, admin@B, admin@C)', ['a:admin@A'], false],
  ['2 OF 3: two admins of the same org count once per clause', '2 OF (admin@A, admin@B, admin@C)', ['a1:admin@A', 'a2:admin@A'], false],
  ['2 OF (admin@A, admin@A): one admin is not two', '2 OF (admin@A, admin@A)', ['a1:admin@A'], false],
  ['2 OF (admin@A, admin@A): two different admins', '2 OF (admin@A, admin@A)', ['a1:admin@A', 'a2:admin@A'], true],
  ['2 OF judge@Court: same person listed twice is one person', '2 OF judge@Court', ['j:judge@Court', 'j:judge@Court'], false],
  ['same id in two orgs is two principals', 'ALL(admin@A, admin@B)', ['x:admin@A', 'x:admin@B'], true],
  ['repeated entries merge their roles', 'ANY(ALL(judge@Court, a@A))', ['j:clerk@Court', 'j:judge@Court', 'a:a@A'], true],
  ['four eyes: one person holding both roles is not enough', 'ALL(judge@Court, clerk@Court)', ['j:judge,clerk@Court'], false],
  ['four eyes: two people', 'ALL(judge@Court, clerk@Court)', ['j:judge,clerk@Court', 'k:clerk@Court'], true],
  ['matching must not be greedy: the dual-role member takes the clause only they can meet', 'ALL(x@A, y@A)', ['p1:x,y@A', 'p2:x@A'], true],
  ['matching must not be greedy, other order', 'ALL(x@A, y@A)', ['p2:x@A', 'p1:x,y@A'], true],
  ['nested: one person cannot serve two sub-clauses', 'ALL(ANY(judge@Court, clerk@Court), judge@Court)', ['j:judge,clerk@Court'], false],
  ['nested: packing across sub-clauses', 'ALL(2 OF (x@A, y@A, z@A), ANY(x@A, w@A))', ['p:x@A', 'q:y@A', 'r:x,z@A'], true],
  ['nested: not enough people overall', 'ALL(2 OF (x@A, y@A, z@A), ANY(x@A, w@A))', ['q:y@A', 'r:x,z@A'], false],
  ['wildcard: prison.* matches a sub-role', 'ANY prison.*@PrisonBureau', ['w:prison.warden@PrisonBureau'], true],
  ['wildcard: prison.* matches deeper roles', 'ANY prison.*@PrisonBureau', ['w:prison.officer.senior@PrisonBureau'], true],
  ['wildcard: prison.* does not match prison itself', 'ANY prison.*@PrisonBureau', ['w:prison@PrisonBureau'], false],
  ['wildcard: prison.* does not match prisoner.x', 'ANY prison.*@PrisonBureau', ['w:prisoner.x@PrisonBureau'], false],
  ['*@Org: any member, even without roles', 'ANY *@Court', ['c:@Court'], true],
  ['*@Org: not a member of another org', 'ANY *@Court', ['c:judge@A'], false],
  ['ANY of a nested ALL', 'ANY(ALL(a@A, b@B), c@C)', ['a:a@A', 'b:b@B'], true],
  ['unrelated principals do not matter', 'ALL(a@A, b@B)', ['a:a@A', 'z:z@Z', 'b:b@B', 'y:a@B'], true],
];

for (const [name, text, people, expected] of table) {
  test(`evaluatePolicy: ${name}`, () => {
    const policy = parsePolicy(text);
    const principals = people.map(person);
    assert.equal(evaluatePolicy(policy, principals), expected, `${text} with ${people.join(' ')}`);
    assert.equal(principalsSatisfying(policy, principals) !== undefined, expected, 'principalsSatisfying agrees');
  });
}

test('principalsSatisfying: names who met which clause', () => {
  const policy = parsePolicy('2 OF (admin@A, admin@B, admin@C)');
  assert.deepEqual(principalsSatisfying(policy, ['c:admin@C', 'b:admin@B', 'a:admin@A'].map(person)), [
    { clauseIndex: 0, role: 'admin', org: 'A', principalId: 'a' },
    { clauseIndex: 1, role: 'admin', org: 'B', principalId: 'b' },
  ]);
});

test('principalsSatisfying: interchangeable people are handed out in id order', () => {
  const policy = parsePolicy('2 OF judge@Court');
  assert.deepEqual(principalsSatisfying(policy, ['zoe:judge@Court', 'bob:judge@Court', 'amy:judge@Court'].map(person)), [
    { clauseIndex: 0, role: 'judge', org: 'Court', principalId: 'amy' },
    { clauseIndex: 1, role: 'judge', org: 'Court', principalId: 'bob' },
  ]);
});

test('evaluatePolicy: a large but ordinary case stays fast and exact', () => {
  const policy = parsePolicy('ALL(10 OF officer@A, 5 OF (x@B, y@B, z@B, w@B, v@B, u@B), ANY judge@C)');
  const officers = Array.from({ length: 500 }, (_, i) => ({ org: 'A', id: `o${i}`, roles: ['officer'] }));
  const others = ['x', 'y', 'z', 'w', 'v'].map((role) => ({ org: 'B', id: role, roles: [role] }));
  assert.equal(evaluatePolicy(policy, [...officers, ...others]), false, 'no judge');
  assert.equal(evaluatePolicy(policy, [...officers, ...others, { org: 'C', id: 'j', roles: ['judge'] }]), true);
});

test('evaluatePolicy: a flat threshold over many organizations stays linear (finality-style policy)', () => {
  const orgs = Array.from({ length: 30 }, (_, i) => `Org${i}`);
  const policy = parsePolicy(`20 OF (${orgs.map((org) => `admin@${org}`).join(', ')})`);
  const admins = (count: number): Principal[] =>
    orgs.slice(0, count).flatMap((org) => [1, 2, 3].map((n) => ({ org, id: `admin${n}`, roles: ['admin'] })));
  assert.equal(evaluatePolicy(policy, admins(20)), true, '20 organizations signed');
  assert.equal(evaluatePolicy(policy, admins(19)), false, '19 organizations signed');
  assert.equal(principalsSatisfying(policy, admins(30))?.length, 20);
});

test('evaluatePolicy: a pathological search fails the same way everywhere', () => {
  // 64 clauses, every person matching a different subset: the frontier explodes.
  const clauses = Array.from({ length: 8 }, () => `4 OF (${Array.from({ length: 8 }, (_, r) => `r${r}@A`).join(', ')})`);
  const policy = parsePolicy(`ALL(${clauses.join(', ')})`);
  const principals = Array.from({ length: 40 }, (_, i) => ({ org: 'A', id: `p${i}`, roles: [`r${i % 8}`, `r${(i * 3 + 1) % 8}`, `r${(i * 5 + 2) % 8}`] }));
  assert.throws(
    () => evaluatePolicy(policy, principals),
    (error: unknown) => isCustosError(error) && (error.code as string) === 'IDENTITY_POLICY_TOO_COMPLEX',
  );
});

/** The definition, executed literally: try every pick and every assignment. Exponential; small inputs only. */
function referenceEvaluate(policy: Policy, principals: readonly Principal[]): boolean {
  const merged = new Map<string, Principal>();
  for (const p of principals) {
    const key = `${p.org}\u0000${p.id}`;
    const old = merged.get(key);
    merged.set(key, { org: p.org, id: p.id, roles: [...(old?.roles ?? []), ...p.roles] });
  }
  const people = [...merged.values()];
  const search = (clause: PolicyClause, used: ReadonlySet<number>, then: (used: ReadonlySet<number>) => boolean): boolean => {
    if (clause.kind === 'principal') {
      return people.some((p, i) => !used.has(i) && principalMatches(clause, p) && then(new Set([...used, i])));
    }
    const pick = (from: number, count: number, used: ReadonlySet<number>): boolean => {
      if (count === clause.n) return then(used);
      if (clause.clauses.length - from < clause.n - count) return false;
      return search(clause.clauses[from]!, used, (after) => pick(from + 1, count + 1, after)) || pick(from + 1, count, used);
    };
    return pick(0, 0, used);
  };
  return search(policy, new Set(), () => true);
}

test('evaluatePolicy agrees with the literal definition (property)', () => {
  fc.assert(
    fc.property(policyArbitrary, principalsArbitrary, (policy, principals) => {
      assert.equal(evaluatePolicy(policy, principals), referenceEvaluate(policy, principals));
    }),
    propertyParameters(1000),
  );
});

test('evaluatePolicy agrees with the literal definition on flat policies over overlapping roles (property)', () => {
  const role = fc.constantFrom('r0', 'r1', 'r2', 'r3', 'r4', 'r5');
  const flat = fc.array(role, { minLength: 1, maxLength: 6 }).chain((clauseRoles) =>
    fc.integer({ min: 1, max: clauseRoles.length }).map((n): Policy => ({
      kind: 'threshold',
      n,
      clauses: clauseRoles.map((r) => ({ kind: 'principal', role: r, org: 'A' })),
    })),
  );
  const people = fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.subarray(['r0', 'r1', 'r2', 'r3', 'r4', 'r5'])), { maxLength: 7 })
    .map((entries) => entries.map(([i, held]): Principal => ({ org: 'A', id: `p${i}`, roles: held })));
  fc.assert(
    fc.property(flat, people, (policy, principals) => {
      assert.equal(evaluatePolicy(policy, principals), referenceEvaluate(policy, principals));
    }),
    propertyParameters(1000),
  );
});

test('evaluatePolicy is monotone: adding principals never unmeets a policy (property)', () => {
  fc.assert(
    fc.property(policyArbitrary, principalsArbitrary, principalsArbitrary, (policy, principals, more) => {
      fc.pre(evaluatePolicy(policy, principals));
      assert.equal(evaluatePolicy(policy, [...principals, ...more]), true);
    }),
    propertyParameters(),
  );
});

test('evaluatePolicy and principalsSatisfying ignore the order of principals (property)', () => {
  fc.assert(
    fc.property(policyArbitrary, fc.array(principalArbitrary, { maxLength: 6 }).chain((ps) => fc.tuple(fc.constant(ps), fc.shuffledSubarray(ps, { minLength: ps.length }))), (policy, [principals, shuffled]) => {
      assert.equal(evaluatePolicy(policy, shuffled), evaluatePolicy(policy, principals));
      assert.deepEqual(principalsSatisfying(policy, shuffled), principalsSatisfying(policy, principals));
    }),
    propertyParameters(),
  );
});

/** A principal that meets exactly the clause given (a role for a pattern, nothing for `*`). */
function standIn(clause: PrincipalClause, id: string): Principal {
  const role = clause.role === '*' ? [] : [clause.role.endsWith('.*') ? `${clause.role.slice(0, -1)}w` : clause.role];
  return { org: clause.org, id, roles: role };
}

test('principalsSatisfying returns a valid witness: distinct people, matching clauses, enough of them (property)', () => {
  fc.assert(
    fc.property(policyArbitrary, principalsArbitrary, (policy, principals) => {
      const matches = principalsSatisfying(policy, principals);
      if (matches === undefined) return;
      const keys = matches.map((m) => `${m.org}\u0000${m.principalId}`);
      assert.equal(new Set(keys).size, keys.length, 'each principal used once');
      const leaves: PrincipalClause[] = [];
      const collect = (c: PolicyClause): void => (c.kind === 'principal' ? void leaves.push(c) : c.clauses.forEach(collect));
      collect(policy);
      for (const m of matches) {
        const holder = principals.filter((p) => p.org === m.org && p.id === m.principalId);
        const merged: Principal = { org: m.org, id: m.principalId, roles: holder.flatMap((p) => p.roles) };
        assert.ok(principalMatches(leaves[m.clauseIndex]!, merged), `clause ${m.clauseIndex} matched by ${m.principalId}`);
      }
      // Only the chosen clauses, each given to its own stand-in, still meet the policy.
      const chosen = matches.map((m) => standIn(leaves[m.clauseIndex]!, `${m.principalId}#${m.clauseIndex}`));
      assert.equal(referenceEvaluate(policy, chosen), true, 'the witness alone meets the policy');
    }),
    propertyParameters(),
  );
});
