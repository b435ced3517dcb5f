// Generators shared by the policy property tests. Not a test file itself
// (the runner picks up *.test.ts only) and not used outside tests.
import fc from 'fast-check';
import type { Policy, PolicyClause, Principal } from './policy-ast.ts';

/**
 * fast-check parameters with a replayable seed: a failure prints its seed,
 * and `FC_SEED=<seed> npm test -- src/identity` runs the same cases again.
 */
export function propertyParameters(numRuns = 300): fc.Parameters<unknown> {
  const seed = process.env['FC_SEED'];
  return seed === undefined ? { numRuns } : { numRuns, seed: Number(seed) };
}

export const orgs = ['A', 'B', 'Court'] as const;
export const roles = ['admin', 'clerk', 'x.y', 'x.z'] as const;
const rolePatterns = [...roles, 'x.*', '*'] as const;

// Built with map rather than fc.record: records come out with a null
// prototype, which deepEqual would hold against the parser's plain objects.
export const principalClauseArbitrary: fc.Arbitrary<PolicyClause> = fc
  .tuple(fc.constantFrom(...rolePatterns), fc.constantFrom(...orgs))
  .map(([role, org]) => ({ kind: 'principal', role, org }));

/** Policies of depth ≤ 3 and at most ~4 clauses per threshold: small enough for the brute-force reference. */
export const policyArbitrary: fc.Arbitrary<Policy> = fc.letrec<{ clause: PolicyClause }>((tie) => ({
  clause: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    principalClauseArbitrary,
    fc.array(tie('clause'), { minLength: 1, maxLength: 4 }).chain((clauses) =>
      fc.integer({ min: 1, max: clauses.length }).map((n): PolicyClause => ({ kind: 'threshold', n, clauses })),
    ),
  ),
})).clause;

export const principalArbitrary: fc.Arbitrary<Principal> = fc
  .tuple(fc.constantFrom(...orgs), fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5', 'p6'), fc.subarray([...roles]))
  .map(([org, id, held]) => ({ org, id, roles: held }));

export const principalsArbitrary: fc.Arbitrary<Principal[]> = fc.array(principalArbitrary, { maxLength: 6 });
