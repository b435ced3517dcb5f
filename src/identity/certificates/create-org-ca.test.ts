import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCustosError } from '../../errors/custos-error.ts';
import { createOrgCa } from './create-org-ca.ts';
import { keyIdOf } from './ed25519-keys.ts';
import { parseOrgCaCertificate } from './parse-org-ca-certificate.ts';
import { caPeriod, fixedSigningKey } from './certificate-fixtures.test-support.ts';
import { x509 } from './x509.ts';
import { certificateProfileOids } from './certificate-profile.ts';

test('createOrgCa: a self-signed Ed25519 root that parses back', async () => {
  const signingKey = fixedSigningKey(1);
  const ca = await createOrgCa({ org: 'PrisonBureau', name: 'Provincial Prison Administration Bureau CA', signingKey, serialNumber: '00AB', ...caPeriod });
  assert.equal(ca.signingKey, signingKey);
  const parsed = parseOrgCaCertificate(ca.certificatePem);
  assert.equal(parsed.org, 'PrisonBureau');
  assert.equal(parsed.name, 'Provincial Prison Administration Bureau CA');
  assert.equal(parsed.publicKey, signingKey.publicKey);
  assert.equal(parsed.keyId, keyIdOf(signingKey.publicKey));
  assert.equal(parsed.serial, 'ab');
  assert.deepEqual([parsed.notBefore, parsed.notAfter], [caPeriod.notBefore, caPeriod.notAfter]);
  assert.match(parsed.fingerprint, /^[0-9a-f]{64}$/);
});

test('createOrgCa: CA:TRUE pathLen 0 and keyCertSign, both critical, and the CA profile policy', async () => {
  const ca = await createOrgCa({ org: 'Court', ...caPeriod });
  const certificate = new x509.X509Certificate(ca.certificatePem);
  const basic = certificate.getExtension(x509.BasicConstraintsExtension);
  assert.equal(basic?.ca, true);
  assert.equal(basic?.pathLength, 0);
  assert.equal(basic?.critical, true);
  const usage = certificate.getExtension(x509.KeyUsagesExtension);
  assert.equal(usage?.usages, x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign);
  assert.equal(usage?.critical, true);
  assert.deepEqual([...(certificate.getExtension(x509.CertificatePolicyExtension)?.policies ?? [])], [certificateProfileOids.orgCaV1]);
  assert.equal(parseOrgCaCertificate(ca.certificatePem).name, 'Court CA', 'default display name');
});

test('createOrgCa: the same key, name and serial give the same certificate (Ed25519 is deterministic)', async () => {
  const params = { org: 'Court', signingKey: fixedSigningKey(2), serialNumber: '05', ...caPeriod };
  assert.equal((await createOrgCa(params)).certificatePem, (await createOrgCa(params)).certificatePem);
});

const refused: [name: string, params: Parameters<typeof createOrgCa>[0], code: string][] = [
  ['organization id with a space', { org: 'Prison Bureau', ...caPeriod }, 'IDENTITY_NAME_INVALID'],
  ['organization id that is a policy keyword', { org: 'All', ...caPeriod }, 'IDENTITY_NAME_INVALID'],
  ['display name with a control character', { org: 'Court', name: 'Court\nCA', ...caPeriod }, 'IDENTITY_NAME_INVALID'],
  ['period that ends before it starts', { org: 'Court', notBefore: caPeriod.notAfter, notAfter: caPeriod.notBefore }, 'IDENTITY_CERT_INVALID'],
  ['invalid date', { org: 'Court', notBefore: new Date('nonsense'), notAfter: caPeriod.notAfter }, 'IDENTITY_CERT_INVALID'],
  ['serial zero', { org: 'Court', serialNumber: '00', ...caPeriod }, 'IDENTITY_CERT_INVALID'],
  ['serial not hex', { org: 'Court', serialNumber: 'xyz', ...caPeriod }, 'IDENTITY_CERT_INVALID'],
  ['serial over 20 octets', { org: 'Court', serialNumber: '7f'.repeat(21), ...caPeriod }, 'IDENTITY_CERT_INVALID'],
];

for (const [name, params, code] of refused) {
  test(`createOrgCa refuses: ${name}`, async () => {
    await assert.rejects(createOrgCa(params), (error: unknown) => isCustosError(error) && error.code === code);
  });
}
