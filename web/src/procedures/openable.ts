import { actorMatchesAny, type Actor } from '@custos/procedures/actor-pattern.ts';
import { checkActorScope } from '@custos/procedures/actor-scope.ts';
import type { JsonObject } from '@custos/procedures/case-document.ts';
import type { ProcedureDefinition } from '@custos/procedures/definition.ts';

/**
 * True when this member may open a case of `definition` on this subject: the
 * subject type matches, the member holds one of `open.allowed` (a new case's
 * organization is the opener's, as the engine resolves `$case`), and the
 * definition's `actorScope` lets the member act on this subject — the same
 * checks the engine makes, so a form shown is one the contract will take
 * unless the definition's open guard says otherwise.
 */
export function mayOpen(definition: ProcedureDefinition, actor: Actor, subject: { type: string; facts: JsonObject }): boolean {
  if (definition.subjectType !== subject.type) return false;
  if (!actorMatchesAny(definition.open.allowed, actor, actor.org)) return false;
  try {
    checkActorScope(definition, actor, subject.facts);
    return true;
  } catch {
    return false;
  }
}
