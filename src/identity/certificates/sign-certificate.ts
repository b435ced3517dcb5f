import type { SigningKey } from '../../crypto/suite.ts';
import { identityError } from '../identity-error.ts';
import { ed25519Algorithm, publicKeyToSpki, signingKeyToCryptoKey } from './ed25519-keys.ts';
import { newSerialNumber, normalizeSerial } from './serial-number.ts';
import { webCrypto, x509 } from './x509.ts';

/** Everything a certificate needs; internal to certificate issuing. */
export interface CertificateDraft {
  readonly subject: x509.JsonName;
  readonly issuer: x509.Name | x509.JsonName;
  /** `ed25519:…` key being certified. */
  readonly publicKey: string;
  /** Key of the issuer (the subject's own key for a root). */
  readonly signingKey: SigningKey;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly serialNumber?: string | undefined;
  readonly extensions: readonly x509.Extension[];
}

function isValidDate(date: Date): boolean {
  return date instanceof Date && Number.isFinite(date.getTime());
}

/**
 * Checks the validity period and serial, then signs with Ed25519 through
 * WebCrypto and returns PEM.
 *
 * @throws IDENTITY_CERT_INVALID for a bad period or serial, CRYPTO_BAD_KEY for a bad key.
 */
export async function signCertificate(draft: CertificateDraft): Promise<string> {
  if (!isValidDate(draft.notBefore) || !isValidDate(draft.notAfter) || draft.notAfter.getTime() <= draft.notBefore.getTime()) {
    throw identityError('IDENTITY_CERT_INVALID', 'notAfter must be a valid date after notBefore');
  }
  const serialNumber = draft.serialNumber === undefined ? newSerialNumber() : normalizeSerial(draft.serialNumber);
  if (serialNumber === undefined) {
    throw identityError('IDENTITY_CERT_INVALID', 'serial number must be 1–20 octets of hex and not zero', { serial: draft.serialNumber });
  }
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber,
      subject: draft.subject,
      issuer: draft.issuer,
      notBefore: draft.notBefore,
      notAfter: draft.notAfter,
      // Copied into an ArrayBuffer-backed array, the only kind the library's types accept.
      publicKey: new Uint8Array(publicKeyToSpki(draft.publicKey)),
      signingKey: await signingKeyToCryptoKey(draft.signingKey),
      signingAlgorithm: ed25519Algorithm,
      extensions: [...draft.extensions],
    },
    webCrypto,
  );
  // PEM files end with a newline; the library leaves it off.
  return `${certificate.toString('pem')}\n`;
}
