import type { Checkpoint } from '../../ledger/checkpoint.ts';
import { evaluatePolicy, type Policy, type Principal } from '../../identity/index.ts';

/** What a checkpoint says, without who signed it: two checkpoints agree when these are equal. */
export function checkpointClaim(checkpoint: Checkpoint): string {
  return `${checkpoint.blockHash}/${checkpoint.resultsRoot}/${checkpoint.stateRoot}`;
}

export interface Divergence {
  height: number;
  /** Organizations whose checkpoints made the height final. */
  finalSigners: string[];
  finalClaim: string;
  /** Organizations that signed something else for the same height. */
  dissenters: { org: string; claim: string }[];
}

export interface FinalityEvent {
  /** The height became final with this claim. */
  final?: { height: number; claim: string; signers: string[] };
  /** Checkpoints at a final height disagree with it. */
  divergence?: Divergence;
}

/** Principals for the finality policy: an organization's node is `node@<org>`. */
export function nodePrincipal(org: string): Principal {
  return { org, id: 'node', roles: ['node'] };
}

/** Whether one set of organizations that signed the same claim meets the policy. */
export function meetsFinality(policy: Policy, orgs: Iterable<string>): boolean {
  return evaluatePolicy(policy, [...orgs].map(nodePrincipal));
}

/**
 * Whether stored checkpoints make a block final: the organizations that
 * signed one identical claim meet the policy. For heights the in-memory
 * tracker has forgotten (or never saw, e.g. after a restart).
 */
export function isFinalFromCheckpoints(policy: Policy, checkpoints: readonly Checkpoint[], organizationOfNode: (nodeKey: string) => { id: string } | undefined): boolean {
  const byClaim = new Map<string, Set<string>>();
  for (const checkpoint of checkpoints) {
    const org = organizationOfNode(checkpoint.signer);
    if (org === undefined) continue;
    const claim = checkpointClaim(checkpoint);
    if (!byClaim.has(claim)) byClaim.set(claim, new Set());
    byClaim.get(claim)!.add(org.id);
  }
  return [...byClaim.values()].some((orgs) => meetsFinality(policy, orgs));
}

/**
 * Pure bookkeeping of checkpoints per height: a height becomes final when
 * the organizations that signed one identical claim meet the finality
 * policy; any other claim for a final height is divergence and names who
 * made it. Signatures and signer→organization mapping are checked by the
 * caller. Heights far below the final one are forgotten (`retain`).
 */
export function createFinalityTracker(policy: Policy, retain = 4096) {
  const byHeight = new Map<number, Map<string, Set<string>>>();
  const finalClaims = new Map<number, string>();
  let finalHeight = 0;

  function prune(): void {
    for (const height of byHeight.keys()) if (height < finalHeight - retain) byHeight.delete(height);
    for (const height of finalClaims.keys()) if (height < finalHeight - retain) finalClaims.delete(height);
  }

  function divergenceAt(height: number, claims: Map<string, Set<string>>, finalClaim: string): Divergence | undefined {
    const dissenters: { org: string; claim: string }[] = [];
    for (const [claim, orgs] of claims) if (claim !== finalClaim) for (const org of orgs) dissenters.push({ org, claim });
    if (dissenters.length === 0) return undefined;
    return { height, finalClaim, finalSigners: [...(claims.get(finalClaim) ?? [])].sort(), dissenters: dissenters.sort((a, b) => a.org.localeCompare(b.org)) };
  }

  return {
    /** Adds `org`'s checkpoint; says whether the height became final and whether anyone disagrees with a final claim. */
    add(org: string, checkpoint: Checkpoint): FinalityEvent {
      const { height } = checkpoint;
      if (height < finalHeight - retain) return {};
      let claims = byHeight.get(height);
      if (claims === undefined) byHeight.set(height, (claims = new Map()));
      // An organization speaks once per height: a second, different claim from it counts as both (it is named).
      const claim = checkpointClaim(checkpoint);
      let orgs = claims.get(claim);
      if (orgs === undefined) claims.set(claim, (orgs = new Set()));
      orgs.add(org);
      const event: FinalityEvent = {};
      let finalClaim = finalClaims.get(height);
      if (finalClaim === undefined && meetsFinality(policy, orgs)) {
        finalClaim = claim;
        finalClaims.set(height, claim);
        event.final = { height, claim, signers: [...orgs].sort() };
        if (height > finalHeight) {
          finalHeight = height;
          if (height % 256 === 0) prune();
        }
      }
      if (finalClaim !== undefined) {
        const divergence = divergenceAt(height, claims, finalClaim);
        if (divergence !== undefined) event.divergence = divergence;
      }
      return event;
    },
    finalClaim: (height: number) => finalClaims.get(height),
    /** Highest final height seen (lower heights may not all be final yet). */
    finalHeight: () => finalHeight,
  };
}

export type FinalityTracker = ReturnType<typeof createFinalityTracker>;
