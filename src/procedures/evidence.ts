import type { EvidenceRef } from './case-document.ts';
import type { StepDefinition } from './definition.ts';
import { procedureError } from './procedure-error.ts';

/**
 * A document hash as the notary anchors it: 64 lowercase hex digits (SHA-256
 * or SM3), optionally prefixed by the algorithm (`sha256:…`, `sm3:…`).
 */
export const evidenceHashPattern = /^(?:[a-z0-9]{1,16}:)?[0-9a-f]{64}$/;

/**
 * Checks the evidence given with one action: each item is of a type the step
 * asks for, with a well-formed hash, given once (PROC_EVIDENCE_INVALID), and
 * anchored by the notary when the contract can tell (PROC_EVIDENCE_NOT_ANCHORED).
 */
export function checkEvidence(step: StepDefinition, evidence: readonly EvidenceRef[], isAnchored: ((hash: string) => boolean) | undefined): void {
  const types = new Set((step.evidence ?? []).map((requirement) => requirement.type));
  const seen = new Set<string>();
  evidence.forEach((item, i) => {
    if (!types.has(item.type)) {
      throw procedureError('PROC_EVIDENCE_INVALID', `evidence[${i}]: step '${step.id}' does not ask for documents of type '${item.type}'`, { index: i, type: item.type });
    }
    if (!evidenceHashPattern.test(item.hash)) {
      throw procedureError('PROC_EVIDENCE_INVALID', `evidence[${i}]: '${item.hash}' is not a document hash (64 lowercase hex digits)`, { index: i });
    }
    const key = `${item.type} ${item.hash}`;
    if (seen.has(key)) throw procedureError('PROC_EVIDENCE_INVALID', `evidence[${i}]: the same ${item.type} document is given twice`, { index: i });
    seen.add(key);
    if (isAnchored !== undefined && !isAnchored(item.hash)) {
      throw procedureError('PROC_EVIDENCE_NOT_ANCHORED', `evidence[${i}]: document ${item.hash} is not anchored by the notary`, { index: i, hash: item.hash });
    }
  });
}
