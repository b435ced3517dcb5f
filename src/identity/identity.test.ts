// The layer's public surface end to end, as the ledger will use it: enroll
// members under organization CAs, verify their certificates at block time,
// and judge a proposal's approvals against a governance policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ed25519Suite } from '../crypto/ed25519-suite.ts';
import {
  createOrgCa,
  evaluatePolicy,
  explainPolicy,
  issueMemberCertificate,
  memberToPrincipal,
  parsePolicy,
  principalsSatisfying,
  verifyMemberCertificate,
  type OrgCa,
} from './index.ts';

const period = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z') };
const blockTime = new Date('2026-03-01T08:00:00Z');

async function enroll(ca: OrgCa, memberId: string, roles: string[]): Promise<string> {
  return issueMemberCertificate({ ca, memberId, publicKey: ed25519Suite.generateSigningKey().publicKey, roles, ...period });
}

test('approvals by verified members meet a cross-agency policy', async () => {
  const cas = {
    Procuratorate: await createOrgCa({ org: 'Procuratorate', ...period }),
    Court: await createOrgCa({ org: 'Court', ...period }),
    PrisonBureau: await createOrgCa({ org: 'PrisonBureau', ...period }),
  };
  const approvals = [
    { org: 'Procuratorate' as const, pem: await enroll(cas.Procuratorate, 'pros-1', ['admin']) },
    { org: 'PrisonBureau' as const, pem: await enroll(cas.PrisonBureau, 'warden-1', ['prison.warden']) },
  ];
  const principals = approvals.map(({ org, pem }) => memberToPrincipal(verifyMemberCertificate(pem, cas[org].certificatePem, { at: blockTime })));
  const policy = parsePolicy('ALL(admin@Procuratorate, ANY(admin@Court, prison.*@PrisonBureau))');
  assert.equal(evaluatePolicy(policy, principals), true);
  assert.deepEqual(principalsSatisfying(policy, principals)?.map((m) => `${m.principalId}→${m.role}@${m.org}`), ['pros-1→admin@Procuratorate', 'warden-1→prison.*@PrisonBureau']);
  const stricter = parsePolicy('ALL(admin@Procuratorate, admin@Court)');
  assert.equal(explainPolicy(stricter, principals).message, 'needs ALL(admin@Procuratorate, admin@Court), has 1 of 2: admin@Procuratorate by pros-1');
});
