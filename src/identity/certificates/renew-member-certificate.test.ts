import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCustosError } from '../../errors/custos-error.ts';
import { issueMemberCertificate } from './issue-member-certificate.ts';
import { parseMemberCertificate } from './parse-member-certificate.ts';
import { renewMemberCertificate } from './renew-member-certificate.ts';
import { verifyMemberCertificate } from './verify-member-certificate.ts';
import { at, createTestCa, fixedSigningKey, memberPeriod } from './certificate-fixtures.test-support.ts';

const bureau = await createTestCa('PrisonBureau', 1);
const oldPem = await issueMemberCertificate({
  ca: bureau,
  memberId: 'officer-0042',
  publicKey: fixedSigningKey(2).publicKey,
  roles: ['prison.officer'],
  attributes: { prison: 'JS-07' },
  serialNumber: '1001',
  ...memberPeriod,
});
const nextYear = { notBefore: at('2027-01-01T00:00:00Z'), notAfter: at('2028-01-01T00:00:00Z') };

test('renew: same member, key, roles and attributes; new serial and period', async () => {
  const renewed = parseMemberCertificate(await renewMemberCertificate({ ca: bureau, certificatePem: oldPem, ...nextYear }));
  const old = parseMemberCertificate(oldPem);
  assert.deepEqual(
    [renewed.memberId, renewed.org, renewed.publicKey, renewed.roles, renewed.attributes],
    [old.memberId, old.org, old.publicKey, old.roles, old.attributes],
  );
  assert.notEqual(renewed.serial, old.serial);
  assert.deepEqual([renewed.notBefore, renewed.notAfter], [nextYear.notBefore, nextYear.notAfter]);
});

test('renew: the successor verifies when the old one has expired', async () => {
  const renewedPem = await renewMemberCertificate({ ca: bureau, certificatePem: oldPem, ...nextYear });
  const when = at('2027-06-01T00:00:00Z');
  assert.throws(() => verifyMemberCertificate(oldPem, bureau.certificatePem, { at: when }), (e: unknown) => isCustosError(e) && e.code === ('IDENTITY_CERT_EXPIRED' as string));
  assert.equal(verifyMemberCertificate(renewedPem, bureau.certificatePem, { at: when }).memberId, 'officer-0042');
});

test('renew: with a new key (rotation)', async () => {
  const newKey = fixedSigningKey(5).publicKey;
  const renewed = parseMemberCertificate(await renewMemberCertificate({ ca: bureau, certificatePem: oldPem, publicKey: newKey, serialNumber: '1002', ...nextYear }));
  assert.equal(renewed.publicKey, newKey);
  assert.equal(renewed.serial, '1002');
});

test('renew refuses: the certificate of another CA', async () => {
  const court = await createTestCa('Court', 3);
  await assert.rejects(renewMemberCertificate({ ca: court, certificatePem: oldPem, ...nextYear }), (e: unknown) => isCustosError(e) && e.code === ('IDENTITY_UNKNOWN_CA' as string));
});

test('renew refuses: the old serial again', async () => {
  await assert.rejects(
    renewMemberCertificate({ ca: bureau, certificatePem: oldPem, serialNumber: '01001', ...nextYear }),
    (e: unknown) => isCustosError(e) && e.code === ('IDENTITY_CERT_INVALID' as string),
  );
});

test('renew: a renewed CA (same key and name) still verifies certificates of the old one', async () => {
  const renewedCa = await createTestCa('PrisonBureau', 1, '02');
  assert.notEqual(renewedCa.certificatePem, bureau.certificatePem);
  assert.equal(verifyMemberCertificate(oldPem, renewedCa.certificatePem, { at: at('2026-06-01T00:00:00Z') }).memberId, 'officer-0042');
});
