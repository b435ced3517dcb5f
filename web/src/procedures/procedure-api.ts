import type { CaseDocument } from '@custos/procedures/case-document.ts';
import type { ProcedureDefinition } from '@custos/procedures/definition.ts';
import { requestJson } from '../api/http.ts';
import { stateApi } from '../api/state-api.ts';

export type { CaseDocument, ProcedureDefinition };

/** A definition registered by governance (`governance.procedures`, key `id@version`). */
export interface RegisteredProcedure {
  id: string;
  version: number;
  definition: ProcedureDefinition;
  hash: string;
  status: 'active' | 'retired';
  from: number;
  adoptedBy: string;
}

export interface CaseWrite {
  fromSeq: number;
  toSeq: number;
  txId: string | null;
  height: number;
  time: number;
}

/** A case as the procedures contract stores it (`procedures.cases`). */
export interface CaseRecord {
  v: 1;
  case: CaseDocument;
  unit: string | null;
  nextDueAt: number | null;
  writes: CaseWrite[];
}

/** A definition as GET /v1/procedures/definitions lists it (without the definition itself). */
export interface DefinitionSummary {
  id: string;
  version: number;
  status: 'active' | 'retired';
  hash: string;
  from: number;
  retiredFrom?: number;
  title: { zh: string; en: string };
}

/**
 * Procedures read straight from the world state's declared indexes. When the
 * procedures HTTP routes land (src/procedures/routes.ts) these four functions
 * are the only place to switch over.
 */
export const procedureApi = {
  definitions: async (): Promise<RegisteredProcedure[]> => {
    const [active, retired] = await Promise.all(['active', 'retired'].map((status) => stateApi.query<RegisteredProcedure>('governance.procedures', 'byStatus', [status])));
    return [...(active ?? []), ...(retired ?? [])].map((d) => d.doc);
  },
  definition: (id: string, version: number) => stateApi.get<RegisteredProcedure>('governance.procedures', `${id}@${version}`).then((d) => d.doc),
  /** The newest active version of each registered procedure, with its definition (GET /v1/procedures/definitions). */
  activeDefinitions: async (): Promise<ProcedureDefinition[]> => {
    const { definitions } = await requestJson<{ definitions: DefinitionSummary[] }>('/v1/procedures/definitions');
    const newest = new Map<string, DefinitionSummary>();
    for (const d of definitions) if (d.status === 'active' && (newest.get(d.id)?.version ?? 0) < d.version) newest.set(d.id, d);
    const full = await Promise.all([...newest.values()].map((d) => requestJson<{ definition: ProcedureDefinition }>(`/v1/procedures/definitions/${encodeURIComponent(d.id)}/${d.version}`)));
    return full.map((f) => f.definition);
  },
  case: (caseId: string) => stateApi.get<CaseRecord>('procedures.cases', caseId).then((d) => d.doc),
  /** Open cases of an organization, and cases waiting for any of the given `role@org`. */
  board: async (org: string, awaiting: readonly string[]): Promise<CaseRecord[]> => {
    const own = await stateApi.query<CaseRecord>('procedures.cases', 'byOrg', [org, false], 500);
    const waiting = await Promise.all(awaiting.map((who) => stateApi.query<{ caseId: string }>('procedures.awaiting', 'byAwaiting', [who], 200)));
    const byId = new Map(own.map((d) => [d.doc.case.id, d.doc]));
    const missing = [...new Set(waiting.flat().map((d) => d.doc.caseId))].filter((id) => !byId.has(id));
    for (const record of await Promise.all(missing.map((id) => procedureApi.case(id)))) byId.set(record.case.id, record);
    return [...byId.values()];
  },
};
