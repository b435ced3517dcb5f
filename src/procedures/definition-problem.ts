import type { ProcedureErrorCode } from './error-codes.ts';

/**
 * One reason a definition is refused: a stable code, where in the definition
 * (`states.notice`, `steps[3].guard`) and a message naming the problem.
 */
export interface DefinitionProblem {
  readonly code: ProcedureErrorCode;
  readonly path: string;
  readonly message: string;
}

/** Builds a problem; a small helper so every check reads the same. */
export function problem(code: ProcedureErrorCode, path: string, message: string): DefinitionProblem {
  return { code, path, message };
}

/** JSON pointer (`/steps/3/guard`) to the path form used in problems (`steps[3].guard`). */
export function pointerToPath(pointer: string): string {
  if (pointer === '') return '(definition)';
  let path = '';
  for (const raw of pointer.slice(1).split('/')) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^\d+$/.test(part)) path += `[${part}]`;
    else path += path === '' ? part : `.${part}`;
  }
  return path;
}
