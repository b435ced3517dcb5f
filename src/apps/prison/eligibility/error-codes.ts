/**
 * Error codes of the eligibility calculators, in the shape of
 * src/errors/codes.ts, to be merged into that registry.
 */
export const eligibilityErrorCodes = {
  PRISON_ELIGIBILITY_BAD_INPUT: { status: 400, title: 'Eligibility input is malformed' },
  PRISON_ELIGIBILITY_HISTORY_INCONSISTENT: { status: 422, title: 'Sentence history is inconsistent with the sentence or the law' },
  PRISON_ELIGIBILITY_RULES_NOT_IN_FORCE: { status: 422, title: 'The rules were not in force on the as-of date' },
} as const satisfies Record<string, { status: number; title: string }>;

export type EligibilityErrorCode = keyof typeof eligibilityErrorCodes;
