import { identityError } from '../identity-error.ts';
import { isMemberId, isOrgId } from '../names.ts';
import { certificateProfileOids } from './certificate-profile.ts';
import { decodeCertificate, singleField, type DecodedCertificate } from './decode-certificate.ts';
import { urisToGrants, type MemberGrants } from './member-uris.ts';
import { x509 } from './x509.ts';

/** What a member certificate says about its holder. */
export interface MemberCertificate extends MemberGrants {
  /** Subject CN. Unique within the organization only. */
  readonly memberId: string;
  /** Subject O. */
  readonly org: string;
  /** `ed25519:…` — the key the member signs transactions with. */
  readonly publicKey: string;
  /** Lower-case hex without leading zeros; unique per issuing CA. */
  readonly serial: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Authority key identifier: the `keyId` of the issuing organization CA, lower-case hex. */
  readonly issuerKeyId: string;
  /** SHA-256 of this certificate's DER, lower-case hex. */
  readonly fingerprint: string;
}

/** Internal: the parsed member and what verification needs from the decoding. */
export function readMember(pem: string): { member: MemberCertificate; decoded: DecodedCertificate } {
  const decoded = decodeCertificate(pem, 'IDENTITY_CERT_INVALID');
  const { certificate } = decoded;
  const fail = (why: string): never => {
    throw identityError('IDENTITY_CERT_INVALID', `not a Custos member certificate: ${why}`, { serial: decoded.serial });
  };
  const policies = certificate.getExtension(x509.CertificatePolicyExtension)?.policies ?? [];
  // The profile OID keeps other certificates a CA may issue (a node's TLS
  // certificate, say) from being taken for a member's.
  if (!policies.includes(certificateProfileOids.memberV1)) fail(`certificate policy ${certificateProfileOids.memberV1} missing`);
  const memberId = singleField(certificate.subjectName, 'CN');
  const org = singleField(certificate.subjectName, 'O');
  if (memberId === undefined || !isMemberId(memberId)) fail('subject CN must be one valid member id');
  if (org === undefined || !isOrgId(org)) fail('subject O must be one valid organization id');
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  if (basic === null || basic.ca) fail('basicConstraints must be present with CA:FALSE');
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  if (usage === null || (usage.usages & x509.KeyUsageFlags.digitalSignature) === 0) fail('keyUsage digitalSignature missing');
  if ((usage!.usages & (x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign)) !== 0) fail('a member key must not sign certificates');
  const issuerKeyId = certificate.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId;
  if (issuerKeyId === undefined || issuerKeyId === '') fail('authorityKeyIdentifier missing');
  const san = certificate.getExtension(x509.SubjectAlternativeNameExtension);
  const uris = (san?.names.items ?? []).filter((name) => name.type === 'url').map((name) => name.value);
  const member: MemberCertificate = Object.freeze({
    memberId: memberId!,
    org: org!,
    ...urisToGrants(uris),
    publicKey: decoded.publicKey,
    serial: decoded.serial,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    issuerKeyId: issuerKeyId!.toLowerCase(),
    fingerprint: decoded.fingerprint,
  });
  return { member, decoded };
}

/**
 * Parses a member certificate and checks it follows the member profile.
 * Does not check who signed it or when it is valid: that is
 * `verifyMemberCertificate`.
 *
 * @throws IDENTITY_CERT_MALFORMED, IDENTITY_CERT_INVALID
 */
export function parseMemberCertificate(pem: string): MemberCertificate {
  return readMember(pem).member;
}
