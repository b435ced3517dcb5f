import { problem, type DefinitionProblem } from './definition-problem.ts';
import { stateIds, type ProcedureDefinition } from './definition.ts';
import { definitionTransitions } from './transitions.ts';

/**
 * The state graph is sound: every state is reachable from the initial one
 * (PROC_DEF_UNREACHABLE_STATE), every non-final state has a way out
 * (PROC_DEF_DEAD_END) that can lead to a final state (PROC_DEF_NO_PATH_TO_FINAL),
 * and nothing leaves a final state (PROC_DEF_FINAL_HAS_EXIT).
 */
export function checkGraph(definition: ProcedureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const ids = stateIds(definition);
  const known = new Set(ids);
  const isFinal = (id: string): boolean => definition.states[id]?.final === true;
  const edges = definitionTransitions(definition).filter((t) => known.has(t.from) && known.has(t.to));

  definition.steps.forEach((step, i) => {
    step.from.forEach((from, j) => {
      if (known.has(from) && isFinal(from)) {
        problems.push(problem('PROC_DEF_FINAL_HAS_EXIT', `steps[${i}].from[${j}]`, `steps[${i}].from[${j}]: step '${step.id}' leaves final state '${from}'`));
      }
    });
  });

  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) {
    if (isFinal(edge.from)) continue;
    outgoing.get(edge.from)?.push(edge.to);
    incoming.get(edge.to)?.push(edge.from);
  }

  const reachable = closure([definition.initial].filter((id) => known.has(id)), outgoing);
  const reachesFinal = closure(ids.filter(isFinal), incoming);

  for (const id of ids) {
    const path = `states.${id}`;
    if (!reachable.has(id)) {
      problems.push(problem('PROC_DEF_UNREACHABLE_STATE', path, `${path}: state '${id}' cannot be reached from initial state '${definition.initial}'`));
    }
    if (isFinal(id)) continue;
    if ((outgoing.get(id) ?? []).length === 0) {
      problems.push(problem('PROC_DEF_DEAD_END', path, `${path}: non-final state '${id}' has no step, rejection or withdrawal leading out of it`));
    } else if (!reachesFinal.has(id)) {
      problems.push(problem('PROC_DEF_NO_PATH_TO_FINAL', path, `${path}: no final state can be reached from state '${id}'`));
    }
  }
  return problems;
}

/** Every node reachable from `starts` along `next` (breadth first). */
function closure(starts: readonly string[], next: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set(starts);
  const queue = [...starts];
  for (let i = 0; i < queue.length; i++) {
    for (const to of next.get(queue[i] ?? '') ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}
