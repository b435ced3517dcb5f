import type { ErrorCode } from '../errors/codes.ts';
import { CustosError } from '../errors/custos-error.ts';
import type { IdentityErrorCode } from './error-codes.ts';

/**
 * Builds a CustosError with an identity code. The cast is temporary: once
 * `identityErrorCodes` is merged into `src/errors/codes.ts` this becomes
 * `custosError(code, …)` and the cast goes. Until then `httpStatus` of these
 * errors is not available (the registry does not know the code); read the
 * status from `identityErrorCodes`.
 */
export function identityError(code: IdentityErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown): CustosError {
  return new CustosError(code as unknown as ErrorCode, message, details, cause);
}
