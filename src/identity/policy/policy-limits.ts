/**
 * Bounds on policies. They are consensus rules, not node options: a policy
 * one node accepts and another refuses would split the network, so they live
 * here as constants and change only with a new ledger version.
 */
export const policyLimits = {
  /** Characters of policy text. */
  maxTextLength: 4096,
  /** Principal clauses in one policy (after expanding `N OF role@org`); also the largest N. */
  maxPrincipalClauses: 64,
  /** Nesting depth of thresholds. */
  maxDepth: 8,
  /**
   * Search steps (ways of meeting a clause tried, plus frontier comparisons)
   * one evaluation may take. Deciding a nested policy with distinct
   * principals is a packing problem, NP-hard in general; real policies take
   * a few hundred steps, and the cap turns a pathological one into the same
   * IDENTITY_POLICY_TOO_COMPLEX on every node — after roughly 0.1 s — instead
   * of a stalled commit.
   */
  maxSearchSteps: 1_000_000,
} as const;
