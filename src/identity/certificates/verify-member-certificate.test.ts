import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCustosError } from '../../errors/custos-error.ts';
import { certificateProfileOids } from './certificate-profile.ts';
import { keyIdOf } from './ed25519-keys.ts';
import { issueMemberCertificate, type IssueMemberCertificateParams } from './issue-member-certificate.ts';
import { parseMemberCertificate } from './parse-member-certificate.ts';
import { signCertificate } from './sign-certificate.ts';
import { verifyMemberCertificate } from './verify-member-certificate.ts';
import { at, caPeriod, createTestCa, fixedSigningKey, memberPeriod } from './certificate-fixtures.test-support.ts';
import { webCrypto, x509 } from './x509.ts';

const bureau = await createTestCa('PrisonBureau', 1);
const court = await createTestCa('Court', 3);
const memberKey = fixedSigningKey(2);
const params: IssueMemberCertificateParams = {
  ca: bureau,
  memberId: 'officer-0042',
  publicKey: memberKey.publicKey,
  roles: ['prison.officer'],
  attributes: { prison: 'JS-07' },
  serialNumber: '1001',
  ...memberPeriod,
};
const memberPem = await issueMemberCertificate(params);
const midYear = at('2026-06-01T00:00:00Z');

function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64'));
}

function derToPem(der: Uint8Array): string {
  const lines = Buffer.from(der).toString('base64').match(/.{1,64}/g)!;
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** Replaces the first occurrence of `from` with `to` (same length) in the certificate's bytes. */
function tamper(pem: string, from: string, to: string): string {
  const der = pemToDer(pem);
  const at = Buffer.from(der).indexOf(from);
  assert.ok(at >= 0 && from.length === to.length, `${from} is in the certificate`);
  der.set(Buffer.from(to), at);
  return derToPem(der);
}

function expectCode(run: () => unknown, code: string, detail?: [key: string, value: unknown]): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isCustosError(error), String(error));
    assert.equal(error.code, code, error.message);
    if (detail !== undefined) assert.equal(error.details[detail[0]], detail[1], error.message);
    return true;
  });
}

test('verify: a valid certificate at a time inside both periods', () => {
  const member = verifyMemberCertificate(memberPem, bureau.certificatePem, { at: midYear });
  assert.deepEqual(member, parseMemberCertificate(memberPem));
  assert.deepEqual([member.memberId, member.org, member.roles], ['officer-0042', 'PrisonBureau', ['prison.officer']]);
});

test('verify: both ends of the validity period belong to it (RFC 5280 §4.1.2.5)', () => {
  verifyMemberCertificate(memberPem, bureau.certificatePem, { at: memberPeriod.notBefore });
  verifyMemberCertificate(memberPem, bureau.certificatePem, { at: memberPeriod.notAfter });
});

test('verify: expired one millisecond after notAfter', () => {
  expectCode(() => verifyMemberCertificate(memberPem, bureau.certificatePem, { at: new Date(memberPeriod.notAfter.getTime() + 1) }), 'IDENTITY_CERT_EXPIRED', ['certificate', 'member']);
});

test('verify: not yet valid one millisecond before notBefore', () => {
  expectCode(() => verifyMemberCertificate(memberPem, bureau.certificatePem, { at: new Date(memberPeriod.notBefore.getTime() - 1) }), 'IDENTITY_CERT_NOT_YET_VALID', ['certificate', 'member']);
});

test('verify: an expired CA fails the member too, and says it was the CA', () => {
  expectCode(() => verifyMemberCertificate(memberPem, bureau.certificatePem, { at: at('2036-01-01T00:00:00Z') }), 'IDENTITY_CERT_EXPIRED', ['certificate', 'ca']);
});

test('verify: wrong CA (another organization)', () => {
  expectCode(() => verifyMemberCertificate(memberPem, court.certificatePem, { at: midYear }), 'IDENTITY_UNKNOWN_CA');
});

test('verify: an impostor CA with the same name but another key', async () => {
  const impostor = await createTestCa('PrisonBureau', 7);
  expectCode(() => verifyMemberCertificate(memberPem, impostor.certificatePem, { at: midYear }), 'IDENTITY_UNKNOWN_CA');
});

