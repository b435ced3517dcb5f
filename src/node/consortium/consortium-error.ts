import { CustosError } from '../../errors/custos-error.ts';
import type { ErrorCode } from '../../errors/codes.ts';
import type { ConsortiumErrorCode } from './error-codes.ts';

/**
 * `custosError` for the consortium codes. Until `consortiumErrorCodes` is
 * merged into the central registry the code is cast; after the merge this
 * becomes a plain `custosError` call.
 */
export function consortiumError(code: ConsortiumErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown): CustosError {
  return new CustosError(code as unknown as ErrorCode, message, details, cause);
}
