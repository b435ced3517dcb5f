import { custosError, type CustosError } from '../../../errors/custos-error.ts';
import type { ErrorCode } from '../../../errors/codes.ts';
import type { EligibilityErrorCode } from './error-codes.ts';

/**
 * The one way this module fails. The codes live in `error-codes.ts` until they
 * are merged into src/errors/codes.ts; the cast below goes away then (until
 * the merge, `CustosError.httpStatus` cannot look these codes up).
 */
export function eligibilityError(code: EligibilityErrorCode, message: string, details: Record<string, unknown> = {}): CustosError {
  return custosError(code as unknown as ErrorCode, message, details);
}