test('verify: an impostor CA copying name and key identifier is caught by the signature', async () => {
  const impostorKey = fixedSigningKey(7);
  const realKeyId = keyIdOf(bureau.signingKey.publicKey);
  const subject: x509.JsonName = [{ CN: ['PrisonBureau CA'] }, { O: ['PrisonBureau'] }];
  const impostorPem = await signCertificate({
    subject,
    issuer: subject,
    publicKey: impostorKey.publicKey,
    signingKey: impostorKey,
    serialNumber: '01',
    ...caPeriod,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
      new x509.SubjectKeyIdentifierExtension(realKeyId),
    ],
  });
  expectCode(() => verifyMemberCertificate(memberPem, impostorPem, { at: midYear }), 'IDENTITY_CERT_BAD_SIGNATURE');
});

test('verify: tampered — a role changed in the signed bytes', () => {
  const forged = tamper(memberPem, 'prison.officer', 'prison.wardenx');
  assert.deepEqual(parseMemberCertificate(forged).roles, ['prison.wardenx'], 'parsing alone does not check signatures');
  expectCode(() => verifyMemberCertificate(forged, bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_BAD_SIGNATURE');
});

test('verify: tampered — validity extended in the signed bytes', () => {
  // UTCTime 270101000000Z → 290101000000Z
  const forged = tamper(memberPem, '270101000000Z', '290101000000Z');
  expectCode(() => verifyMemberCertificate(forged, bureau.certificatePem, { at: at('2028-01-01T00:00:00Z') }), 'IDENTITY_CERT_BAD_SIGNATURE');
});

test('verify: tampered — a signature bit flipped', () => {
  const der = pemToDer(memberPem);
  der[der.length - 1]! ^= 1;
  expectCode(() => verifyMemberCertificate(derToPem(der), bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_BAD_SIGNATURE');
});

test('verify: revoked, whatever the spelling of the serial', () => {
  expectCode(() => verifyMemberCertificate(memberPem, bureau.certificatePem, { at: midYear, revokedSerials: ['ff', '001001'] }), 'IDENTITY_CERT_REVOKED');
  verifyMemberCertificate(memberPem, bureau.certificatePem, { at: midYear, revokedSerials: new Set(['1002']) });
});

test('verify: a CA may not certify a member of another organization', async () => {
  const crossPem = await signCertificate({
    subject: [{ CN: ['judge-1'] }, { O: ['Court'] }],
    issuer: [{ CN: ['PrisonBureau CA'] }, { O: ['PrisonBureau'] }],
    publicKey: memberKey.publicKey,
    signingKey: bureau.signingKey,
    serialNumber: '2001',
    ...memberPeriod,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.AuthorityKeyIdentifierExtension(keyIdOf(bureau.signingKey.publicKey)),
      new x509.CertificatePolicyExtension([certificateProfileOids.memberV1]),
    ],
  });
  expectCode(() => verifyMemberCertificate(crossPem, bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_INVALID');
});

/** A member certificate signed by the bureau CA with the given extensions. */
function offProfile(extensions: x509.Extension[]): Promise<string> {
  return signCertificate({
    subject: [{ CN: ['officer-9'] }, { O: ['PrisonBureau'] }],
    issuer: [{ CN: ['PrisonBureau CA'] }, { O: ['PrisonBureau'] }],
    publicKey: memberKey.publicKey,
    signingKey: bureau.signingKey,
    serialNumber: '3001',
    ...memberPeriod,
    extensions,
  });
}

const aki = new x509.AuthorityKeyIdentifierExtension(keyIdOf(bureau.signingKey.publicKey));
const memberPolicy = new x509.CertificatePolicyExtension([certificateProfileOids.memberV1]);
const endEntity = new x509.BasicConstraintsExtension(false, undefined, true);
const signing = new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true);

const offProfileCases: [name: string, reason: string, extensions: () => x509.Extension[]][] = [
  ['no member certificate policy (e.g. a TLS certificate from the same CA)', 'certificate policy', () => [endEntity, signing, aki]],
  ['no basicConstraints', 'basicConstraints', () => [signing, aki, memberPolicy]],
  ['CA:TRUE', 'CA:FALSE', () => [new x509.BasicConstraintsExtension(true, 0, true), signing, aki, memberPolicy]],
  ['no keyUsage', 'keyUsage digitalSignature', () => [endEntity, aki, memberPolicy]],
  ['keyCertSign on a member key', 'must not sign certificates', () => [endEntity, new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyCertSign, true), aki, memberPolicy]],
  ['no authorityKeyIdentifier', 'authorityKeyIdentifier', () => [endEntity, signing, memberPolicy]],
  ['an unknown critical extension', 'unknown critical extension 1.2.3.4', () => [endEntity, signing, aki, memberPolicy, new x509.Extension('1.2.3.4', true, new Uint8Array([5, 0]))]],
  ['an extension twice', 'appears twice', () => [endEntity, signing, aki, memberPolicy, new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)]],
  ['an unknown urn:custos URI', 'unknown Custos URI kind', () => [endEntity, signing, aki, memberPolicy, new x509.SubjectAlternativeNameExtension([{ type: 'url', value: 'urn:custos:grant:all' }])]],
  ['a non-canonical attribute value', 'non-canonical attribute value', () => [endEntity, signing, aki, memberPolicy, new x509.SubjectAlternativeNameExtension([{ type: 'url', value: 'urn:custos:attr:prison=JS%2d07' }])]],
  ['a role twice', 'duplicate role', () => [endEntity, signing, aki, memberPolicy, new x509.SubjectAlternativeNameExtension([{ type: 'url', value: 'urn:custos:role:a' }, { type: 'url', value: 'urn:custos:role:a' }])]],
];

for (const [name, reason, extensions] of offProfileCases) {
  test(`verify refuses an off-profile member certificate: ${name}`, async () => {
    const pem = await offProfile(extensions());
    expectCode(() => verifyMemberCertificate(pem, bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_INVALID');
    assert.throws(() => verifyMemberCertificate(pem, bureau.certificatePem, { at: midYear }), (error: Error) => error.message.includes(reason));
  });
}

test('verify: other subjectAltNames (an e-mail address, a web URI) are ignored', async () => {
  const pem = await offProfile([
    endEntity, signing, aki, memberPolicy,
    new x509.SubjectAlternativeNameExtension([{ type: 'email', value: 'li@js07.example' }, { type: 'url', value: 'https://js07.example/li' }, { type: 'url', value: 'urn:custos:role:a' }]),
  ]);
  assert.deepEqual(verifyMemberCertificate(pem, bureau.certificatePem, { at: midYear }).roles, ['a']);
});

test('verify: a CA certificate is not a member certificate, and vice versa', () => {
  expectCode(() => verifyMemberCertificate(bureau.certificatePem, bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_INVALID');
  expectCode(() => verifyMemberCertificate(memberPem, memberPem, { at: midYear }), 'IDENTITY_CA_INVALID');
});

test('verify: a CA certificate that is not self-signed', async () => {
  const notSelfSigned = await signCertificate({
    subject: [{ CN: ['PrisonBureau CA'] }, { O: ['PrisonBureau'] }],
    issuer: [{ CN: ['PrisonBureau CA'] }, { O: ['PrisonBureau'] }],
    publicKey: bureau.signingKey.publicKey,
    signingKey: fixedSigningKey(8),
    serialNumber: '01',
    ...caPeriod,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true),
      new x509.SubjectKeyIdentifierExtension(keyIdOf(bureau.signingKey.publicKey)),
    ],
  });
  expectCode(() => verifyMemberCertificate(memberPem, notSelfSigned, { at: midYear }), 'IDENTITY_CA_INVALID');
});

test('verify: malformed input', () => {
  expectCode(() => verifyMemberCertificate('not a certificate', bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_MALFORMED');
  expectCode(() => verifyMemberCertificate('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n', bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_MALFORMED');
  expectCode(() => verifyMemberCertificate(memberPem + bureau.certificatePem, bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_MALFORMED');
  const truncated = derToPem(pemToDer(memberPem).subarray(0, 100));
  expectCode(() => verifyMemberCertificate(truncated, bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_MALFORMED');
});

test('verify: a certificate with an ECDSA key is off-profile', async () => {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = (await webCrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const ecdsa = await x509.X509CertificateGenerator.createSelfSigned(
    { serialNumber: '01', name: [{ CN: ['x'] }, { O: ['PrisonBureau'] }], keys, signingAlgorithm: algorithm, ...memberPeriod },
    webCrypto,
  );
  expectCode(() => verifyMemberCertificate(ecdsa.toString('pem'), bureau.certificatePem, { at: midYear }), 'IDENTITY_CERT_INVALID');
  expectCode(() => verifyMemberCertificate(memberPem, ecdsa.toString('pem'), { at: midYear }), 'IDENTITY_CA_INVALID');
});
