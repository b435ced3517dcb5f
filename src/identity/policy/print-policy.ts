import type { Policy, PolicyClause, PrincipalClause } from './policy-ast.ts';

/**
 * The canonical text of a policy: `parsePolicy(printPolicy(p))` deep-equals
 * `p`, and two policies are the same policy exactly when their canonical
 * texts are equal — so the ledger stores and compares the text.
 *
 * - a lone principal clause at the top is written `ANY role@org`;
 * - a threshold over N copies of one principal clause with n = N ≥ 2 is
 *   `N OF role@org`;
 * - otherwise n = all → `ALL(…)`, n = 1 → `ANY(…)`, else `n OF (…)`;
 * - keywords upper case, `, ` between clauses, no other spaces.
 */
export function printPolicy(policy: Policy): string {
  return policy.kind === 'principal' ? `ANY ${printPrincipal(policy)}` : printClause(policy);
}

/** Canonical text of a clause in a list (a principal clause without `ANY`). */
export function printClause(clause: PolicyClause): string {
  if (clause.kind === 'principal') return printPrincipal(clause);
  const { n, clauses } = clause;
  const first = clauses[0];
  if (n === clauses.length && n >= 2 && first?.kind === 'principal' && clauses.every((c) => c.kind === 'principal' && c.role === first.role && c.org === first.org)) {
    return `${n} OF ${printPrincipal(first)}`;
  }
  const list = clauses.map(printClause).join(', ');
  if (n === clauses.length) return `ALL(${list})`;
  if (n === 1) return `ANY(${list})`;
  return `${n} OF (${list})`;
}

function printPrincipal(clause: PrincipalClause): string {
  return `${clause.role}@${clause.org}`;
}
