import { problem, type DefinitionProblem } from './definition-problem.ts';
import { findStep, type ProcedureDefinition } from './definition.ts';

/**
 * Deadlines fit their states and steps (PROC_DEF_BAD_DEADLINE): no deadline on
 * a final state; an expiry step is automatic and leaves the deadline's state;
 * every automatic step is fired by some deadline (else nothing can take it).
 */
export function checkDeadlines(definition: ProcedureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const fired = new Set<string>();
  (definition.deadlines ?? []).forEach((deadline, i) => {
    const path = `deadlines[${i}]`;
    if (definition.states[deadline.state]?.final === true) {
      problems.push(problem('PROC_DEF_BAD_DEADLINE', `${path}.state`, `${path}.state: deadline '${deadline.id}' is on final state '${deadline.state}', where nothing can happen any more`));
    }
    const stepId = deadline.onExpiry.step;
    if (stepId === undefined) return;
    fired.add(stepId);
    const step = findStep(definition, stepId);
    if (step === undefined) return; // reported as PROC_DEF_UNKNOWN_STEP
    if (step.automatic !== true) {
      problems.push(problem('PROC_DEF_BAD_DEADLINE', `${path}.onExpiry.step`, `${path}.onExpiry.step: step '${stepId}' is taken by members; a deadline can only fire an automatic step`));
    }
    if (!step.from.includes(deadline.state)) {
      problems.push(problem('PROC_DEF_BAD_DEADLINE', `${path}.onExpiry.step`, `${path}.onExpiry.step: step '${stepId}' does not leave state '${deadline.state}' that deadline '${deadline.id}' runs in`));
    }
  });
  definition.steps.forEach((step, i) => {
    if (step.automatic === true && !fired.has(step.id)) {
      problems.push(problem('PROC_DEF_BAD_DEADLINE', `steps[${i}].automatic`, `steps[${i}].automatic: automatic step '${step.id}' is not fired by any deadline, so nothing can take it`));
    }
  });
  return problems;
}
