import { parseActorPattern } from './actor-pattern.ts';
import { problem, type DefinitionProblem } from './definition-problem.ts';
import { caseOrgToken, type ProcedureDefinition } from './definition.ts';

/** The roles and organizations of the network a definition is checked against. */
export interface DefinitionCheckOptions {
  /** The network's roles, or a test of whether a role exists. */
  readonly knownRoles: readonly string[] | ((role: string) => boolean);
  /** The network's organizations, or a test (organizations added by governance cannot be listed from the state). */
  readonly knownOrgs: readonly string[] | ((org: string) => boolean);
}

function membership(known: readonly string[] | ((name: string) => boolean)): (name: string) => boolean {
  if (typeof known === 'function') return known;
  const names = new Set(known);
  return (name) => names.has(name);
}

/**
 * Every role and organization the definition names exists in the network:
 * PROC_DEF_UNKNOWN_ROLE and PROC_DEF_UNKNOWN_ORG, with the path of each use.
 * `$case` is always known.
 */
export function checkActors(definition: ProcedureDefinition, options: DefinitionCheckOptions): DefinitionProblem[] {
  const isRole = membership(options.knownRoles);
  const isOrg = membership(options.knownOrgs);
  const problems: DefinitionProblem[] = [];
  const org = (name: string, path: string): void => {
    if (name !== caseOrgToken && !isOrg(name)) problems.push(problem('PROC_DEF_UNKNOWN_ORG', path, `${path}: organization '${name}' is not an organization of the network`));
  };
  const pattern = (value: string, path: string): void => {
    const parsed = parseActorPattern(value);
    if (!isRole(parsed.role)) problems.push(problem('PROC_DEF_UNKNOWN_ROLE', path, `${path}: role '${parsed.role}' is not a role of the network`));
    org(parsed.org, path);
  };
  const patterns = (values: readonly string[] | undefined, path: string): void => {
    (values ?? []).forEach((value, i) => pattern(value, `${path}[${i}]`));
  };

  patterns(definition.open.allowed, 'open.allowed');
  definition.steps.forEach((step, i) => {
    patterns(step.allowed, `steps[${i}].allowed`);
    for (const name of Object.keys(step.approvals?.from ?? {}).sort()) org(name, `steps[${i}].approvals.from.${name}`);
  });
  (definition.deadlines ?? []).forEach((deadline, i) => {
    patterns(deadline.extension?.allowed, `deadlines[${i}].extension.allowed`);
    if (deadline.onExpiry.escalate !== undefined) pattern(deadline.onExpiry.escalate, `deadlines[${i}].onExpiry.escalate`);
  });
  if (definition.withdraw !== undefined) patterns(definition.withdraw.allowed, 'withdraw.allowed');
  return problems;
}
