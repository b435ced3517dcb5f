import type { ProcedureDefinition } from '@custos/procedures/definition.ts';
import type { CaseSummary } from './prison-api.ts';

export interface Stage {
  /** `procedure/state`. */
  key: string;
  procedure: string;
  state: string;
  title: { zh: string; en: string } | null;
  cases: CaseSummary[];
}

/**
 * Cases grouped by procedure and state, in the order the definition lists
 * its states (so the board reads left to right as a case moves), states
 * without cases left out; procedures without a known definition last.
 */
export function casesByStage(cases: readonly CaseSummary[], definitions: readonly ProcedureDefinition[]): Stage[] {
  const order = new Map<string, number>();
  const titles = new Map<string, { zh: string; en: string }>();
  definitions.forEach((definition, d) =>
    Object.entries(definition.states).forEach(([state, spec], s) => {
      order.set(`${definition.id}/${state}`, d * 1000 + s);
      titles.set(`${definition.id}/${state}`, spec.title);
    }),
  );
  const stages = new Map<string, Stage>();
  for (const c of cases) {
    const key = `${c.procedure.id}/${c.state}`;
    const stage = stages.get(key) ?? { key, procedure: c.procedure.id, state: c.state, title: titles.get(key) ?? null, cases: [] };
    stage.cases.push(c);
    stages.set(key, stage);
  }
  for (const stage of stages.values()) stage.cases.sort((a, b) => (a.nextDueAt ?? Infinity) - (b.nextDueAt ?? Infinity));
  return [...stages.values()].sort((a, b) => (order.get(a.key) ?? 1e9) - (order.get(b.key) ?? 1e9) || a.key.localeCompare(b.key));
}
