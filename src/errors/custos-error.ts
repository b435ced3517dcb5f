import { errorCodes, type ErrorCode } from './codes.ts';

/**
 * The one error type of Custos. Every failure that crosses a module boundary
 * carries a stable `code` from the registry in `codes.ts`; the API maps the
 * code to an HTTP status and an `application/problem+json` body, and a failed
 * transaction stores the code in its result.
 */
export class CustosError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'CustosError';
    this.code = code;
    this.details = details;
  }

  get httpStatus(): number {
    return errorCodes[this.code].status;
  }
}

export function isCustosError(value: unknown): value is CustosError {
  return value instanceof CustosError;
}

/** Shorthand used across layers: `throw custosError('LEDGER_TX_BAD_SIGNATURE', '…', {txId})`. */
export function custosError(code: ErrorCode, message: string, details: Record<string, unknown> = {}, cause?: unknown): CustosError {
  return new CustosError(code, message, details, cause);
}
