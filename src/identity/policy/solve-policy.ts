import { identityError } from '../identity-error.ts';
import type { Policy, PolicyClause, Principal, PrincipalClause, ThresholdClause } from './policy-ast.ts';
import { policyLimits } from './policy-limits.ts';
import { principalMatches } from './principal-matches.ts';

/*
 * The evaluation engine behind evaluatePolicy, principalsSatisfying and
 * explainPolicy. Not exported from the identity layer.
 *
 * Semantics: a policy is met by a set of principals when one can pick, for
 * every threshold on the way down, n of its clauses, and give every picked
 * role@org clause its own principal matching it. No principal is used twice
 * anywhere in the pick (as in Fabric's signature policies: one signature
 * counts once), so `ALL(judge@Court, clerk@Court)` needs two people even if
 * one holds both roles, and `2 OF (admin@A, admin@A)` needs two admins of A.
 *
 * Algorithm: principals that match exactly the same clauses are
 * interchangeable, so they are grouped into classes and only counts are
 * tracked. For a clause and a vector of remaining counts, `satisfy` returns
 * every way to meet the clause as the vector left afterwards, keeping only
 * the Pareto-best vectors (leaving more of every class is never worse, since
 * policies are monotone). A threshold is a 0/1-knapsack over its clauses on
 * those frontiers. This is exact — the answer does not depend on the order of
 * principals or on a greedy choice — and everything iterates in a canonical
 * order, so the witness it returns is the same on every node.
 */

interface LeafNode {
  readonly kind: 'principal';
  readonly id: number;
  readonly leaf: number;
  readonly clause: PrincipalClause;
  readonly leaves: readonly number[];
}

interface ThresholdNode {
  readonly kind: 'threshold';
  readonly id: number;
  readonly n: number;
  readonly children: readonly SolverNode[];
  readonly clause: ThresholdClause;
  readonly leaves: readonly number[];
}

export type SolverNode = LeafNode | ThresholdNode;

/** One role@org clause given to one class of principals. */
interface Use {
  readonly leaf: number;
  readonly cls: number;
}

/** A way to meet a clause: the counts left afterwards and the uses made. */
export interface Outcome {
  readonly remaining: readonly number[];
  readonly uses: readonly Use[];
}

/** A principal clause matched by one principal, after classes are resolved to people. */
export interface ResolvedUse {
  readonly leaf: number;
  readonly clause: PrincipalClause;
  readonly principalId: string;
}

interface PrincipalClass {
  readonly members: readonly string[];
  readonly matches: readonly boolean[];
}

function compile(policy: Policy): { root: SolverNode; leaves: PrincipalClause[] } {
  const leaves: PrincipalClause[] = [];
  let nextId = 0;
  const visit = (clause: PolicyClause): SolverNode => {
    const id = nextId++;
    if (clause.kind === 'principal') {
      const leaf = leaves.push(clause) - 1;
      return { kind: 'principal', id, leaf, clause, leaves: [leaf] };
    }
    const children = clause.clauses.map(visit);
    return { kind: 'threshold', id, n: clause.n, children, clause, leaves: children.flatMap((c) => c.leaves) };
  };
  return { root: visit(policy), leaves };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Merges duplicates by (org, id) — one person counts once however often listed — and groups by matched clauses. */
function classify(leaves: readonly PrincipalClause[], principals: readonly Principal[]): PrincipalClass[] {
  const merged = new Map<string, { org: string; id: string; roles: Set<string> }>();
  for (const principal of principals) {
    const key = `${principal.org}\u0000${principal.id}`;
    const entry = merged.get(key) ?? { org: principal.org, id: principal.id, roles: new Set<string>() };
    for (const role of principal.roles) entry.roles.add(role);
    merged.set(key, entry);
  }
  const classes = new Map<string, { members: string[]; matches: boolean[] }>();
  for (const entry of merged.values()) {
    const person: Principal = { org: entry.org, id: entry.id, roles: [...entry.roles] };
    const matches = leaves.map((leaf) => principalMatches(leaf, person));
    if (!matches.includes(true)) continue;
    const signature = matches.map((m) => (m ? '1' : '0')).join('');
    const cls = classes.get(signature) ?? { members: [], matches };
    // Every member of a class matches the same clauses, hence has the same org.
    cls.members.push(entry.id);
    classes.set(signature, cls);
  }
  return [...classes.entries()]
    .sort(([a], [b]) => compareStrings(b, a))
    .map(([, cls]) => ({ members: cls.members.sort(compareStrings), matches: cls.matches }));
}

function dominatesOrEquals(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! < b[i]!) return false;
  return true;
}

