import type { SigningKey } from '../../crypto/suite.ts';
import { getSuite } from '../../crypto/suites.ts';
import { custosError } from '../../errors/custos-error.ts';
import { issueMemberCertificate } from '../../identity/index.ts';
import { signTransaction } from '../../ledger/transaction.ts';
import { loadOrgCa } from '../ca-store.ts';
import type { DemoLedger } from './demo-ledger.ts';

export interface DemoStaffMember {
  memberId: string;
  roles: string[];
  attributes: Record<string, string>;
}

/**
 * Enrolls machine signers (each prison's penalty-execution member and
 * officer who sign migrated history): a key, a certificate from the org's CA
 * in `dataDir`, the `identity.enroll` transaction. Unlike people they get no
 * account. PERF: an account seals the key under a password with scrypt (~65
 * ms of blocked event loop each), which nobody would ever sign in with.
 */
export async function enrollDemoStaff(
  ledger: DemoLedger,
  dataDir: string,
  org: string,
  staff: readonly DemoStaffMember[],
  /** How long the certificates last: a simulated year of history needs more than the default year. */
  validForMs = 365 * 24 * 3600_000,
): Promise<Map<string, SigningKey>> {
  const ca = loadOrgCa(dataDir, org);
  const suite = getSuite(ledger.genesis.suite);
  const keys = new Map<string, SigningKey>();
  await Promise.all(
    staff.map(async (member) => {
      const now = ledger.now();
      const signingKey = suite.generateSigningKey();
      const certificate = await issueMemberCertificate({
        ca,
        memberId: member.memberId,
        publicKey: signingKey.publicKey,
        roles: member.roles,
        attributes: member.attributes,
        notBefore: new Date(now - 60_000),
        notAfter: new Date(now + validForMs),
      });
      const tx = signTransaction(
        { v: 1, network: ledger.genesis.network, contract: 'identity', fn: 'enroll', args: { certificate }, signer: signingKey.publicKey, nonce: `enroll-${member.memberId}-${now}`.slice(0, 64).replace(/[^A-Za-z0-9_-]/g, '_'), ts: now },
        signingKey,
      );
      const result = await ledger.submitAndWait(tx);
      if (result.status !== 'ok') throw custosError('IDENTITY_CERT_INVALID', `enrollment of ${member.memberId}@${org} failed: ${result.code ?? result.status} ${result.message ?? ''}`);
      keys.set(member.memberId, signingKey);
    }),
  );
  return keys;
}
