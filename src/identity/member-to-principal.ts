import type { MemberCertificate } from './certificates/parse-member-certificate.ts';
import type { Principal } from './policy/policy-ast.ts';

/** The principal a verified member certificate stands for in policy evaluation. */
export function memberToPrincipal(member: Pick<MemberCertificate, 'org' | 'memberId' | 'roles'>): Principal {
  return { org: member.org, id: member.memberId, roles: member.roles };
}
