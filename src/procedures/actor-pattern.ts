import { caseOrgToken, type ActorPattern } from './definition.ts';

/** A member acting on a case: who, for which organization, holding which roles. */
export interface Actor {
  readonly memberId: string;
  readonly org: string;
  readonly roles: readonly string[];
  /** Certificate attributes (`prison=JS-07`), for `actorScope` and guards (`actor.attributes`). */
  readonly attributes?: Readonly<Record<string, string>>;
}

/** `"judge@court"` → `{role: 'judge', org: 'court'}`. Patterns are schema-checked, so `@` is present. */
export function parseActorPattern(pattern: ActorPattern): { role: string; org: string } {
  const at = pattern.indexOf('@');
  return { role: pattern.slice(0, at), org: pattern.slice(at + 1) };
}

/** The organization a pattern's org stands for in a case (`$case` → the case's org). */
export function resolveOrg(org: string, caseOrg: string): string {
  return org === caseOrgToken ? caseOrg : org;
}

/** The pattern with `$case` replaced by the case's organization. */
export function resolvePattern(pattern: ActorPattern, caseOrg: string): string {
  const { role, org } = parseActorPattern(pattern);
  return `${role}@${resolveOrg(org, caseOrg)}`;
}

/** True when the actor belongs to the pattern's organization and holds its role. */
export function actorMatches(pattern: ActorPattern, actor: Actor, caseOrg: string): boolean {
  const { role, org } = parseActorPattern(pattern);
  return actor.org === resolveOrg(org, caseOrg) && actor.roles.includes(role);
}

/** True when the actor matches any of the patterns. */
export function actorMatchesAny(patterns: readonly ActorPattern[], actor: Actor, caseOrg: string): boolean {
  return patterns.some((pattern) => actorMatches(pattern, actor, caseOrg));
}
