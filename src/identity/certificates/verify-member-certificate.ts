import { identityError } from '../identity-error.ts';
import { certificateStatusAt, type ValidityPeriod } from './certificate-validity.ts';
import { checkIssuedBy } from './check-issued-by.ts';
import { isRevoked } from './is-revoked.ts';
import { readMember, type MemberCertificate } from './parse-member-certificate.ts';
import { readOrgCa } from './parse-org-ca-certificate.ts';

export interface VerifyMemberCertificateOptions {
  /** The time the question is asked for: the block time at commit, never the wall clock. */
  readonly at: Date;
  /** Serials the organization (the CA) has revoked, in any hex spelling. */
  readonly revokedSerials?: Iterable<string>;
}

function checkTime(period: ValidityPeriod, at: Date, what: string, details: Record<string, unknown>): void {
  const status = certificateStatusAt(period, at);
  if (status === 'expired') {
    throw identityError('IDENTITY_CERT_EXPIRED', `${what} expired at ${period.notAfter.toISOString()}`, { ...details, notAfter: period.notAfter.toISOString() });
  }
  if (status === 'not-yet-valid') {
    throw identityError('IDENTITY_CERT_NOT_YET_VALID', `${what} is valid only from ${period.notBefore.toISOString()}`, { ...details, notBefore: period.notBefore.toISOString() });
  }
}

/**
 * Verifies a member certificate against its organization's root CA at time
 * `at` and returns what it certifies. Synchronous and pure (node:crypto
 * Ed25519 verify), so the runtime can call it while executing a block.
 *
 * Checks, in this order (the first failure is reported):
 * 1. the CA certificate is a valid org root (IDENTITY_CA_INVALID);
 * 2. the member certificate follows the member profile (IDENTITY_CERT_INVALID);
 * 3. it names this CA as issuer (IDENTITY_UNKNOWN_CA) and is for the CA's organization;
 * 4. the CA's signature verifies (IDENTITY_CERT_BAD_SIGNATURE);
 * 5. its serial is not revoked (IDENTITY_CERT_REVOKED);
 * 6. the CA, then the member certificate, is valid at `at`
 *    (IDENTITY_CERT_EXPIRED / IDENTITY_CERT_NOT_YET_VALID; `details.certificate`
 *    says `ca` or `member`).
 *
 * Either certificate that does not decode: IDENTITY_CERT_MALFORMED.
 */
export function verifyMemberCertificate(memberPem: string, caPem: string, options: VerifyMemberCertificateOptions): MemberCertificate {
  const { ca, decoded: caDecoded } = readOrgCa(caPem);
  const { member, decoded } = readMember(memberPem);
  checkIssuedBy(member, decoded, ca, caDecoded);
  if (options.revokedSerials !== undefined && isRevoked(member.serial, options.revokedSerials)) {
    throw identityError('IDENTITY_CERT_REVOKED', `certificate ${member.serial} of ${member.memberId}@${member.org} is revoked`, {
      serial: member.serial,
      org: member.org,
    });
  }
  checkTime(ca, options.at, `the CA certificate of ${ca.org}`, { certificate: 'ca', serial: ca.serial, org: ca.org });
  checkTime(member, options.at, `the certificate of ${member.memberId}@${member.org}`, { certificate: 'member', serial: member.serial, org: member.org });
  return member;
}
