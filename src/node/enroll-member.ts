import type { SigningKey } from '../crypto/suite.ts';
import { getSuite } from '../crypto/suites.ts';
import { custosError } from '../errors/custos-error.ts';
import { issueMemberCertificate } from '../identity/index.ts';
import { signTransaction } from '../ledger/transaction.ts';
import type { Accounts } from './accounts/accounts.ts';
import { loadOrgCa } from './ca-store.ts';
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
  const ca = loadOrgCa(dataDir, member.org);
  const suite = getSuite(node.genesis.suite);
  const signingKey = suite.generateSigningKey();
  const certificate = await issueMemberCertificate({
    ca,
    memberId: member.memberId,
    publicKey: signingKey.publicKey,
    roles: member.roles,
    ...(member.attributes === undefined ? {} : { attributes: member.attributes }),
    notBefore: new Date(now - 60_000),
    notAfter: new Date(now + (member.validForMs ?? 365 * 24 * 3600_000)),
  });
  const created = accounts.create({ org: member.org, memberId: member.memberId, signingKey, password: member.password, ...(member.totp === undefined ? {} : { totp: member.totp }) });
  const tx = signTransaction(
    { v: 1, network: node.genesis.network, contract: 'identity', fn: 'enroll', args: { certificate }, signer: signingKey.publicKey, nonce: `enroll-${member.memberId}`.slice(0, 64).replace(/[^A-Za-z0-9_-]/g, '_'), ts: now },
    signingKey,
  );
  const outcome = await node.submit(tx, { wait: true });
  if (outcome.result?.status !== 'ok') {
    throw custosError('IDENTITY_CERT_INVALID', `enrollment of ${member.memberId}@${member.org} failed: ${outcome.result?.status === 'failed' ? outcome.result.code : 'no result'}`);
  }
  return { publicKey: signingKey.publicKey, certificate, signingKey, ...(created.totpSecret === undefined ? {} : { totpSecret: created.totpSecret }) };
}
