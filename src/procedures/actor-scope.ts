import type { JsonObject } from './case-document.ts';
import type { Actor } from './actor-pattern.ts';
import type { ProcedureDefinition } from './definition.ts';
import { procedureError } from './procedure-error.ts';

/**
 * A definition's `actorScope` ties members to the subjects they may act on:
 * `{attribute: prison, subject: prison}` means a member whose certificate
 * carries `prison=JS-07` may open or act on a case only when the subject's
 * `prison` is `JS-07`. Members without the attribute (a prosecutor, a judge)
 * are not limited by it. Checked before every action, so a step's roles
 * alone never let an officer of one prison act on another's prisoner.
 */
export function checkActorScope(definition: ProcedureDefinition, actor: Actor, subject: JsonObject | undefined): void {
  for (const rule of definition.actorScope ?? []) {
    const held = actor.attributes?.[rule.attribute];
    if (held === undefined) continue;
    const value = subject?.[rule.subject];
    if (value !== held) {
      throw procedureError('PROC_STEP_NOT_ALLOWED', `member ${actor.memberId} (${rule.attribute}=${held}) may not act on a subject whose ${rule.subject} is ${JSON.stringify(value ?? null)}`, {
        memberId: actor.memberId,
        attribute: rule.attribute,
      });
    }
  }
}
