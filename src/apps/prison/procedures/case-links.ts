import type { JsonObject } from '../../../crypto/canonical-json.ts';
import type { ContractContext } from '../../../runtime/contract.ts';
import { prisonCollections as c } from '../collections.ts';

/**
 * Per prisoner, the procedure cases the prison contract has acted on: the
 * proposals its calculators judged (`prison.checkCase`) and the rulings it
 * recorded (`prison.recordCaseRuling`). Procedure guards read them through the
 * prisoner subject (`case.id in subject.checkedCases`), so a case step can
 * require the app's own transaction without the engine knowing the app.
 */
export interface CaseLinksDoc extends JsonObject {
  prisonerId: string;
  checkedCases: string[];
  rulingCases: string[];
}

export function readCaseLinks(read: (collection: string, id: string) => JsonObject | undefined, prisonerId: string): CaseLinksDoc {
  return (read(c.caseLinks, prisonerId) as CaseLinksDoc | undefined) ?? { prisonerId, checkedCases: [], rulingCases: [] };
}

/** Adds a case to one of the lists (idempotent). */
export function linkCase(ctx: Pick<ContractContext, 'get' | 'put'>, prisonerId: string, list: 'checkedCases' | 'rulingCases', caseId: string): void {
  const links = readCaseLinks((collection, id) => ctx.get(collection, id)?.doc, prisonerId);
  if (links[list].includes(caseId)) return;
  ctx.put(c.caseLinks, prisonerId, { ...links, [list]: [...links[list], caseId] });
}
