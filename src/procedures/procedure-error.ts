import { CustosError } from '../errors/custos-error.ts';
import type { ErrorCode } from '../errors/codes.ts';
import type { ProcedureErrorCode } from './error-codes.ts';

/**
 * Makes a CustosError with a procedure code. Until `procedureErrorCodes` is
 * merged into `src/errors/codes.ts` the code is cast; after the merge the cast
 * is a no-op and can go.
 */
export function procedureError(
  code: ProcedureErrorCode,
  message: string,
  details: Record<string, unknown> = {},
  cause?: unknown,
): CustosError {
  return new CustosError(code as unknown as ErrorCode, message, details, cause);
}

