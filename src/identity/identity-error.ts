import { custosError, type CustosError } from '../errors/custos-error.ts';
import type { IdentityErrorCode } from './error-codes.ts';

/** `custosError` narrowed to the identity layer's codes, so this layer cannot raise another layer's. */
export function identityError(code: IdentityErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown): CustosError {
  return custosError(code, message, details, cause);
}
