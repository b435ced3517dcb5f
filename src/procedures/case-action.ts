import type { EvidenceRef, JsonObject } from './case-document.ts';
import { isJsonObject } from './json-value.ts';
import { procedureError } from './procedure-error.ts';

/** Take a step — or, on a multi-approval step, approve it. */
export interface StepAction {
  readonly kind: 'step';
  readonly step: string;
  readonly form?: JsonObject;
  readonly evidence?: readonly EvidenceRef[];
}
/** Decline a step: clears its approvals; moves the case to the step's `rejectTo` if it has one. */
export interface RejectAction {
  readonly kind: 'reject';
  readonly step: string;
  readonly reason: string;
}
/** Withdraw the case (closes it in the definition's withdrawal state). */
export interface WithdrawAction {
  readonly kind: 'withdraw';
  readonly reason: string;
}
/** A remark on the case, by anyone the definition names. */
export interface CommentAction {
  readonly kind: 'comment';
  readonly text: string;
}
/** Extend a running deadline, where the definition allows it. */
export interface ExtendAction {
  readonly kind: 'extend';
  readonly deadline: string;
  readonly reason: string;
}

/** Everything a member can do to a case. */
export type CaseAction = StepAction | RejectAction | WithdrawAction | CommentAction | ExtendAction;

const maxText = 2000;
const fields: Record<CaseAction['kind'], { required: readonly string[]; optional: readonly string[] }> = {
  step: { required: ['step'], optional: ['form', 'evidence'] },
  reject: { required: ['step', 'reason'], optional: [] },
  withdraw: { required: ['reason'], optional: [] },
  comment: { required: ['text'], optional: [] },
  extend: { required: ['deadline', 'reason'], optional: [] },
};

/**
 * Checks an action that arrived in a transaction (untrusted JSON) and returns
 * it typed; throws PROC_ACTION_INVALID naming what is wrong.
 */
export function validateAction(value: unknown): CaseAction {
  const invalid = (why: string): never => {
    throw procedureError('PROC_ACTION_INVALID', `action is invalid: ${why}`);
  };
  if (!isJsonObject(value)) return invalid('not a JSON object');
  const kind = value['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(fields, kind)) return invalid(`unknown kind ${JSON.stringify(kind)}`);
  const spec = fields[kind as CaseAction['kind']];
  for (const key of Object.keys(value)) {
    if (key !== 'kind' && !spec.required.includes(key) && !spec.optional.includes(key)) invalid(`unexpected field '${key}'`);
  }
  for (const key of spec.required) {
    const field = value[key];
    if (typeof field !== 'string' || field.length === 0 || field.length > maxText) invalid(`'${key}' must be a string of 1 to ${maxText} characters`);
  }
  if (value['form'] !== undefined && (typeof value['form'] !== 'object' || value['form'] === null || Array.isArray(value['form']))) invalid("'form' must be an object");
  const evidence = value['evidence'];
  if (evidence !== undefined) {
    if (!Array.isArray(evidence)) return invalid("'evidence' must be a list");
    evidence.forEach((item, i) => {
      const ok = typeof item === 'object' && item !== null && !Array.isArray(item) && Object.keys(item).sort().join() === 'hash,type' && typeof item['type'] === 'string' && typeof item['hash'] === 'string';
      if (!ok) invalid(`evidence[${i}] must be {type, hash}`);
    });
  }
  return value as unknown as CaseAction;
}
