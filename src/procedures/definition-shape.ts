import { Ajv } from 'ajv';
import definitionSchema from './definition-schema.json' with { type: 'json' };
import { pointerToPath, problem, type DefinitionProblem } from './definition-problem.ts';

/** The published JSON Schema of procedure definitions (draft-07). */
export { definitionSchema };

const ajv = new Ajv({ allErrors: true, strict: true });
const validateShape = ajv.compile(definitionSchema);

/**
 * Checks a parsed definition against the definition schema. Every mismatch is
 * one PROC_DEF_SCHEMA problem with the path of the offending value.
 */
export function definitionShapeProblems(value: unknown): DefinitionProblem[] {
  if (validateShape(value)) return [];
  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  for (const error of validateShape.errors ?? []) {
    // oneOf failures repeat the branch errors; keep each message once.
    let detail = error.message ?? error.keyword;
    if (error.keyword === 'additionalProperties') detail += ` '${String(error.params['additionalProperty'])}'`;
    if (error.keyword === 'pattern' || error.keyword === 'enum') detail += ` (got ${JSON.stringify(valueAt(value, error.instancePath))})`;
    const path = pointerToPath(error.instancePath);
    const key = `${path} ${detail}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem('PROC_DEF_SCHEMA', path, `${path}: ${detail}`));
  }
  return problems;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
