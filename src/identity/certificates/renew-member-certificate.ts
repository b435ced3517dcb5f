import { identityError } from '../identity-error.ts';
import { checkIssuedBy } from './check-issued-by.ts';
import type { OrgCa } from './create-org-ca.ts';
import { issueMemberCertificate } from './issue-member-certificate.ts';
import { readMember } from './parse-member-certificate.ts';
import { readOrgCa } from './parse-org-ca-certificate.ts';
import { normalizeSerial } from './serial-number.ts';

export interface RenewMemberCertificateParams {
  readonly ca: OrgCa;
  /** The certificate being renewed; it may already have expired. */
  readonly certificatePem: string;
  /** A new `ed25519:…` key (rotation); default the old certificate's key. */
  readonly publicKey?: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Hex; default random. Must differ from the old serial. */
  readonly serialNumber?: string;
}

/**
 * Issues the successor of a member certificate: same member, organization,
 * roles and attributes, a new serial and validity period, the same or a new
 * key. The old certificate must have been issued by this CA (checked
 * cryptographically); whether to revoke it is the ledger's decision.
 * Changing roles is not renewal: issue a new certificate.
 *
 * @throws IDENTITY_UNKNOWN_CA, IDENTITY_CERT_BAD_SIGNATURE, IDENTITY_CERT_INVALID, and those of issueMemberCertificate
 */
export async function renewMemberCertificate(params: RenewMemberCertificateParams): Promise<string> {
  const { ca, decoded: caDecoded } = readOrgCa(params.ca.certificatePem);
  const { member, decoded } = readMember(params.certificatePem);
  checkIssuedBy(member, decoded, ca, caDecoded);
  if (params.serialNumber !== undefined && normalizeSerial(params.serialNumber) === member.serial) {
    throw identityError('IDENTITY_CERT_INVALID', 'a renewed certificate needs a new serial number', { serial: member.serial });
  }
  return issueMemberCertificate({
    ca: params.ca,
    memberId: member.memberId,
    publicKey: params.publicKey ?? member.publicKey,
    roles: member.roles,
    attributes: member.attributes,
    notBefore: params.notBefore,
    notAfter: params.notAfter,
    ...(params.serialNumber === undefined ? {} : { serialNumber: params.serialNumber }),
  });
}
