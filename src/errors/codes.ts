/**
 * The registry of stable error codes. A code, once published, keeps its
 * meaning: clients, stored transaction results and tests depend on it.
 * `status` is the HTTP status the API answers with; `title` is the short,
 * human summary used in problem+json bodies.
 */
export const errorCodes = {
  // crypto
  CRYPTO_BAD_ENCODING: { status: 400, title: 'Value cannot be canonically encoded' },
  CRYPTO_BAD_KEY: { status: 400, title: 'Malformed key' },
  CRYPTO_UNKNOWN_SUITE: { status: 400, title: 'Unknown crypto suite' },

  // merkle
  MERKLE_BAD_RANGE: { status: 400, title: 'Tree size or leaf index out of range' },
  MERKLE_BAD_PROOF: { status: 400, title: 'Merkle proof does not verify' },

  // ledger: transactions
  LEDGER_TX_MALFORMED: { status: 400, title: 'Transaction is malformed' },
  LEDGER_TX_TOO_LARGE: { status: 413, title: 'Transaction exceeds the size limit' },
  LEDGER_TX_BAD_VERSION: { status: 400, title: 'Unsupported transaction version' },
  LEDGER_TX_WRONG_NETWORK: { status: 400, title: 'Transaction is for another network' },
  LEDGER_TX_BAD_SIGNER: { status: 400, title: 'Signer is malformed or unknown' },
  LEDGER_TX_BAD_SIGNATURE: { status: 401, title: 'Transaction signature does not verify' },
  LEDGER_TX_DUPLICATE: { status: 409, title: 'Transaction was already submitted (replay)' },
  LEDGER_TX_TS_OUT_OF_WINDOW: { status: 400, title: 'Transaction timestamp is outside the accepted window' },
  LEDGER_TX_UNKNOWN_CONTRACT: { status: 404, title: 'No such contract' },
  LEDGER_TX_UNKNOWN_FUNCTION: { status: 404, title: 'No such contract function' },
  LEDGER_TX_NOT_FOUND: { status: 404, title: 'No such transaction' },
  LEDGER_BLOCK_NOT_FOUND: { status: 404, title: 'No such block' },
  LEDGER_BLOCK_INVALID: { status: 500, title: 'Block failed validation' },
  LEDGER_STORE_CORRUPT: { status: 500, title: 'Stored ledger data is inconsistent' },
  LEDGER_GENESIS_INVALID: { status: 400, title: 'Genesis document is invalid' },
  LEDGER_QUERY_INVALID: { status: 400, title: 'Query is invalid' },
  LEDGER_COLLECTION_UNKNOWN: { status: 404, title: 'No such collection or index' },
  LEDGER_OVERLOADED: { status: 503, title: 'Node is overloaded; retry later' },
  LEDGER_COMMIT_TIMEOUT: { status: 504, title: 'Transaction accepted but not committed within the wait' },
  LEDGER_NODE_STOPPED: { status: 503, title: 'Node is stopping or stopped' },

  // runtime: results of executed transactions
  RUNTIME_BAD_ARGS: { status: 400, title: 'Contract function arguments are invalid' },
  RUNTIME_NOT_FOUND: { status: 404, title: 'Document not found' },
  RUNTIME_CONFLICT: { status: 409, title: 'Document already exists or changed' },
  RUNTIME_FORBIDDEN: { status: 403, title: 'Caller may not do this' },
  RUNTIME_CONTRACT_FAULT: { status: 500, title: 'Contract failed unexpectedly' },

  // identity: certificates, members, access (statuses: a failed credential is 401, a refused action 403)
  IDENTITY_POLICY_SYNTAX: { status: 400, title: 'Policy text does not parse' },
  IDENTITY_POLICY_TOO_COMPLEX: { status: 400, title: 'Policy exceeds the size or evaluation limits' },
  IDENTITY_NAME_INVALID: { status: 400, title: 'Organization, member, role or attribute name is invalid' },
  IDENTITY_CERT_MALFORMED: { status: 400, title: 'Certificate cannot be decoded' },
  IDENTITY_CERT_INVALID: { status: 400, title: 'Certificate does not follow the Custos certificate profile' },
  IDENTITY_CA_INVALID: { status: 400, title: 'Certificate is not a valid organization CA certificate' },
  IDENTITY_CERT_BAD_SIGNATURE: { status: 401, title: 'Certificate signature does not verify' },
  IDENTITY_CERT_EXPIRED: { status: 401, title: 'Certificate has expired' },
  IDENTITY_CERT_NOT_YET_VALID: { status: 401, title: 'Certificate is not yet valid' },
  IDENTITY_CERT_REVOKED: { status: 401, title: 'Certificate has been revoked' },
  IDENTITY_UNKNOWN_CA: { status: 401, title: 'Certificate was not issued by an organization CA of this network' },
  IDENTITY_UNKNOWN_MEMBER: { status: 401, title: 'Signer is not an enrolled member' },
  IDENTITY_KEY_MISMATCH: { status: 403, title: 'Certificate is for another key than the signer' },
  ACCESS_DENIED: { status: 403, title: 'The policy for this action does not admit the caller' },

  // governance
  GOV_PROPOSAL_CLOSED: { status: 409, title: 'Proposal is no longer open' },
  GOV_ALREADY_APPROVED: { status: 409, title: 'This member already approved the proposal' },

  // procedures: definitions (static checks), case actions, calendars
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
  PROC_ACTION_INVALID: { status: 400, title: 'Case action is malformed' },
  PROC_CASE_INVALID: { status: 400, title: 'Case cannot be opened with these arguments' },
  PROC_DEFINITION_MISMATCH: { status: 409, title: 'Case runs on another definition or version' },
  PROC_CASE_CLOSED: { status: 409, title: 'Case is closed' },
  PROC_STEP_UNKNOWN: { status: 404, title: 'No such step in this procedure' },
  PROC_STEP_NOT_ALLOWED: { status: 403, title: 'Actor may not take this step' },
  PROC_STEP_WRONG_STATE: { status: 409, title: 'Step cannot be taken in the current state' },
  PROC_APPROVALS_PENDING: { status: 409, title: 'An earlier step still lacks the approvals it needs' },
  PROC_APPROVAL_DUPLICATE: { status: 409, title: 'Member has already approved this step' },
  PROC_FORM_INVALID: { status: 400, title: 'Form data does not match the step form schema' },
  PROC_EVIDENCE_INVALID: { status: 400, title: 'Evidence is malformed or not asked for by this step' },
  PROC_EVIDENCE_NOT_ANCHORED: { status: 400, title: 'Evidence hash is not anchored by the notary' },
  PROC_EVIDENCE_MISSING: { status: 400, title: 'Step requires evidence that was not supplied' },
  PROC_GUARD_FALSE: { status: 409, title: 'Step guard is false' },
  PROC_GUARD_ERROR: { status: 409, title: 'Step guard failed to evaluate' },
  PROC_DEADLINE_UNKNOWN: { status: 404, title: 'No running deadline with this id on the case' },
  PROC_DEADLINE_NOT_EXTENSIBLE: { status: 409, title: 'Deadline cannot be extended (again)' },
  PROC_CALENDAR_INVALID: { status: 400, title: 'Working-day calendar data is invalid' },
  PROC_CALENDAR_OUT_OF_RANGE: { status: 409, title: 'Date lies outside the working-day calendar' },

  // prison app: registry, points, sentences, alerts, money, posts
  PRISON_UNKNOWN_PRISON: { status: 404, title: 'No such prison or unit' },
  PRISON_UNKNOWN_PRISONER: { status: 404, title: 'No such prisoner' },
  PRISON_PRISONER_EXISTS: { status: 409, title: 'A prisoner with this id is already registered' },
  PRISON_PRISON_EXISTS: { status: 409, title: 'The prison is already registered' },
  PRISON_NOT_IN_CUSTODY: { status: 409, title: 'The prisoner is not in custody' },
  PRISON_OTHER_PRISON: { status: 403, title: 'The signer belongs to another prison than the prisoner' },
  PRISON_NO_PRISON_ATTRIBUTE: { status: 403, title: 'The signer has no prison attribute' },
  PRISON_DATE_IN_FUTURE: { status: 422, title: 'The date is after the block date' },
  PRISON_DATE_BEFORE_ADMISSION: { status: 422, title: 'The date is before the prisoner was admitted' },
  PRISON_BAD_DATE: { status: 400, title: 'Not a calendar date' },
  PRISON_SCORE_ABOVE_CAP: { status: 422, title: 'A score is above the cap of its part' },
  PRISON_SCORE_DUPLICATE_DAY: { status: 409, title: 'The day is already scored for this prisoner; correct it instead' },
  PRISON_SCORE_NO_LABOUR_PART: { status: 422, title: 'The prisoner is assessed without the labour part' },
  PRISON_ENTRY_NOT_FOUND: { status: 404, title: 'No such score entry' },
  PRISON_CORRECTION_EMPTY: { status: 422, title: 'The correction changes nothing' },
  PRISON_MONTH_NOT_ENDED: { status: 422, title: 'The month has not ended yet' },
  PRISON_MONTH_ALREADY_CLOSED: { status: 409, title: 'The month is already closed for this prisoner' },
  PRISON_BONUS_ABOVE_CAP: { status: 422, title: 'The special bonus is above the per-award or yearly cap' },
  PRISON_BAD_CONFINEMENT: { status: 422, title: 'Confinement must last 7 to 15 days (Prison Law art. 58)' },
  PRISON_CYCLE_NOT_FULL: { status: 409, title: 'The assessment cycle is not full or not in this state' },
  PRISON_GRADE_NOT_ALLOWED: { status: 422, title: 'This grade is not allowed for the cycle' },
  PRISON_SAME_PERSON: { status: 403, title: 'The same person may not take both steps' },
  PRISON_UNKNOWN_LEVEL: { status: 422, title: 'No such management level' },
  PRISON_RULES_INVALID: { status: 422, title: 'The rule parameters are inconsistent' },
  PRISON_RULES_VERSION: { status: 409, title: 'Rule versions must increase by one' },
  PRISON_SENTENCE_INVALID: { status: 422, title: 'The sentence or its history is inconsistent' },
  PRISON_REDUCTION_ABOVE_MAXIMUM: { status: 422, title: 'The reduction is above the maximum the law allows' },
  PRISON_BELOW_MINIMUM_SERVED: { status: 422, title: 'The reduction would cut the term below the minimum to be served' },
  PRISON_COMMUTATION_BARRED: { status: 422, title: 'No commutation is allowed for this sentence' },
  PRISON_RULING_EXISTS: { status: 409, title: 'A ruling for this case is already recorded' },
  PRISON_PROPERTY_NOT_FOUND: { status: 404, title: 'No such property judgment' },
  PRISON_PROPERTY_EXISTS: { status: 409, title: 'The property judgment is already recorded' },
  PRISON_OVERPAYMENT: { status: 422, title: 'The payment exceeds what is owed' },
  PRISON_INSUFFICIENT_FUNDS: { status: 422, title: 'The account balance is too low' },
  PRISON_SAME_PRISON: { status: 422, title: 'The transfer goes to the prison the prisoner is in' },
  PRISON_ALERT_NOT_FOUND: { status: 404, title: 'No such alert' },
  PRISON_ALERT_CLOSED: { status: 409, title: 'The alert is already closed' },
  PRISON_UNKNOWN_POST: { status: 422, title: 'No such post' },
  PRISON_POST_COOLING_OFF: { status: 422, title: 'The officer held this post too recently to return to it' },

  PRISON_SPENDING_LIMIT: { status: 422, title: "The spending is above the month's limit for the management level" },
  PRISON_CASE_NOT_FOUND: { status: 404, title: 'No such procedure case about a prisoner' },
  PRISON_CASE_WRONG_STATE: { status: 409, title: 'The case is not at the stage this action needs' },
  PRISON_DISCLOSURE_NOT_ANCHORED: { status: 422, title: 'The disclosed document is not anchored by the notary' },
  PRISON_DISCLOSURE_EXISTS: { status: 409, title: 'This document is already disclosed' },
  PRISON_DISCLOSURE_NOT_FOUND: { status: 404, title: 'No disclosure with this verification code' },

  // prison app: eligibility calculators
  PRISON_ELIGIBILITY_BAD_INPUT: { status: 400, title: 'Eligibility input is malformed' },
  PRISON_ELIGIBILITY_HISTORY_INCONSISTENT: { status: 422, title: 'Sentence history is inconsistent with the sentence or the law' },
  PRISON_ELIGIBILITY_RULES_NOT_IN_FORCE: { status: 422, title: 'The rules were not in force on the as-of date' },

  // notary contract
  NOTARY_ALREADY_ANCHORED: { status: 409, title: 'Document hash is already anchored' },

  // people's sign-in (node-local accounts)
  AUTH_REQUIRED: { status: 401, title: 'Sign in first' },
  AUTH_BAD_CREDENTIALS: { status: 401, title: 'Organization, member or password is wrong' },
  AUTH_TOTP_REQUIRED: { status: 401, title: 'A one-time code is required' },
  AUTH_LOCKED: { status: 429, title: 'Too many failed sign-ins; account temporarily locked' },
  AUTH_SESSION_EXPIRED: { status: 401, title: 'Session expired' },
  AUTH_ACCOUNT_EXISTS: { status: 409, title: 'Account already exists' },

  // consortium mode: NATS ordering, checkpoints, snapshots
  ORDERING_UNAVAILABLE: { status: 503, title: 'The ordering service (NATS) cannot be reached or did not acknowledge' },
  ORDERING_CONFIG_INVALID: { status: 400, title: 'Ordering configuration is invalid' },
  ORDERING_BLOCK_MESSAGE_INVALID: { status: 400, title: 'A message on the BLOCKS stream is not a valid block' },
  ORDERING_BLOCKS_TRIMMED: { status: 503, title: 'The BLOCKS stream no longer holds the blocks this node needs; restore a snapshot' },
  CONSORTIUM_CONFIG_INVALID: { status: 400, title: 'genesis.extensions.consortium is invalid' },
  CONSORTIUM_DIVERGED: { status: 500, title: 'This node disagrees with a final checkpoint and has stopped' },
  CONSORTIUM_STATE_ALTERED: { status: 500, title: 'The stored state does not match this node\'s signed checkpoint' },
  CONSORTIUM_BLOCK_REJECTED: { status: 500, title: 'A block on the BLOCKS stream failed validation and was skipped' },
  CONSORTIUM_SNAPSHOT_INVALID: { status: 400, title: 'Snapshot failed verification' },
  CONSORTIUM_SNAPSHOT_UNAVAILABLE: { status: 503, title: 'No node answered with a snapshot' },
  CONSORTIUM_NODE_FAILED: { status: 503, title: 'Consortium node has stopped after a fatal error' },
  CONSORTIUM_LAUNCHER_FAILED: { status: 500, title: 'Local network launcher failed' },

  // api
  API_BAD_REQUEST: { status: 400, title: 'Request is invalid' },
  API_BODY_TOO_LARGE: { status: 413, title: 'Request body too large' },
  API_UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Unsupported media type' },
  API_NOT_FOUND: { status: 404, title: 'No such route' },
  API_RATE_LIMITED: { status: 429, title: 'Too many requests' },
  API_INTERNAL: { status: 500, title: 'Internal error' },

  // cli / node lifecycle
  NODE_DATA_DIR_INVALID: { status: 400, title: 'Data directory is missing or not a Custos node' },
  NODE_ALREADY_INITIALIZED: { status: 409, title: 'Data directory is already initialized' },

  // people's browser-held keys: the node's org CA certifies a key the member's browser holds
  AUTH_BROWSER_KEY_MALFORMED: { status: 400, title: 'Public key is not an Ed25519 key this network accepts' },
  AUTH_BROWSER_KEY_CHALLENGE_INVALID: { status: 400, title: 'Possession challenge is unknown, expired, already used or for another member' },
  AUTH_BROWSER_KEY_PROOF_INVALID: { status: 401, title: 'Possession proof does not verify for this key' },
  AUTH_BROWSER_KEY_ENROLLED: { status: 409, title: 'This key is already enrolled on the ledger' },
  AUTH_BROWSER_KEY_NO_CA: { status: 409, title: 'This node does not hold the organization CA that would certify the key' },

  // custos demo: a simulated history cannot be written before blocks the ledger already has
  NODE_DEMO_LEDGER_AFTER_HISTORY: { status: 409, title: 'The ledger has blocks later than the demo history would start' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCodes, value);
}
