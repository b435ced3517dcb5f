import { checkActors, type DefinitionCheckOptions } from './check-actors.ts';
import { checkDeadlines } from './check-deadlines.ts';
import { checkExpressions } from './check-expressions.ts';
import { checkGraph } from './check-graph.ts';
import { checkReferences } from './check-references.ts';
import { checkSteps } from './check-steps.ts';
import type { DefinitionProblem } from './definition-problem.ts';
import { definitionShapeProblems } from './definition-shape.ts';
import type { ProcedureDefinition } from './definition.ts';
import { procedureError } from './procedure-error.ts';

export type { DefinitionCheckOptions } from './check-actors.ts';

/**
 * Every reason a definition must be refused, in a stable order; empty when it
 * may be registered. First the schema (PROC_DEF_SCHEMA); only a definition of
 * the right shape goes on to the semantic checks — references, the state
 * graph, roles and organizations, step consistency, guards and forms, and
 * deadlines — all of which run, so one pass reports every problem.
 */
export function checkDefinition(definition: unknown, options: DefinitionCheckOptions): DefinitionProblem[] {
  const shape = definitionShapeProblems(definition);
  if (shape.length > 0) return shape;
  const checked = definition as ProcedureDefinition;
  return [
    ...checkReferences(checked),
    ...checkGraph(checked),
    ...checkActors(checked, options),
    ...checkSteps(checked),
    ...checkExpressions(checked),
    ...checkDeadlines(checked),
  ];
}

/**
 * `checkDefinition`, throwing PROC_DEF_INVALID (every problem in
 * `details.problems`) when there is any; returns the definition typed.
 */
export function assertDefinition(definition: unknown, options: DefinitionCheckOptions): ProcedureDefinition {
  const problems = checkDefinition(definition, options);
  if (problems.length > 0) {
    throw procedureError('PROC_DEF_INVALID', `definition has ${problems.length} problem(s): ${problems.map((p) => `${p.code} ${p.message}`).join('; ')}`, { problems });
  }
  return definition as ProcedureDefinition;
}
