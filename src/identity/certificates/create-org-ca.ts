import { ed25519Suite } from '../../crypto/ed25519-suite.ts';
import type { SigningKey } from '../../crypto/suite.ts';
import { identityError } from '../identity-error.ts';
import { isAttributeValue, isOrgId, maxNameLength } from '../names.ts';
import { certificateProfileOids } from './certificate-profile.ts';
import { keyIdOf } from './ed25519-keys.ts';
import { signCertificate } from './sign-certificate.ts';
import { x509 } from './x509.ts';

/** An organization's certificate authority: its root certificate and the key that signs with it. */
export interface OrgCa {
  readonly certificatePem: string;
  readonly signingKey: SigningKey;
}

export interface CreateOrgCaParams {
  /** Organization id, the subject O: `PrisonBureau`. */
  readonly org: string;
  /** Display name, the subject CN; default `<org> CA`. */
  readonly name?: string;
  /**
   * The CA key; default a fresh Ed25519 key. Pass the old key to renew a CA:
   * same subject and key, so certificates it issued keep verifying.
   */
  readonly signingKey?: SigningKey;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Hex; default random. */
  readonly serialNumber?: string;
}

/**
 * Creates an organization root CA: self-signed Ed25519, basicConstraints
 * CA:TRUE with pathLen 0 (it issues member certificates only, no
 * intermediates), keyUsage keyCertSign + cRLSign, both critical; subject and
 * authority key identifiers; certificate policy `certificateProfileOids.orgCaV1`.
 *
 * @throws IDENTITY_NAME_INVALID, IDENTITY_CERT_INVALID, CRYPTO_BAD_KEY
 */
export async function createOrgCa(params: CreateOrgCaParams): Promise<OrgCa> {
  const { org } = params;
  if (!isOrgId(org)) throw identityError('IDENTITY_NAME_INVALID', `invalid organization id ${JSON.stringify(org)}`, { org });
  const name = params.name ?? `${org} CA`;
  if (name.length > maxNameLength || !isAttributeValue(name)) {
    throw identityError('IDENTITY_NAME_INVALID', `invalid CA name ${JSON.stringify(name)}`, { name });
  }
  const signingKey = params.signingKey ?? ed25519Suite.generateSigningKey();
  const keyId = keyIdOf(signingKey.publicKey);
  const subject: x509.JsonName = [{ CN: [name] }, { O: [org] }];
  const certificatePem = await signCertificate({
    subject,
    issuer: subject,
    publicKey: signingKey.publicKey,
    signingKey,
    notBefore: params.notBefore,
    notAfter: params.notAfter,
    serialNumber: params.serialNumber,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      new x509.SubjectKeyIdentifierExtension(keyId),
      new x509.AuthorityKeyIdentifierExtension(keyId),
      new x509.CertificatePolicyExtension([certificateProfileOids.orgCaV1]),
    ],
  });
  return { certificatePem, signingKey };
}
