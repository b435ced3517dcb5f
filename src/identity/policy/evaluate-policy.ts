import type { Policy, Principal } from './policy-ast.ts';
import { PolicySolver } from './solve-policy.ts';

/** One role@org clause of a policy and the principal chosen to meet it. */
export interface PolicyMatch {
  /** Position of the clause among the policy's role@org clauses, from 0, left to right (`N OF role@org` counts N). */
  readonly clauseIndex: number;
  /** The clause's role pattern as written (`prison.officer`, `prison.*`, `*`). */
  readonly role: string;
  /** The clause's organization, which is also the principal's. */
  readonly org: string;
  readonly principalId: string;
}

/**
 * Whether `principals` meet `policy`. A principal — identified by
 * `(org, id)`; repeated entries are one principal with the union of their
 * roles — counts for at most one role@org clause in the whole policy, so
 * `2 OF (admin@A, admin@B)` needs two people and `2 OF (admin@A, admin@A)`
 * (= `2 OF admin@A`) needs two different admins of A. The answer is exact and
 * independent of the order of `principals`; adding principals never turns a
 * met policy unmet. Pure: fit for commit-time checks.
 *
 * @throws IDENTITY_POLICY_TOO_COMPLEX past `policyLimits.maxSearchSteps`.
 */
export function evaluatePolicy(policy: Policy, principals: readonly Principal[]): boolean {
  const solver = new PolicySolver(policy, principals);
  return solver.satisfy(solver.root, solver.initial).length > 0;
}

/**
 * Who meets the policy, or `undefined` when it is unmet: for every threshold
 * exactly n of its clauses, each role@org clause with its own principal,
 * sorted by `clauseIndex`. Deterministic — the same principals in any order
 * give the same matches — so it may be stored as the record of who
 * authorized something.
 */
export function principalsSatisfying(policy: Policy, principals: readonly Principal[]): readonly PolicyMatch[] | undefined {
  const solver = new PolicySolver(policy, principals);
  const best = solver.satisfy(solver.root, solver.initial)[0];
  if (best === undefined) return undefined;
  return solver.resolve(best.uses).map((use) => ({
    clauseIndex: use.leaf,
    role: use.clause.role,
    org: use.clause.org,
    principalId: use.principalId,
  }));
}
