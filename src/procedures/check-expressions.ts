import { problem, type DefinitionProblem } from './definition-problem.ts';
import type { ProcedureDefinition } from './definition.ts';
import { formSchemaProblem } from './form-schema.ts';
import { guardProblem } from './guard.ts';

/**
 * Every guard compiles to a CEL bool over the guard variables
 * (PROC_DEF_BAD_GUARD) and every form is a valid strict JSON Schema
 * (PROC_DEF_BAD_FORM_SCHEMA).
 */
export function checkExpressions(definition: ProcedureDefinition): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const guard = (expression: string | undefined, path: string): void => {
    if (expression === undefined) return;
    const reason = guardProblem(expression);
    if (reason !== undefined) problems.push(problem('PROC_DEF_BAD_GUARD', path, `${path}: guard does not compile: ${reason}`));
  };
  guard(definition.open.guard, 'open.guard');
  definition.steps.forEach((step, i) => {
    guard(step.guard, `steps[${i}].guard`);
    if (step.form !== undefined) {
      const reason = formSchemaProblem(step.form);
      if (reason !== undefined) problems.push(problem('PROC_DEF_BAD_FORM_SCHEMA', `steps[${i}].form`, `steps[${i}].form: not a valid JSON Schema: ${reason}`));
    }
  });
  return problems;
}
