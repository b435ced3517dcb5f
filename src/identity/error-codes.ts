/**
 * Error codes of the identity layer, in the shape of `src/errors/codes.ts`,
 * to be merged into that registry. Until then `identityError` raises them.
 *
 * Status choice: a certificate is a credential, so every way it fails to
 * authenticate its holder (bad signature, expired, not yet valid, revoked,
 * issued by a CA we do not trust for that organization) is 401, like
 * LEDGER_TX_BAD_SIGNATURE; input that is broken regardless of who sends it
 * (unparseable certificate, off-profile certificate, bad policy text, bad
 * names) is 400.
 */
export const identityErrorCodes = {
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
  IDENTITY_UNKNOWN_CA: { status: 401, title: 'Certificate was not issued by the organization CA' },
} as const satisfies Record<string, { status: number; title: string }>;

export type IdentityErrorCode = keyof typeof identityErrorCodes;
