import { explainPolicy, type PolicyExplanation } from '@custos/identity/policy/explain-policy.ts';
import { parsePolicy } from '@custos/identity/policy/parse-policy.ts';

export type ProposalStatus = 'open' | 'adopted' | 'withdrawn';
export const proposalStatuses: readonly ProposalStatus[] = ['open', 'adopted', 'withdrawn'];

/** A governance proposal as the governance contract stores it (`governance.proposals`). */
export interface Proposal {
  id: string;
  action: string;
  title: string;
  payload: Record<string, unknown>;
  policy: string;
  proposer: { org: string; id: string };
  approvals: { org: string; id: string; roles: string[]; height: number }[];
  status: ProposalStatus;
  createdHeight: number;
  decidedHeight?: number;
  effectiveFrom?: number;
}

/**
 * Where the proposal stands against its policy, computed in the browser with
 * the identity layer's own policy code (the contract uses the same functions).
 */
export function explainProposal(proposal: Proposal): PolicyExplanation | null {
  try {
    return explainPolicy(parsePolicy(proposal.policy), proposal.approvals.map((a) => ({ org: a.org, id: a.id, roles: a.roles })));
  } catch {
    return null; // a policy this console cannot parse: the list still shows its text
  }
}

export function hasApproved(proposal: Proposal, member: { org: string; memberId: string }): boolean {
  return proposal.approvals.some((a) => a.org === member.org && a.id === member.memberId);
}

export function isProposer(proposal: Proposal, member: { org: string; memberId: string }): boolean {
  return proposal.proposer.org === member.org && proposal.proposer.id === member.memberId;
}