/** Adds `outcome` to a Pareto frontier unless something already there leaves at least as much. */
function addToFrontier(frontier: Outcome[], outcome: Outcome): void {
  if (frontier.some((kept) => dominatesOrEquals(kept.remaining, outcome.remaining))) return;
  for (let i = frontier.length - 1; i >= 0; i--) {
    if (dominatesOrEquals(outcome.remaining, frontier[i]!.remaining)) frontier.splice(i, 1);
  }
  frontier.push(outcome);
}

/** Evaluation state for one policy against one set of principals. */
export class PolicySolver {
  readonly root: SolverNode;
  /** Principal clauses by leaf index (left to right). */
  readonly leaves: readonly PrincipalClause[];
  readonly initial: readonly number[];
  readonly #classes: readonly PrincipalClass[];
  readonly #memo = new Map<string, Outcome[]>();
  #states = 0;

  constructor(policy: Policy, principals: readonly Principal[]) {
    const { root, leaves } = compile(policy);
    this.root = root;
    this.leaves = leaves;
    this.#classes = classify(leaves, principals);
    // A class can never be used more often than there are clauses.
    this.initial = this.#classes.map((cls) => Math.min(cls.members.length, leaves.length));
  }

  /** The Pareto frontier of ways to meet `node` starting from `remaining`; empty when it cannot be met. */
  satisfy(node: SolverNode, remaining: readonly number[]): Outcome[] {
    const key = `${node.id}|${remaining.join(',')}`;
    const cached = this.#memo.get(key);
    if (cached !== undefined) return cached;
    const result = node.kind === 'principal' ? this.#satisfyLeaf(node, remaining) : this.layers(node, remaining)[node.n]!;
    this.#memo.set(key, result);
    return result;
  }

  /** `layers[k]`: the frontier after meeting exactly k of the node's clauses, for k = 0…n. */
  layers(node: ThresholdNode, remaining: readonly number[]): Outcome[][] {
    const layers: Outcome[][] = Array.from({ length: node.n + 1 }, () => []);
    layers[0]!.push({ remaining, uses: [] });
    for (const child of node.children) {
      // Downwards, so a clause is never counted twice for one threshold (0/1 knapsack).
      for (let k = node.n - 1; k >= 0; k--) {
        for (const before of layers[k]!) {
          for (const after of this.satisfy(child, before.remaining)) {
            this.#count();
            addToFrontier(layers[k + 1]!, { remaining: after.remaining, uses: [...before.uses, ...after.uses] });
          }
        }
      }
    }
    return layers;
  }

  /** Gives each use a person: within a class, members in sorted order, uses in clause order. */
  resolve(uses: readonly Use[]): ResolvedUse[] {
    const handedOut = new Map<number, number>();
    return [...uses]
      .sort((a, b) => a.leaf - b.leaf)
      .map((use) => {
        const index = handedOut.get(use.cls) ?? 0;
        handedOut.set(use.cls, index + 1);
        return { leaf: use.leaf, clause: this.leaves[use.leaf]!, principalId: this.#classes[use.cls]!.members[index]! };
      });
  }

  #satisfyLeaf(node: LeafNode, remaining: readonly number[]): Outcome[] {
    const outcomes: Outcome[] = [];
    for (let cls = 0; cls < this.#classes.length; cls++) {
      if (remaining[cls]! === 0 || !this.#classes[cls]!.matches[node.leaf]) continue;
      this.#count();
      const after = [...remaining];
      after[cls]!--;
      outcomes.push({ remaining: after, uses: [{ leaf: node.leaf, cls }] });
    }
    return outcomes;
  }

  #count(): void {
    if (++this.#states > policyLimits.maxSearchStates) {
      throw identityError('IDENTITY_POLICY_TOO_COMPLEX', `policy evaluation exceeded ${policyLimits.maxSearchStates} search states`, {
        limit: policyLimits.maxSearchStates,
      });
    }
  }
}
