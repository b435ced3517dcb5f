import { resolveOrg } from './actor-pattern.ts';
import type { ApprovalRecord, EvidenceRef } from './case-document.ts';
import type { StepDefinition } from './definition.ts';

/**
 * Whether the approvals collected meet the step's requirement: enough distinct
 * members, and enough of them from each named organization. A step without an
 * approval requirement is complete with its first (only) action.
 */
export function approvalsSatisfied(step: StepDefinition, approvals: readonly ApprovalRecord[], caseOrg: string): boolean {
  const requirement = step.approvals;
  if (requirement === undefined) return approvals.length >= 1;
  const members = new Set(approvals.map((approval) => approval.by.memberId));
  if (members.size < requirement.distinct) return false;
  const from = requirement.from ?? {};
  return Object.keys(from)
    .sort()
    .every((org) => approvals.filter((approval) => approval.by.org === resolveOrg(org, caseOrg)).length >= (from[org] ?? 0));
}

/**
 * The evidence types the step still lacks, given everything its approvals
 * brought (each distinct hash counts once), as `type (have/need)`.
 */
export function missingEvidence(step: StepDefinition, evidence: readonly EvidenceRef[]): string[] {
  const missing: string[] = [];
  for (const requirement of step.evidence ?? []) {
    const need = requirement.min ?? 1;
    const have = new Set(evidence.filter((item) => item.type === requirement.type).map((item) => item.hash)).size;
    if (have < need) missing.push(`${requirement.type} (${have}/${need})`);
  }
  return missing;
}
