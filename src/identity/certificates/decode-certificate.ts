import { createHash } from 'node:crypto';
import { bytesToHex } from '../../crypto/bytes.ts';
import type { IdentityErrorCode } from '../error-codes.ts';
import { identityError } from '../identity-error.ts';
import { extensionOids } from './certificate-profile.ts';
import { splitCertificate, signedWith, type CertificateParts } from './certificate-der.ts';
import { ed25519AlgorithmDer, spkiToPublicKey } from './ed25519-keys.ts';
import { normalizeSerial } from './serial-number.ts';
import { x509 } from './x509.ts';

/** A certificate decoded and checked for what both profiles share. Internal to the identity layer. */
export interface DecodedCertificate {
  readonly certificate: x509.X509Certificate;
  readonly parts: CertificateParts;
  /** `ed25519:…` */
  readonly publicKey: string;
  /** Lower-case hex without leading zeros. */
  readonly serial: string;
  /** SHA-256 of the DER, lower-case hex. */
  readonly fingerprint: string;
}

const pemBlock = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

// RFC 5280 §4.2: a certificate with a critical extension the verifier does
// not know must be refused; these are the ones this profile knows.
const knownExtensions = new Set<string>(Object.values(extensionOids));

/**
 * Decodes one PEM certificate and checks the common ground of the Custos
 * profiles: one certificate only, Ed25519 key and signature, no repeated
 * extension, no unknown critical extension.
 *
 * @throws IDENTITY_CERT_MALFORMED when it does not decode; `profileCode` when it decodes but is off-profile.
 */
export function decodeCertificate(pem: string, profileCode: IdentityErrorCode): DecodedCertificate {
  const blocks = typeof pem === 'string' ? pem.match(pemBlock) ?? [] : [];
  if (blocks.length !== 1) {
    throw identityError('IDENTITY_CERT_MALFORMED', `expected one PEM certificate, found ${blocks.length}`, { blocks: blocks.length });
  }
  let certificate: x509.X509Certificate;
  let extensions: x509.Extension[];
  let der: Uint8Array;
  try {
    certificate = new x509.X509Certificate(blocks[0]!);
    extensions = certificate.extensions;
    der = new Uint8Array(certificate.rawData);
  } catch (error) {
    throw identityError('IDENTITY_CERT_MALFORMED', 'certificate does not decode as X.509', {}, error);
  }
  const parts = splitCertificate(der);
  if (parts === undefined) throw identityError('IDENTITY_CERT_MALFORMED', 'certificate is not DER-structured as RFC 5280 §4.1 requires');
  const fail = (why: string): never => {
    throw identityError(profileCode, why, { serial: certificate.serialNumber });
  };
  if (!signedWith(parts, ed25519AlgorithmDer)) fail('certificate is not signed with Ed25519');
  const publicKey = spkiToPublicKey(new Uint8Array(certificate.publicKey.rawData));
  if (publicKey === undefined) fail('certificate key is not Ed25519');
  // The library gives the hex of the DER octets ("01"); Custos compares the normalized integer ("1").
  const serial = normalizeSerial(certificate.serialNumber);
  if (serial === undefined) fail('serial number must be a positive integer of at most 20 octets');
  const seen = new Set<string>();
  for (const extension of extensions) {
    if (seen.has(extension.type)) fail(`extension ${extension.type} appears twice`);
    seen.add(extension.type);
    if (extension.critical && !knownExtensions.has(extension.type)) fail(`unknown critical extension ${extension.type}`);
  }
  return {
    certificate,
    parts,
    publicKey: publicKey!,
    serial: serial!,
    fingerprint: bytesToHex(createHash('sha256').update(der).digest()),
  };
}

/** The single value of a subject attribute (`CN`, `O`), or undefined when absent or repeated. */
export function singleField(name: x509.Name, field: string): string | undefined {
  const values = name.getField(field);
  return values.length === 1 ? values[0] : undefined;
}
