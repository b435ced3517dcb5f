import type { SigningKey } from '../crypto/suite.ts';
import { getSuite } from '../crypto/suites.ts';
import { custosError } from '../errors/custos-error.ts';
import type { Accounts } from './accounts/accounts.ts';
import { certifiedEnrollment } from './certified-enrollment.ts';
import type { CustosNode } from './node.ts';

export interface NewMember {
  org: string;
  memberId: string;
  roles: string[];
  attributes?: Record<string, string>;
  password: string;
  totp?: boolean;
  /** Certificate lifetime; default one year. */
  validForMs?: number;
}

export interface EnrolledMember {
  publicKey: string;
  certificate: string;
  signingKey: SigningKey;
  totpSecret?: string;
}

/**
 * Makes a person a member: a fresh key, a certificate from their
 * organization's CA (held by this node), an account sealed under their
 * password, and the `identity.enroll` transaction signed with the new key.
 */
export async function enrollMember(node: CustosNode, accounts: Accounts, dataDir: string, member: NewMember, now: number): Promise<EnrolledMember> {
  const { signingKey, certificate, tx } = await certifiedEnrollment(getSuite(node.genesis.suite), node.genesis.network, {
    dataDir,
    org: member.org,
    memberId: member.memberId,
    roles: member.roles,
    ...(member.attributes === undefined ? {} : { attributes: member.attributes }),
    now,
    ...(member.validForMs === undefined ? {} : { validForMs: member.validForMs }),
    nonce: `enroll-${member.memberId}`,
  });
  const created = accounts.create({ org: member.org, memberId: member.memberId, signingKey, password: member.password, ...(member.totp === undefined ? {} : { totp: member.totp }) });
  const outcome = await node.submit(tx, { wait: true });
  if (outcome.result?.status !== 'ok') {
    throw custosError('IDENTITY_CERT_INVALID', `enrollment of ${member.memberId}@${member.org} failed: ${outcome.result?.status === 'failed' ? outcome.result.code : 'no result'}`);
  }
  return { publicKey: signingKey.publicKey, certificate, signingKey, ...(created.totpSecret === undefined ? {} : { totpSecret: created.totpSecret }) };
}
