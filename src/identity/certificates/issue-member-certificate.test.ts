import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCustosError } from '../../errors/custos-error.ts';
import { issueMemberCertificate, type IssueMemberCertificateParams } from './issue-member-certificate.ts';
import { parseMemberCertificate } from './parse-member-certificate.ts';
import { parseOrgCaCertificate } from './parse-org-ca-certificate.ts';
import { at, caPeriod, createTestCa, fixedSigningKey, memberPeriod } from './certificate-fixtures.test-support.ts';
import { x509 } from './x509.ts';

const ca = await createTestCa('PrisonBureau', 1);
const memberKey = fixedSigningKey(2);
const base: IssueMemberCertificateParams = {
  ca,
  memberId: 'officer-0042',
  publicKey: memberKey.publicKey,
  roles: ['prison.officer', 'prison.clerk'],
  attributes: { prison: 'JS-07', unit: 'district-3', name: '王 伟 (Wang Wei)', note: "a=b&c!*'()%" },
  serialNumber: '1001',
  ...memberPeriod,
};

test('issue → parse round trip', async () => {
  const pem = await issueMemberCertificate(base);
  const member = parseMemberCertificate(pem);
  assert.equal(member.memberId, 'officer-0042');
  assert.equal(member.org, 'PrisonBureau');
  assert.deepEqual(member.roles, ['prison.clerk', 'prison.officer'], 'sorted');
  assert.deepEqual(member.attributes, { name: '王 伟 (Wang Wei)', note: "a=b&c!*'()%", prison: 'JS-07', unit: 'district-3' });
  assert.equal(member.publicKey, memberKey.publicKey);
  assert.equal(member.serial, '1001');
  assert.deepEqual([member.notBefore, member.notAfter], [memberPeriod.notBefore, memberPeriod.notAfter]);
  assert.equal(member.issuerKeyId, parseOrgCaCertificate(ca.certificatePem).keyId);
  assert.match(member.fingerprint, /^[0-9a-f]{64}$/);
  assert.ok(Object.isFrozen(member) && Object.isFrozen(member.roles) && Object.isFrozen(member.attributes), 'results are frozen');
});

test('issue: roles and attributes are subjectAltName URIs, readable by any X.509 tool', async () => {
  const certificate = new x509.X509Certificate(await issueMemberCertificate(base));
  const uris = certificate.getExtension(x509.SubjectAlternativeNameExtension)?.names.items.map((name) => `${name.type}:${name.value}`);
  assert.deepEqual(uris, [
    'url:urn:custos:role:prison.clerk',
    'url:urn:custos:role:prison.officer',
    'url:urn:custos:attr:name=%E7%8E%8B%20%E4%BC%9F%20%28Wang%20Wei%29',
    'url:urn:custos:attr:note=a%3Db%26c%21%2A%27%28%29%25',
    'url:urn:custos:attr:prison=JS-07',
    'url:urn:custos:attr:unit=district-3',
  ]);
  assert.equal(certificate.subject, 'CN=officer-0042, O=PrisonBureau');
});

test('issue: a member with no roles and no attributes', async () => {
  const member = parseMemberCertificate(await issueMemberCertificate({ ...base, roles: [], attributes: {} }));
  assert.deepEqual([member.roles, member.attributes], [[], {}]);
});

test('issue: duplicate roles collapse', async () => {
  const member = parseMemberCertificate(await issueMemberCertificate({ ...base, roles: ['a', 'b', 'a'] }));
  assert.deepEqual(member.roles, ['a', 'b']);
});

test('issue: a random serial when none is given, different each time', async () => {
  const { serialNumber: _, ...withoutSerial } = base;
  const a = parseMemberCertificate(await issueMemberCertificate(withoutSerial));
  const b = parseMemberCertificate(await issueMemberCertificate(withoutSerial));
  assert.match(a.serial, /^[4-7][0-9a-f]{31}$/);
  assert.notEqual(a.serial, b.serial);
});

const refused: [name: string, change: Partial<IssueMemberCertificateParams>, code: string][] = [
  ['member id with a space', { memberId: 'officer 42' }, 'IDENTITY_NAME_INVALID'],
  ['member id longer than 64', { memberId: 'x'.repeat(65) }, 'IDENTITY_NAME_INVALID'],
  ['role with a space', { roles: ['prison officer'] }, 'IDENTITY_NAME_INVALID'],
  ['role that is a wildcard', { roles: ['prison.*'] }, 'IDENTITY_NAME_INVALID'],
  ['role that is a policy keyword', { roles: ['any'] }, 'IDENTITY_NAME_INVALID'],
  ['attribute name with =', { attributes: { 'a=b': 'x' } }, 'IDENTITY_NAME_INVALID'],
  ['attribute __proto__', { attributes: JSON.parse('{"__proto__": "x"}') as Record<string, string> }, 'IDENTITY_NAME_INVALID'],
  ['empty attribute value', { attributes: { prison: '' } }, 'IDENTITY_NAME_INVALID'],
  ['attribute value with a newline', { attributes: { prison: 'JS\n07' } }, 'IDENTITY_NAME_INVALID'],
  ['public key of the wrong form', { publicKey: 'sm2:abc' }, 'CRYPTO_BAD_KEY'],
  ['validity starting before the CA', { notBefore: at('2024-12-31T00:00:00Z') }, 'IDENTITY_CERT_INVALID'],
  ['validity outliving the CA', { notAfter: at('2035-01-02T00:00:00Z') }, 'IDENTITY_CERT_INVALID'],
  ['signing key not the CA certificate key', { ca: { ...ca, signingKey: fixedSigningKey(9) } }, 'IDENTITY_CA_INVALID'],
  ['a CA certificate that is not PEM', { ca: { ...ca, certificatePem: 'hello' } }, 'IDENTITY_CERT_MALFORMED'],
];

for (const [name, change, code] of refused) {
  test(`issue refuses: ${name}`, async () => {
    await assert.rejects(issueMemberCertificate({ ...base, ...change }), (error: unknown) => {
      assert.ok(isCustosError(error), String(error));
      assert.equal(error.code, code, error.message);
      return true;
    });
  });
}

test('issue: validity may end exactly when the CA does', async () => {
  const member = parseMemberCertificate(await issueMemberCertificate({ ...base, notBefore: caPeriod.notBefore, notAfter: caPeriod.notAfter }));
  assert.deepEqual(member.notAfter, caPeriod.notAfter);
});
