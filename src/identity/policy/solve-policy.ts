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

/**
 * Adds `outcome` to a Pareto frontier unless something already there leaves
 * at least as much. Returns the comparisons made, which the step budget counts.
 */
function addToFrontier(frontier: Outcome[], outcome: Outcome): number {
  const comparisons = frontier.length;
  if (frontier.some((kept) => dominatesOrEquals(kept.remaining, outcome.remaining))) return comparisons;
  for (let i = frontier.length - 1; i >= 0; i--) {
    if (dominatesOrEquals(outcome.remaining, frontier[i]!.remaining)) frontier.splice(i, 1);
  }
  frontier.push(outcome);
  return 2 * comparisons;
}

function project(remaining: readonly number[], keep: readonly boolean[]): number[] {
  return remaining.map((count, c) => (keep[c] ? count : 0));
}

/** How the classes bear on one threshold node; computed once per node. */
interface Relevance {
  /** After its i-th clause: classes a later clause of the node, or a clause outside it, could still use. */
  readonly keepAfter: readonly (readonly boolean[])[];
  /** Flat (only role@org clauses) and sharing no class with the rest of the policy: plain bipartite matching. */
  readonly matchable: boolean;
}

/** Evaluation state for one policy against one set of principals. */
export class PolicySolver {
  readonly root: SolverNode;
  /** Principal clauses by leaf index (left to right). */
  readonly leaves: readonly PrincipalClause[];
  readonly initial: readonly number[];
  readonly #classes: readonly PrincipalClass[];
  readonly #memo = new Map<string, Outcome[]>();
  readonly #relevance = new Map<number, Relevance>();
  #steps = 0;

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

  /**
   * `layers[k]`: the frontier after meeting exactly k of the node's clauses,
   * k = 0…n. For a matchable node only the largest reachable k is filled —
   * all that `satisfy` and the explanation read.
   */
  layers(node: ThresholdNode, remaining: readonly number[]): Outcome[][] {
    const { keepAfter, matchable } = this.#relevanceOf(node);
    if (matchable) return this.#matchingLayers(node, remaining, keepAfter.at(-1)!);
    let layers: Outcome[][] = Array.from({ length: node.n + 1 }, () => []);
    layers[0]!.push({ remaining, uses: [] });
    node.children.forEach((child, i) => {
      const keep = keepAfter[i]!;
      const next: Outcome[][] = Array.from({ length: node.n + 1 }, () => []);
      const add = (k: number, outcome: Outcome): void => {
        this.#count(1 + addToFrontier(next[k]!, { remaining: project(outcome.remaining, keep), uses: outcome.uses }));
      };
      // Each clause is either skipped or met once (0/1 knapsack over the clauses).
      layers.forEach((layer, k) => layer.forEach((before) => add(k, before)));
      for (let k = 0; k < node.n; k++) {
        for (const before of layers[k]!) {
          for (const after of this.satisfy(child, before.remaining)) add(k + 1, { remaining: after.remaining, uses: [...before.uses, ...after.uses] });
        }
      }
      layers = next;
    });
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

  /**
   * Forgetting classes nobody later can use merges states that differ only
   * in them — what keeps `14 OF (admin@Org1, …, admin@Org20)` linear instead
   * of C(20, 14) states. A flat node whose classes nobody outside can use is
   * plain bipartite matching and skips the frontier altogether.
   */
  #relevanceOf(node: ThresholdNode): Relevance {
    const cached = this.#relevance.get(node.id);
    if (cached !== undefined) return cached;
    const inside = new Set(node.leaves);
    const usableBy = (leaves: Iterable<number>): boolean[] => {
      const usable = this.#classes.map(() => false);
      for (const leaf of leaves) this.#classes.forEach((cls, c) => (usable[c] ||= cls.matches[leaf]!));
      return usable;
    };
    const outside = usableBy([...this.leaves.keys()].filter((leaf) => !inside.has(leaf)));
    const keepAfter = node.children.map((_, i) => {
      const later = usableBy(node.children.slice(i + 1).flatMap((child) => child.leaves));
      return later.map((usable, c) => usable || outside[c]!);
    });
    const usedInside = usableBy(node.leaves);
    const matchable = node.children.every((child) => child.kind === 'principal') && !usedInside.some((used, c) => used && outside[c]!);
    const relevance = { keepAfter, matchable };
    this.#relevance.set(node.id, relevance);
    return relevance;
  }

  /**
   * Maximum bipartite matching of the node's clauses to classes (capacity =
   * remaining count), by augmenting paths in clause and class order, stopping
   * at n matched clauses. Polynomial, and deterministic in its pick.
   */
  #matchingLayers(node: ThresholdNode, remaining: readonly number[], keep: readonly boolean[]): Outcome[][] {
    const leaves = node.leaves;
    const classOf = new Map<number, number>();
    const load = remaining.map(() => 0);
    const holders = (cls: number): number[] => leaves.filter((leaf) => classOf.get(leaf) === cls);
    // Finds `leaf` a class, moving already matched clauses to other classes if need be.
    const augment = (leaf: number, visited: Set<number>): boolean => {
      for (let cls = 0; cls < this.#classes.length; cls++) {
        this.#count(1);
        if (visited.has(cls) || remaining[cls]! === 0 || !this.#classes[cls]!.matches[leaf]) continue;
        visited.add(cls);
        if (load[cls]! < remaining[cls]!) {
          load[cls]!++;
          classOf.set(leaf, cls);
          return true;
        }
        // Full: `leaf` takes the place of a holder that finds another class.
        if (holders(cls).some((holder) => augment(holder, visited))) {
          classOf.set(leaf, cls);
          return true;
        }
      }
      return false;
    };
    for (const leaf of leaves) {
      if (classOf.size === node.n) break;
      augment(leaf, new Set());
    }
    const uses = [...classOf].map(([leaf, cls]) => ({ leaf, cls }));
    const after = [...remaining];
    for (const use of uses) after[use.cls]!--;
    const layers: Outcome[][] = Array.from({ length: node.n + 1 }, () => []);
    layers[uses.length]!.push({ remaining: project(after, keep), uses });
    return layers;
  }

  #satisfyLeaf(node: LeafNode, remaining: readonly number[]): Outcome[] {
    const outcomes: Outcome[] = [];
    for (let cls = 0; cls < this.#classes.length; cls++) {
      if (remaining[cls]! === 0 || !this.#classes[cls]!.matches[node.leaf]) continue;
      this.#count(1);
      const after = [...remaining];
      after[cls]!--;
      outcomes.push({ remaining: after, uses: [{ leaf: node.leaf, cls }] });
    }
    return outcomes;
  }

  #count(steps: number): void {
    this.#steps += steps;
    if (this.#steps > policyLimits.maxSearchSteps) {
      throw identityError('IDENTITY_POLICY_TOO_COMPLEX', `policy evaluation exceeded ${policyLimits.maxSearchSteps} search steps`, {
        limit: policyLimits.maxSearchSteps,
      });
    }
  }
}
