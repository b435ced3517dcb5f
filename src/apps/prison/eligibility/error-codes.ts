/**
 * Error codes of the eligibility calculators: the view of the `PRISON_ELIGIBILITY_`
 * entries of the shared registry in `src/errors/codes.ts`.
 */
import { errorCodes, type ErrorCode } from '../../../errors/codes.ts';

export type EligibilityErrorCode = Extract<ErrorCode, `PRISON_ELIGIBILITY_${string}`>;

export const eligibilityErrorCodes = Object.fromEntries(Object.entries(errorCodes).filter(([code]) => code.startsWith('PRISON_ELIGIBILITY_'))) as {
  readonly [Code in EligibilityErrorCode]: (typeof errorCodes)[Code];
};
