import type { Principal, PrincipalClause } from './policy-ast.ts';

/**
 * Whether a role pattern of a policy admits a role a member holds.
 * `prison.*` admits `prison.officer` and `prison.officer.senior` but not
 * `prison` nor `prisoner.x`: the wildcard stands for whole dotted segments,
 * so granting `prison.*` never reaches a role that merely shares letters.
 */
export function rolePatternMatches(pattern: string, role: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return role.startsWith(pattern.slice(0, -1)) && role.length > pattern.length - 1;
  return role === pattern;
}

/**
 * Whether `principal` can meet the clause `role@org`: same organization and
 * a matching role. `*@Org` is met by any member of Org, even one holding no role.
 */
export function principalMatches(clause: PrincipalClause, principal: Principal): boolean {
  if (principal.org !== clause.org) return false;
  if (clause.role === '*') return true;
  return principal.roles.some((role) => rolePatternMatches(clause.role, role));
}
