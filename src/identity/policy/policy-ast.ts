/**
 * The abstract syntax of access policies. Two node kinds suffice: every
 * surface form (`ANY`, `ALL`, `N OF`) is a threshold over clauses, which keeps
 * the evaluator to one rule. `parsePolicy` builds it, `printPolicy` writes
 * its canonical text.
 */

/** `role@org`: one member of `org` whose roles match `role` (a role, `prefix.*` or `*`). */
export interface PrincipalClause {
  readonly kind: 'principal';
  readonly role: string;
  readonly org: string;
}

/** At least `n` of `clauses` met, each by different principals; `1 <= n <= clauses.length`. */
export interface ThresholdClause {
  readonly kind: 'threshold';
  readonly n: number;
  readonly clauses: readonly PolicyClause[];
}

export type PolicyClause = PrincipalClause | ThresholdClause;

/** A whole policy is a clause; the alias names intent at API boundaries. */
export type Policy = PolicyClause;

/**
 * Someone who signed a transaction or approved a proposal, as the ledger
 * knows them after checking their certificate. Principals are identified by
 * `(org, id)`: member ids are unique only within their organization.
 */
export interface Principal {
  readonly org: string;
  readonly id: string;
  readonly roles: readonly string[];
}
