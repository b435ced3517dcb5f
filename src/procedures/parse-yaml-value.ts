import { parseDocument } from 'yaml';
import type { ProcedureErrorCode } from './error-codes.ts';
import { procedureError } from './procedure-error.ts';

/**
 * YAML text to a plain JSON value: core schema (no timestamps, no custom tags),
 * unique keys, bounded aliases. Throws `code` with line and column of the
 * first error; every error is in `details.errors`.
 */
export function parseYamlValue(text: string, code: ProcedureErrorCode): unknown {
  const document = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  const first = document.errors[0];
  if (first !== undefined) {
    const position = first.linePos?.[0];
    const where = position === undefined ? '' : ` at line ${String(position.line)}, column ${String(position.col)}`;
    throw procedureError(code, `invalid YAML${where}: ${first.message.split('\n')[0] ?? first.code}`, {
      errors: document.errors.map((error) => ({ code: error.code, message: error.message.split('\n')[0] ?? '', line: error.linePos?.[0]?.line })),
    });
  }
  return document.toJS({ maxAliasCount: 100 });
}
