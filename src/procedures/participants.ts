import type { ActorPattern, ProcedureDefinition } from './definition.ts';

/**
 * Every actor pattern a definition names (who may open, take, approve, extend,
 * be escalated to, or withdraw): the members who may comment on its cases.
 */
export function participantPatterns(definition: ProcedureDefinition): ActorPattern[] {
  const patterns = new Set<ActorPattern>(definition.open.allowed);
  for (const step of definition.steps) for (const pattern of step.allowed ?? []) patterns.add(pattern);
  for (const deadline of definition.deadlines ?? []) {
    for (const pattern of deadline.extension?.allowed ?? []) patterns.add(pattern);
    if (deadline.onExpiry.escalate !== undefined) patterns.add(deadline.onExpiry.escalate);
  }
  for (const pattern of definition.withdraw?.allowed ?? []) patterns.add(pattern);
  return [...patterns].sort();
}
