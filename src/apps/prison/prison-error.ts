import { custosError, type CustosError } from '../../errors/custos-error.ts';
import type { ErrorCode } from '../../errors/codes.ts';
import type { PrisonErrorCode } from './error-codes.ts';

/**
 * The one way the prison app fails. The codes live in `error-codes.ts` until
 * they are merged into src/errors/codes.ts; the cast goes away then.
 */
export function prisonError(code: PrisonErrorCode, message: string, details: Record<string, unknown> = {}): CustosError {
  return custosError(code as unknown as ErrorCode, message, details);
}
