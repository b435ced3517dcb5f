import { actorMatchesAny, type Actor } from '@custos/procedures/actor-pattern.ts';
import type { CaseDocument } from '@custos/procedures/case-document.ts';
import type { ProcedureDefinition, StepDefinition } from '@custos/procedures/definition.ts';

/**
 * The steps out of the case's current state this member may take (or
 * approve), by the definition's `allowed` patterns — the same matching the
 * engine applies, so a button shown is a step the contract will accept
 * unless a guard, evidence or approval rule says otherwise.
 */
export function availableSteps(definition: ProcedureDefinition, doc: CaseDocument, actor: Actor): StepDefinition[] {
  if (doc.closed) return [];
  return definition.steps.filter((step) => step.automatic !== true && step.from.includes(doc.state) && step.allowed !== undefined && actorMatchesAny(step.allowed, actor, doc.org));
}

/** Every `role@org` the member is, for the awaiting index. */
export function actorKeys(actor: Actor): string[] {
  return actor.roles.map((role) => `${role}@${actor.org}`);
}
