import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import { identityError } from '../identity-error.ts';
import { isOrgId } from '../names.ts';
import { decodeCertificate, singleField, type DecodedCertificate } from './decode-certificate.ts';
import { x509 } from './x509.ts';

/** An organization's root CA certificate, as the ledger's organization registry keeps it. */
export interface OrgCaCertificate {
  /** Organization id: the subject O. */
  readonly org: string;
  /** Display name: the subject CN. */
  readonly name: string;
  /** `ed25519:…` */
  readonly publicKey: string;
  /** Subject key identifier, lower-case hex; member certificates name their CA by it. */
  readonly keyId: string;
  readonly serial: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 of the DER, lower-case hex. */
  readonly fingerprint: string;
}

/** Internal: the parsed CA and what verification needs from the decoding. */
export function readOrgCa(pem: string): { ca: OrgCaCertificate; decoded: DecodedCertificate } {
  const decoded = decodeCertificate(pem, 'IDENTITY_CA_INVALID');
  const { certificate, parts, publicKey } = decoded;
  const fail = (why: string): never => {
    throw identityError('IDENTITY_CA_INVALID', `not an organization CA certificate: ${why}`, { serial: decoded.serial });
  };
  const org = singleField(certificate.subjectName, 'O');
  const name = singleField(certificate.subjectName, 'CN');
  if (org === undefined || !isOrgId(org)) fail('subject O must be one valid organization id');
  if (name === undefined) fail('subject CN must be present once');
  // A root: self-issued and self-signed (RFC 5280 §6.1 trust anchor).
  if (certificate.issuer !== certificate.subject) fail('issuer differs from subject');
  if (!ed25519Suite.verify(publicKey, parts.tbs, parts.signature)) fail('self-signature does not verify');
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  if (basic === null || !basic.ca) fail('basicConstraints CA:TRUE missing');
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  if (usage === null || (usage.usages & x509.KeyUsageFlags.keyCertSign) === 0) fail('keyUsage keyCertSign missing');
  const keyId = certificate.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId;
  if (keyId === undefined || keyId === '') fail('subjectKeyIdentifier missing');
  const ca: OrgCaCertificate = Object.freeze({
    org: org!,
    name: name!,
    publicKey,
    keyId: keyId!.toLowerCase(),
    serial: decoded.serial,
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
    fingerprint: decoded.fingerprint,
  });
  return { ca, decoded };
}

/**
 * Parses and checks an organization root CA certificate: Ed25519,
 * self-signed, CA:TRUE with keyCertSign, subject O a valid organization id,
 * a subject key identifier. Validity dates are reported, not judged: whether
 * the CA is current depends on the time of the question.
 *
 * @throws IDENTITY_CERT_MALFORMED, IDENTITY_CA_INVALID
 */
export function parseOrgCaCertificate(pem: string): OrgCaCertificate {
  return readOrgCa(pem).ca;
}
