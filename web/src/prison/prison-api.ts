import type { JsonObject } from '@custos/crypto/canonical-json.ts';
import type { AlertDoc } from '@custos/apps/prison/alerts/raise-alert.ts';
import type { CycleDoc, PrisonDoc, PrisonerDoc, ScoreEntryDoc } from '@custos/apps/prison/contract/prison-docs.ts';
import type { EligibilityAssessment } from '@custos/apps/prison/eligibility/assessment.ts';
import type { PointsRules } from '@custos/apps/prison/points/points-rules.ts';
import { requestJson } from '../api/http.ts';
import { stateApi } from '../api/state-api.ts';

export type { AlertDoc, CycleDoc, EligibilityAssessment, PointsRules, PrisonDoc, PrisonerDoc, ScoreEntryDoc };

/** A prisoner with the histories GET /v1/prison/prisoners/:id adds to the current row. */
export interface PrisonerRecord extends PrisonerDoc {
  movements: JsonObject[];
  rulings: JsonObject[];
}

export interface AccountEntry {
  id?: string;
  kind?: string;
  amountFen?: number;
  balanceFen?: number;
  reason?: string;
  date?: string;
  height?: number;
  [key: string]: unknown;
}

export interface PrisonerAccount {
  account: { prisonerId: string; prison: string; balanceFen: number; month: string; spentThisMonthFen: number };
  entries: AccountEntry[];
}

/** A case as GET /v1/procedures/cases lists it. */
export interface CaseSummary {
  caseId: string;
  procedure: { id: string; version: number };
  subject: { type: string; id: string };
  org: string;
  unit: string | null;
  state: string;
  closed: boolean;
  overdue: boolean;
  awaiting: string[];
  openedAt: number;
  updatedAt: number;
  nextDueAt: number | null;
}

export interface CaseFilter {
  procedure?: string;
  state?: string;
  org?: string;
  awaiting?: string;
  overdue?: boolean;
  closed?: boolean;
}

const id = encodeURIComponent;

/** Reads of the prison app (public ledger reads, like every /v1/prison route) and the procedure case lists. */
export const prisonApi = {
  prisons: () => requestJson<{ prisons: PrisonDoc[] }>('/v1/prison/prisons').then((r) => r.prisons),
  prisoners: (prison: string, limit = 1000) => requestJson<{ prisoners: PrisonerDoc[] }>(`/v1/prison/prisons/${id(prison)}/prisoners?limit=${limit}`).then((r) => r.prisoners),
  prisoner: (prisonerId: string) => requestJson<PrisonerRecord>(`/v1/prison/prisoners/${id(prisonerId)}`),
  scores: (prisonerId: string) => requestJson<{ balance: number; entries: ScoreEntryDoc[]; cycles: CycleDoc[] }>(`/v1/prison/prisoners/${id(prisonerId)}/scores`),
  eligibility: (prisonerId: string) => requestJson<EligibilityAssessment & { prisonerId: string }>(`/v1/prison/prisoners/${id(prisonerId)}/eligibility`),
  account: (prisonerId: string) => requestJson<PrisonerAccount>(`/v1/prison/prisoners/${id(prisonerId)}/account`),
  alerts: (query: { prison?: string; status?: 'open' | 'closed'; prisonerId?: string; limit?: number }) =>
    requestJson<{ alerts: AlertDoc[] }>(`/v1/prison/alerts?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`).then((r) => r.alerts),
  /** The points rules in force (`prison.config`), or null while governance has published none (the contract's defaults apply). */
  pointsRules: async (): Promise<PointsRules | null> => {
    try {
      const pointer = await stateApi.get<{ version: number }>('prison.config', 'points-rules');
      const found = await stateApi.get<{ params: PointsRules }>('prison.config', `points-rules@${pointer.doc.version}`);
      return found.doc.params;
    } catch {
      return null;
    }
  },
  cases: (filter: CaseFilter, limit = 500) =>
    requestJson<{ cases: CaseSummary[]; next: number | null }>(
      `/v1/procedures/cases?${new URLSearchParams([...Object.entries(filter).map(([k, v]) => [k, String(v)]), ['limit', String(limit)]]).toString()}`,
    ).then((r) => r.cases),
};
