import type { CaseDocument } from './case-document.ts';
import type { ProcedureDefinition } from './definition.ts';
import { procedureError } from './procedure-error.ts';

/**
 * A case runs on the definition version it was opened with; handing the engine
 * another definition (or version) is PROC_DEFINITION_MISMATCH.
 */
export function checkCaseMatches(definition: ProcedureDefinition, doc: CaseDocument): void {
  if (doc.procedure.id !== definition.id || doc.procedure.version !== definition.version) {
    throw procedureError('PROC_DEFINITION_MISMATCH', `case ${doc.id} runs on ${doc.procedure.id} v${doc.procedure.version}, not ${definition.id} v${definition.version}`, {
      caseId: doc.id,
      procedure: doc.procedure,
    });
  }
}
