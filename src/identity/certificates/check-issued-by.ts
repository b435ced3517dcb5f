import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import { identityError } from '../identity-error.ts';
import type { DecodedCertificate } from './decode-certificate.ts';
import type { OrgCaCertificate } from './parse-org-ca-certificate.ts';
import type { MemberCertificate } from './parse-member-certificate.ts';

/**
 * Checks that `ca` issued the member certificate: issuer name and authority
 * key identifier point at it, it certifies a member of its own organization,
 * and its signature verifies. Time and revocation are not judged here.
 *
 * @throws IDENTITY_UNKNOWN_CA, IDENTITY_CERT_INVALID, IDENTITY_CERT_BAD_SIGNATURE
 */
export function checkIssuedBy(member: MemberCertificate, decoded: DecodedCertificate, ca: OrgCaCertificate, caDecoded: DecodedCertificate): void {
  const details = { serial: member.serial, org: member.org, caOrg: ca.org };
  if (member.issuerKeyId !== ca.keyId || decoded.certificate.issuer !== caDecoded.certificate.subject) {
    throw identityError('IDENTITY_UNKNOWN_CA', `certificate of ${member.memberId}@${member.org} was not issued by the CA of ${ca.org}`, details);
  }
  // One organization's CA must not be able to enroll members of another.
  if (member.org !== ca.org) {
    throw identityError('IDENTITY_CERT_INVALID', `the CA of ${ca.org} cannot certify a member of ${member.org}`, details);
  }
  if (!ed25519Suite.verify(ca.publicKey, decoded.parts.tbs, decoded.parts.signature)) {
    throw identityError('IDENTITY_CERT_BAD_SIGNATURE', `signature on the certificate of ${member.memberId}@${member.org} does not verify`, details);
  }
}
