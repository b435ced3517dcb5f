import { stateIds, type ProcedureDefinition } from '@custos/procedures/definition.ts';
import { definitionTransitions, type Transition } from '@custos/procedures/transitions.ts';

export interface PlacedState {
  id: string;
  column: number;
  row: number;
}

export interface DiagramLayout {
  states: PlacedState[];
  transitions: Transition[];
  columns: number;
  rows: number;
}

/**
 * Columns by the shortest number of steps from the initial state (steps
 * only; rejections and withdrawals run backwards or sideways), rows in
 * definition order within a column. Unreachable states get a last column.
 */
export function layoutDiagram(definition: ProcedureDefinition): DiagramLayout {
  const transitions = definitionTransitions(definition).filter((t) => Object.hasOwn(definition.states, t.from) && Object.hasOwn(definition.states, t.to));
  const depth = new Map<string, number>([[definition.initial, 0]]);
  const queue = [definition.initial];
  while (queue.length > 0) {
    const from = queue.shift() ?? '';
    for (const t of transitions) {
      if (t.kind === 'step' && t.from === from && !depth.has(t.to)) {
        depth.set(t.to, (depth.get(from) ?? 0) + 1);
        queue.push(t.to);
      }
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const rowsUsed = new Map<number, number>();
  const order = [definition.initial, ...definition.steps.map((s) => s.to), ...stateIds(definition)];
  const states: PlacedState[] = [];
  for (const id of new Set(order)) {
    if (!Object.hasOwn(definition.states, id)) continue;
    const column = depth.get(id) ?? maxDepth + 1;
    const row = rowsUsed.get(column) ?? 0;
    rowsUsed.set(column, row + 1);
    states.push({ id, column, row });
  }
  return { states, transitions, columns: Math.max(...states.map((s) => s.column)) + 1, rows: Math.max(...rowsUsed.values()) };
}
