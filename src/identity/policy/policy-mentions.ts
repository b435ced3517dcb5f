import type { Policy, PolicyClause } from './policy-ast.ts';

/** The names a policy relies on, sorted and without duplicates. */
export interface PolicyMentions {
  /** Organization ids. */
  readonly orgs: readonly string[];
  /** Role patterns as written; a pattern ending in `*` is a wildcard, not a role to look up. */
  readonly roles: readonly string[];
  /** Distinct `role@org` pairs, for "does org X define role Y" checks. */
  readonly principals: readonly { readonly role: string; readonly org: string }[];
}

/**
 * What a policy names, so a definition can be refused before it is stored
 * when it mentions an organization or role that does not exist ("every role
 * exists").
 */
export function policyMentions(policy: Policy): PolicyMentions {
  const orgs = new Set<string>();
  const roles = new Set<string>();
  const pairs = new Map<string, { role: string; org: string }>();
  const visit = (clause: PolicyClause): void => {
    if (clause.kind === 'threshold') {
      clause.clauses.forEach(visit);
      return;
    }
    orgs.add(clause.org);
    roles.add(clause.role);
    pairs.set(`${clause.role}@${clause.org}`, { role: clause.role, org: clause.org });
  };
  visit(policy);
  const sorted = (values: Iterable<string>): string[] => [...values].sort();
  return {
    orgs: sorted(orgs),
    roles: sorted(roles),
    principals: sorted(pairs.keys()).map((key) => pairs.get(key)!),
  };
}
