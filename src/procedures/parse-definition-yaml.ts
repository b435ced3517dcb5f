import { procedureError } from './procedure-error.ts';
import { definitionShapeProblems } from './definition-shape.ts';
import { parseYamlValue } from './parse-yaml-value.ts';
import type { ProcedureDefinition } from './definition.ts';

/**
 * Parses a YAML definition and checks it against the definition schema.
 * Throws PROC_DEF_YAML (with line and column) for bad YAML and PROC_DEF_SCHEMA
 * (every mismatch in `details.problems`) for a definition of the wrong shape.
 * Semantic checks are `checkDefinition`'s job.
 */
export function parseDefinitionYaml(text: string): ProcedureDefinition {
  const value = parseYamlValue(text, 'PROC_DEF_YAML');
  const problems = definitionShapeProblems(value);
  if (problems.length > 0) {
    throw procedureError('PROC_DEF_SCHEMA', `definition does not match the schema: ${problems.map((p) => p.message).join('; ')}`, { problems });
  }
  return value as ProcedureDefinition;
}
