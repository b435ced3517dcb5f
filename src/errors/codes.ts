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

  // notary contract
  NOTARY_ALREADY_ANCHORED: { status: 409, title: 'Document hash is already anchored' },

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
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof errorCodes;

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCodes, value);
}
