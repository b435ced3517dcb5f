/**
 * Stable error codes of the procedure engine, in the shape of the registry in
 * `src/errors/codes.ts` (merged there; this is the view of its PROC_ entries). A code, once published, keeps its
 * meaning: stored transaction results and clients depend on it.
 *
 * `PROC_DEF_*` codes name a problem in a procedure definition (static checks,
 * run before governance accepts a definition); the other codes are the reasons
 * a case action is rejected (the case is then left unchanged).
 */
import { errorCodes, type ErrorCode } from '../errors/codes.ts';

export type ProcedureErrorCode = Extract<ErrorCode, `PROC_${string}`>;

export const procedureErrorCodes = Object.fromEntries(Object.entries(errorCodes).filter(([code]) => code.startsWith('PROC_'))) as {
  readonly [Code in ProcedureErrorCode]: (typeof errorCodes)[Code];
};
