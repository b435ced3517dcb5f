import { identityError } from '../identity-error.ts';
import { isMemberId } from '../names.ts';
import { certificateProfileOids } from './certificate-profile.ts';
import type { OrgCa } from './create-org-ca.ts';
import { keyIdOf, publicKeyToRaw } from './ed25519-keys.ts';
import { grantsToUris } from './member-uris.ts';
import { readOrgCa } from './parse-org-ca-certificate.ts';
import { signCertificate } from './sign-certificate.ts';
import { x509 } from './x509.ts';

export interface IssueMemberCertificateParams {
  readonly ca: OrgCa;
  /** Subject CN: `officer-0042`. */
  readonly memberId: string;
  /** The member's `ed25519:…` key. The member keeps the private key; the CA never sees it. */
  readonly publicKey: string;
  /** `['prison.officer']`. */
  readonly roles: readonly string[];
  /** `{prison: 'JS-07', unit: 'district-3'}`. */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Must lie within the CA's own validity period. */
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Hex; default random. */
  readonly serialNumber?: string;
}

/**
 * Issues a member certificate under the CA: subject CN = member id, O = the
 * CA's organization; roles and attributes as subjectAltName URIs
 * (`urn:custos:role:…`, `urn:custos:attr:name=value`); basicConstraints
 * CA:FALSE and keyUsage digitalSignature, both critical; certificate policy
 * `certificateProfileOids.memberV1`. `openssl verify -CAfile ca.pem` accepts it.
 *
 * @throws IDENTITY_NAME_INVALID, IDENTITY_CA_INVALID, IDENTITY_CERT_INVALID, CRYPTO_BAD_KEY
 */
export async function issueMemberCertificate(params: IssueMemberCertificateParams): Promise<string> {
  const { ca, decoded: caDecoded } = readOrgCa(params.ca.certificatePem);
  if (params.ca.signingKey.publicKey !== ca.publicKey) {
    throw identityError('IDENTITY_CA_INVALID', `signing key does not belong to the CA certificate of ${ca.org}`, { org: ca.org });
  }
  if (!isMemberId(params.memberId)) {
    throw identityError('IDENTITY_NAME_INVALID', `invalid member id ${JSON.stringify(params.memberId)}`, { memberId: params.memberId });
  }
  publicKeyToRaw(params.publicKey);
  const uris = grantsToUris(params.roles, params.attributes ?? {});
  // A certificate that outlives its CA would verify in no chain after the CA
  // expires; refusing it keeps expiry planning honest.
  if (params.notBefore.getTime() < ca.notBefore.getTime() || params.notAfter.getTime() > ca.notAfter.getTime()) {
    throw identityError('IDENTITY_CERT_INVALID', `validity must lie within the CA's, ${ca.notBefore.toISOString()} to ${ca.notAfter.toISOString()}`, {
      org: ca.org,
    });
  }
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.SubjectKeyIdentifierExtension(keyIdOf(params.publicKey)),
    new x509.AuthorityKeyIdentifierExtension(ca.keyId),
    new x509.CertificatePolicyExtension([certificateProfileOids.memberV1]),
  ];
  if (uris.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(uris.map((value) => ({ type: 'url' as const, value }))));
  return signCertificate({
    subject: [{ CN: [params.memberId] }, { O: [ca.org] }],
    // The CA subject as encoded in its certificate, so issuer and subject match byte for byte.
    issuer: caDecoded.certificate.subjectName,
    publicKey: params.publicKey,
    signingKey: params.ca.signingKey,
    notBefore: params.notBefore,
    notAfter: params.notAfter,
    serialNumber: params.serialNumber,
    extensions,
  });
}
