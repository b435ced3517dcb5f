// Golden files for certificate profile v1. Certificates issued today will sit
// in ledgers for years, so every later version of this code must still read
// these exactly as below. The expected values were read off the files with
// openssl (fingerprints, key identifiers, the public key), not with this code.
// Do not regenerate the files or edit the values unless the profile changed —
// and then add profile-v2 files instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { issueMemberCertificate } from './issue-member-certificate.ts';
import { parseMemberCertificate } from './parse-member-certificate.ts';
import { parseOrgCaCertificate } from './parse-org-ca-certificate.ts';
import { verifyMemberCertificate } from './verify-member-certificate.ts';
import { at, caPeriod, createTestCa, fixedSigningKey, memberPeriod } from './certificate-fixtures.test-support.ts';

const caPem = readFileSync(new URL('fixtures/profile-v1-ca.pem', import.meta.url), 'utf8');
const memberPem = readFileSync(new URL('fixtures/profile-v1-member.pem', import.meta.url), 'utf8');

test('profile v1 golden CA certificate parses to its recorded values', () => {
  assert.deepEqual(
    { ...parseOrgCaCertificate(caPem) },
    {
      org: 'PrisonBureau',
      name: 'PrisonBureau CA',
      publicKey: fixedSigningKey(1).publicKey,
      keyId: '34750f98bd59fcfc946da45aaabe933be154a4b5',
      serial: '1',
      notBefore: caPeriod.notBefore,
      notAfter: caPeriod.notAfter,
      fingerprint: 'cc6a8573a3ef482a8c280e909f093444808f5f20c9818478771d701fdc8a96f2',
    },
  );
});

test('profile v1 golden member certificate parses to its recorded values and verifies', () => {
  const expected = {
    memberId: 'officer-0042',
    org: 'PrisonBureau',
    roles: ['prison.clerk', 'prison.officer'],
    attributes: { name: '王伟', prison: 'JS-07', unit: 'district-3' },
    publicKey: 'ed25519:gTl3Dqh9F19Wo1Rmw0x-zMuNipG07jeiXfYPW4_Js5Q',
    serial: '1001',
    notBefore: memberPeriod.notBefore,
    notAfter: memberPeriod.notAfter,
    issuerKeyId: '34750f98bd59fcfc946da45aaabe933be154a4b5',
    fingerprint: '8c392d7516b10790ba3f5fcbc55a2c27ff453e11f9f18d53322bacfc37a25767',
  };
  assert.deepEqual({ ...parseMemberCertificate(memberPem) }, expected);
  assert.deepEqual({ ...verifyMemberCertificate(memberPem, caPem, { at: at('2026-06-01T00:00:00Z') }) }, expected);
  assert.equal(fixedSigningKey(2).publicKey, expected.publicKey);
});

test('profile v1 encoding is pinned: the same inputs issue byte-identical certificates', async () => {
  const ca = await createTestCa('PrisonBureau', 1);
  assert.equal(ca.certificatePem, caPem);
  const member = await issueMemberCertificate({
    ca,
    memberId: 'officer-0042',
    publicKey: fixedSigningKey(2).publicKey,
    roles: ['prison.officer', 'prison.clerk'],
    attributes: { prison: 'JS-07', unit: 'district-3', name: '王伟' },
    serialNumber: '1001',
    ...memberPeriod,
  });
  assert.equal(member, memberPem);
});
