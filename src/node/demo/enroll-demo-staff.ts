import type { SigningKey } from '../../crypto/suite.ts';
import { getSuite } from '../../crypto/suites.ts';
import { custosError } from '../../errors/custos-error.ts';
import { certifiedEnrollment } from '../certified-enrollment.ts';
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
  const suite = getSuite(ledger.genesis.suite);
  const keys = new Map<string, SigningKey>();
  await Promise.all(
    staff.map(async (member) => {
      const now = ledger.now();
      const { signingKey, tx } = await certifiedEnrollment(suite, ledger.genesis.network, {
        dataDir,
        org,
        memberId: member.memberId,
        roles: member.roles,
        attributes: member.attributes,
        now,
        validForMs,
        nonce: `enroll-${member.memberId}-${now}`,
      });
      const result = await ledger.submitAndWait(tx);
      if (result.status !== 'ok') throw custosError('IDENTITY_CERT_INVALID', `enrollment of ${member.memberId}@${org} failed: ${result.code ?? result.status} ${result.message ?? ''}`);
      keys.set(member.memberId, signingKey);
    }),
  );
  return keys;
}
