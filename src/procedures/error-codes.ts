/**
 * Stable error codes of the procedure engine, in the shape of the registry in
 * `src/errors/codes.ts` (to be merged there). A code, once published, keeps its
 * meaning: stored transaction results and clients depend on it.
 *
 * `PROC_DEF_*` codes name a problem in a procedure definition (static checks,
 * run before governance accepts a definition); the other codes are the reasons
 * a case action is rejected (the case is then left unchanged).
 */
export const procedureErrorCodes = {
  // definitions: loading and static checks
  PROC_DEF_YAML: { status: 400, title: 'Procedure definition is not valid YAML' },
  PROC_DEF_SCHEMA: { status: 400, title: 'Procedure definition does not match the definition schema' },
  PROC_DEF_INVALID: { status: 400, title: 'Procedure definition failed its static checks' },
  PROC_DEF_DUPLICATE_ID: { status: 400, title: 'Two steps or deadlines of a definition share an id' },
  PROC_DEF_UNKNOWN_STATE: { status: 400, title: 'Definition names a state it does not declare' },
  PROC_DEF_UNKNOWN_STEP: { status: 400, title: 'Definition names a step it does not declare' },
  PROC_DEF_BAD_INITIAL: { status: 400, title: 'Initial state of a definition is final' },
  PROC_DEF_UNREACHABLE_STATE: { status: 400, title: 'State cannot be reached from the initial state' },
  PROC_DEF_DEAD_END: { status: 400, title: 'Non-final state has no way out' },
  PROC_DEF_NO_PATH_TO_FINAL: { status: 400, title: 'No final state can be reached from this state' },
  PROC_DEF_FINAL_HAS_EXIT: { status: 400, title: 'A step leaves a final state' },
  PROC_DEF_UNKNOWN_ROLE: { status: 400, title: 'Definition names a role the network does not have' },
  PROC_DEF_UNKNOWN_ORG: { status: 400, title: 'Definition names an organization the network does not have' },
  PROC_DEF_BAD_GUARD: { status: 400, title: 'Guard expression does not compile to a bool' },
  PROC_DEF_BAD_FORM_SCHEMA: { status: 400, title: 'Form schema is not a valid JSON Schema' },
  PROC_DEF_BAD_STEP: { status: 400, title: 'Step is inconsistent (automatic step with actors, or manual step without)' },
  PROC_DEF_BAD_APPROVALS: { status: 400, title: 'Approval requirement can never be met' },
  PROC_DEF_BAD_DEADLINE: { status: 400, title: 'Deadline is inconsistent with its state or step' },
  PROC_DEF_BAD_WITHDRAW: { status: 400, title: 'Withdrawal does not lead to a final state' },

  // cases: rejected actions
  PROC_ACTION_INVALID: { status: 400, title: 'Case action is malformed' },
  PROC_CASE_INVALID: { status: 400, title: 'Case cannot be opened with these arguments' },
  PROC_DEFINITION_MISMATCH: { status: 409, title: 'Case runs on another definition or version' },
  PROC_CASE_CLOSED: { status: 409, title: 'Case is closed' },
  PROC_STEP_UNKNOWN: { status: 404, title: 'No such step in this procedure' },
  PROC_STEP_NOT_ALLOWED: { status: 403, title: 'Actor may not take this step' },
  PROC_STEP_WRONG_STATE: { status: 409, title: 'Step cannot be taken in the current state' },
  PROC_APPROVAL_DUPLICATE: { status: 409, title: 'Member has already approved this step' },
  PROC_FORM_INVALID: { status: 400, title: 'Form data does not match the step form schema' },
  PROC_EVIDENCE_INVALID: { status: 400, title: 'Evidence is malformed or not asked for by this step' },
  PROC_EVIDENCE_NOT_ANCHORED: { status: 400, title: 'Evidence hash is not anchored by the notary' },
  PROC_EVIDENCE_MISSING: { status: 400, title: 'Step requires evidence that was not supplied' },
  PROC_GUARD_FALSE: { status: 409, title: 'Step guard is false' },
  PROC_GUARD_ERROR: { status: 409, title: 'Step guard failed to evaluate' },
  PROC_DEADLINE_UNKNOWN: { status: 404, title: 'No running deadline with this id on the case' },
  PROC_DEADLINE_NOT_EXTENSIBLE: { status: 409, title: 'Deadline cannot be extended (again)' },

  // working-day calendar
  PROC_CALENDAR_INVALID: { status: 400, title: 'Working-day calendar data is invalid' },
  PROC_CALENDAR_OUT_OF_RANGE: { status: 409, title: 'Date lies outside the working-day calendar' },
} as const satisfies Record<string, { status: number; title: string }>;

/** A code of the procedure engine. */
export type ProcedureErrorCode = keyof typeof procedureErrorCodes;
