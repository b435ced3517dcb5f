/**
 * The identity layer: organizations and their CAs, member certificates with
 * roles and attributes, and access policies over them. Pure except where
 * noted (issuing certificates uses WebCrypto and, by default, randomness for
 * keys and serials). See README.md for the policy semantics and the
 * certificate profile.
 */
export { identityErrorCodes, type IdentityErrorCode } from './error-codes.ts';
export { isAttributeName, isAttributeValue, isMemberId, isOrgId, isRoleName, isRolePattern, reservedWords } from './names.ts';
export { memberToPrincipal } from './member-to-principal.ts';

export type { Policy, PolicyClause, Principal, PrincipalClause, ThresholdClause } from './policy/policy-ast.ts';
export { parsePolicy } from './policy/parse-policy.ts';
export { printClause, printPolicy } from './policy/print-policy.ts';
export { evaluatePolicy, principalsSatisfying, type PolicyMatch } from './policy/evaluate-policy.ts';
export { explainPolicy, type PolicyExplanation } from './policy/explain-policy.ts';
export { policyMentions, type PolicyMentions } from './policy/policy-mentions.ts';
export { policyLimits } from './policy/policy-limits.ts';
export { principalMatches, rolePatternMatches } from './policy/principal-matches.ts';

export { certificateProfileOids, custosOidArc, memberUriPrefixes } from './certificates/certificate-profile.ts';
export { createOrgCa, type CreateOrgCaParams, type OrgCa } from './certificates/create-org-ca.ts';
export { issueMemberCertificate, type IssueMemberCertificateParams } from './certificates/issue-member-certificate.ts';
export { renewMemberCertificate, type RenewMemberCertificateParams } from './certificates/renew-member-certificate.ts';
export { parseMemberCertificate, type MemberCertificate } from './certificates/parse-member-certificate.ts';
export type { MemberGrants } from './certificates/member-uris.ts';
export { parseOrgCaCertificate, type OrgCaCertificate } from './certificates/parse-org-ca-certificate.ts';
export { verifyMemberCertificate, type VerifyMemberCertificateOptions } from './certificates/verify-member-certificate.ts';
export {
  certificateStatusAt,
  certificatesExpiringWithin,
  type CertificateTimeStatus,
  type ValidityPeriod,
} from './certificates/certificate-validity.ts';
export { isRevoked } from './certificates/is-revoked.ts';
export { normalizeSerial } from './certificates/serial-number.ts';
