import { problem, type DefinitionProblem } from './definition-problem.ts';
import type { ProcedureDefinition } from './definition.ts';

/**
 * Ids are unique and every state or step a definition names exists:
 * PROC_DEF_DUPLICATE_ID, PROC_DEF_UNKNOWN_STATE, PROC_DEF_UNKNOWN_STEP,
 * PROC_DEF_BAD_INITIAL.
 */
export function checkReferences(definition: ProcedureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const states = definition.states;
  const state = (id: string, path: string): void => {
    if (!Object.hasOwn(states, id)) problems.push(problem('PROC_DEF_UNKNOWN_STATE', path, `${path}: state '${id}' is not declared in states`));
  };

  state(definition.initial, 'initial');
  if (Object.hasOwn(states, definition.initial) && states[definition.initial]?.final === true) {
    problems.push(problem('PROC_DEF_BAD_INITIAL', 'initial', `initial: state '${definition.initial}' is final, so every case would open closed`));
  }

  const stepIds = new Set<string>();
  definition.steps.forEach((step, i) => {
    if (stepIds.has(step.id)) problems.push(problem('PROC_DEF_DUPLICATE_ID', `steps[${i}].id`, `steps[${i}].id: step id '${step.id}' is used twice`));
    stepIds.add(step.id);
    step.from.forEach((from, j) => state(from, `steps[${i}].from[${j}]`));
    state(step.to, `steps[${i}].to`);
    if (step.rejectTo !== undefined) state(step.rejectTo, `steps[${i}].rejectTo`);
  });

  const deadlineIds = new Set<string>();
  (definition.deadlines ?? []).forEach((deadline, i) => {
    if (deadlineIds.has(deadline.id)) problems.push(problem('PROC_DEF_DUPLICATE_ID', `deadlines[${i}].id`, `deadlines[${i}].id: deadline id '${deadline.id}' is used twice`));
    deadlineIds.add(deadline.id);
    state(deadline.state, `deadlines[${i}].state`);
    const step = deadline.onExpiry.step;
    if (step !== undefined && !stepIds.has(step)) {
      problems.push(problem('PROC_DEF_UNKNOWN_STEP', `deadlines[${i}].onExpiry.step`, `deadlines[${i}].onExpiry.step: step '${step}' is not declared in steps`));
    }
  });

  if (definition.withdraw !== undefined) {
    state(definition.withdraw.to, 'withdraw.to');
    (definition.withdraw.from ?? []).forEach((from, j) => state(from, `withdraw.from[${j}]`));
  }
  return problems;
}
