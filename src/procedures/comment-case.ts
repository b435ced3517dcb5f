import { actorMatchesAny } from './actor-pattern.ts';
import type { CommentAction } from './case-action.ts';
import type { CaseContext } from './case-context.ts';
import type { CaseDocument, MutableCase } from './case-document.ts';
import { actorRecord, appendHistory, cloneCase } from './case-state.ts';
import type { ProcedureDefinition } from './definition.ts';
import { participantPatterns } from './participants.ts';
import { procedureError } from './procedure-error.ts';

/** Adds a comment to the history. Only members the definition names may comment (PROC_STEP_NOT_ALLOWED). */
export function commentCase(definition: ProcedureDefinition, doc: CaseDocument, action: CommentAction, context: CaseContext): MutableCase {
  const { actor, blockTime } = context;
  if (!actorMatchesAny(participantPatterns(definition), actor, doc.org)) {
    throw procedureError('PROC_STEP_NOT_ALLOWED', `member ${actor.memberId} of ${actor.org} takes no part in procedure ${definition.id}`, { memberId: actor.memberId });
  }
  const next = cloneCase(doc);
  appendHistory(next, { at: blockTime, by: actorRecord(actor), kind: 'comment', text: action.text });
  return next;
}
