import { custosError } from '../../errors/custos-error.ts';
import { evaluatePolicy, parsePolicy, type Policy, type Principal } from '../../identity/index.ts';
import type { Directory, MemberRecord } from './directory.ts';

/** `ANY MEMBER`: any enrolled member of any organization of the network. */
export const anyMemberPolicy = 'ANY MEMBER';

const parsed = new Map<string, Policy>();

/** Parses policy text once per distinct text (PERF: checked on every transaction). */
export function compiledPolicy(text: string): Policy {
  let policy = parsed.get(text);
  if (policy === undefined) {
    policy = parsePolicy(text);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(text, policy);
  }
  return policy;
}

export function memberToPrincipalOf(member: Pick<MemberRecord, 'org' | 'memberId' | 'roles'>): Principal {
  return { org: member.org, id: member.memberId, roles: member.roles };
}

/** Whether one principal alone satisfies the policy text. */
export function policyAllows(text: string, principal: Principal): boolean {
  if (text === anyMemberPolicy) return true;
  return evaluatePolicy(compiledPolicy(text), [principal]);
}

/**
 * Resolves a transaction's signer to an enrolled member in good standing at
 * `height`/`time`, or throws the reason with its own code: unknown key,
 * revoked, expired or not yet valid certificate, organization removed.
 */
export function resolveSigner(directory: Directory, signer: string, height: number, time: number): MemberRecord {
  const member = directory.member(signer);
  if (member === undefined) throw custosError('IDENTITY_UNKNOWN_MEMBER', 'signer is not an enrolled member of this network', { signer });
  if (member.revokedFrom !== null && member.revokedFrom <= height) {
    throw custosError('IDENTITY_CERT_REVOKED', `certificate ${member.serial} of ${member.memberId}@${member.org} is revoked`, { serial: member.serial, org: member.org });
  }
  if (time >= member.notAfter) throw custosError('IDENTITY_CERT_EXPIRED', `certificate of ${member.memberId}@${member.org} expired`, { notAfter: new Date(member.notAfter).toISOString() });
  if (time < member.notBefore) throw custosError('IDENTITY_CERT_NOT_YET_VALID', `certificate of ${member.memberId}@${member.org} is not yet valid`);
  if (directory.organizationAt(member.org, height) === undefined) throw custosError('IDENTITY_UNKNOWN_CA', `organization ${member.org} is not part of the network`, { org: member.org });
  return member;
}

/**
 * The access rule for an action: the policy named after it must admit the
 * member. No policy means no one may (default deny). The same stable code,
 * ACCESS_DENIED, for every refusal, so clients and tests need one branch.
 */
export function authorizeAction(directory: Directory, action: string, member: MemberRecord, height: number): void {
  const text = directory.policyAt(action, height);
  if (text === undefined || !policyAllows(text, memberToPrincipalOf(member))) {
    throw custosError('ACCESS_DENIED', `${member.memberId}@${member.org} (${member.roles.join(', ') || 'no roles'}) may not ${action}`, { action, org: member.org });
  }
}
