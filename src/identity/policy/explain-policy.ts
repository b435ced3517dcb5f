import type { Policy, Principal } from './policy-ast.ts';
import { printClause, printPolicy } from './print-policy.ts';
import { PolicySolver, type Outcome, type SolverNode } from './solve-policy.ts';

/** Why a clause is met or not, for error messages and the console. */
export interface PolicyExplanation {
  readonly satisfied: boolean;
  /** Canonical text of the clause explained. */
  readonly clause: string;
  /** How many of its clauses must be met (1 for a role@org clause). */
  readonly needed: number;
  /** How many can be met at once by different principals (capped at `needed`). */
  readonly has: number;
  /** Principal ids of the best pick found, sorted. */
  readonly by: readonly string[];
  /** One explanation per sub-clause, each judged on its own against all principals. */
  readonly clauses: readonly PolicyExplanation[];
  /** E.g. `needs 2 OF (admin@A, admin@B, admin@C), has 1 of 2: admin@A by alice`. */
  readonly message: string;
}

/**
 * Explains the evaluation of `policy` against `principals`. `has` of the
 * top clause takes the one-principal-one-clause rule into account across all
 * of its sub-clauses; each sub-explanation is computed on its own, so two
 * sub-clauses may both report the same principal.
 */
export function explainPolicy(policy: Policy, principals: readonly Principal[]): PolicyExplanation {
  const solver = new PolicySolver(policy, principals);
  return explainNode(solver, solver.root, true);
}

function explainNode(solver: PolicySolver, node: SolverNode, top: boolean): PolicyExplanation {
  const text = top ? printPolicy(node.clause) : printClause(node.clause);
  let needed: number;
  let has: number;
  let best: Outcome | undefined;
  let clauses: PolicyExplanation[] = [];
  if (node.kind === 'principal') {
    needed = 1;
    best = solver.satisfy(node, solver.initial)[0];
    has = best === undefined ? 0 : 1;
  } else {
    needed = node.n;
    const layers = solver.layers(node, solver.initial);
    has = layers.findLastIndex((layer) => layer.length > 0);
    best = layers[has]![0];
    clauses = node.children.map((child) => explainNode(solver, child, false));
  }
  const uses = best === undefined ? [] : solver.resolve(best.uses);
  // Group the pick by the sub-clause it meets: "judge@Court by alice, bob".
  const met = new Map<string, string[]>();
  const children = node.kind === 'principal' ? [node] : node.children;
  for (const child of children) {
    const ids = uses.filter((use) => child.leaves.includes(use.leaf)).map((use) => use.principalId);
    if (ids.length === 0) continue;
    const childText = printClause(child.clause);
    met.set(childText, [...(met.get(childText) ?? []), ...ids]);
  }
  const metText = [...met].map(([clause, ids]) => `${clause} by ${ids.join(', ')}`).join('; ');
  return {
    satisfied: has === needed,
    clause: text,
    needed,
    has,
    by: uses.map((use) => use.principalId).sort(),
    clauses,
    message: `needs ${text}, has ${has} of ${needed}${metText === '' ? '' : `: ${metText}`}`,
  };
}
