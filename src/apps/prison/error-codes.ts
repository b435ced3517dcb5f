/**
 * Error codes of the prison app (contracts and routes), in the shape of
 * src/errors/codes.ts, to be merged into that registry. A code, once
 * published, keeps its meaning: stored transaction results carry it.
 */
import { errorCodes, type ErrorCode } from '../../errors/codes.ts';

/** The view of the prison app's entries of the shared registry (src/errors/codes.ts), without the calculators' PRISON_ELIGIBILITY_ ones. */
export const prisonErrorCodes = Object.fromEntries(
  Object.entries(errorCodes).filter(([code]) => code.startsWith('PRISON_') && !code.startsWith('PRISON_ELIGIBILITY_')),
) as { readonly [Code in PrisonErrorCode]: (typeof errorCodes)[Code] };

export type PrisonErrorCode = Exclude<Extract<ErrorCode, `PRISON_${string}`>, `PRISON_ELIGIBILITY_${string}`>;
