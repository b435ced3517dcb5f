/**
 * Error codes of the prison app (contracts and routes), in the shape of
 * src/errors/codes.ts, to be merged into that registry. A code, once
 * published, keeps its meaning: stored transaction results carry it.
 */
export const prisonErrorCodes = {
  PRISON_UNKNOWN_PRISON: { status: 404, title: 'No such prison or unit' },
  PRISON_UNKNOWN_PRISONER: { status: 404, title: 'No such prisoner' },
  PRISON_PRISONER_EXISTS: { status: 409, title: 'A prisoner with this id is already registered' },
  PRISON_PRISON_EXISTS: { status: 409, title: 'The prison is already registered' },
  PRISON_NOT_IN_CUSTODY: { status: 409, title: 'The prisoner is not in custody' },
  PRISON_OTHER_PRISON: { status: 403, title: 'The signer belongs to another prison than the prisoner' },
  PRISON_NO_PRISON_ATTRIBUTE: { status: 403, title: 'The signer has no prison attribute' },
  PRISON_DATE_IN_FUTURE: { status: 422, title: 'The date is after the block date' },
  PRISON_DATE_BEFORE_ADMISSION: { status: 422, title: 'The date is before the prisoner was admitted' },
  PRISON_BAD_DATE: { status: 400, title: 'Not a calendar date' },
  PRISON_SCORE_ABOVE_CAP: { status: 422, title: 'A score is above the cap of its part' },
  PRISON_SCORE_DUPLICATE_DAY: { status: 409, title: 'The day is already scored for this prisoner; correct it instead' },
  PRISON_SCORE_NO_LABOUR_PART: { status: 422, title: 'The prisoner is assessed without the labour part' },
  PRISON_ENTRY_NOT_FOUND: { status: 404, title: 'No such score entry' },
  PRISON_CORRECTION_EMPTY: { status: 422, title: 'The correction changes nothing' },
  PRISON_MONTH_NOT_ENDED: { status: 422, title: 'The month has not ended yet' },
  PRISON_MONTH_ALREADY_CLOSED: { status: 409, title: 'The month is already closed for this prisoner' },
  PRISON_BONUS_ABOVE_CAP: { status: 422, title: 'The special bonus is above the per-award or yearly cap' },
  PRISON_BAD_CONFINEMENT: { status: 422, title: 'Confinement must last 7 to 15 days (Prison Law art. 58)' },
  PRISON_CYCLE_NOT_FULL: { status: 409, title: 'The assessment cycle is not full or not in this state' },
  PRISON_GRADE_NOT_ALLOWED: { status: 422, title: 'This grade is not allowed for the cycle' },
  PRISON_SAME_PERSON: { status: 403, title: 'The same person may not take both steps' },
  PRISON_UNKNOWN_LEVEL: { status: 422, title: 'No such management level' },
  PRISON_RULES_INVALID: { status: 422, title: 'The rule parameters are inconsistent' },
  PRISON_RULES_VERSION: { status: 409, title: 'Rule versions must increase by one' },
  PRISON_SENTENCE_INVALID: { status: 422, title: 'The sentence or its history is inconsistent' },
  PRISON_REDUCTION_ABOVE_MAXIMUM: { status: 422, title: 'The reduction is above the maximum the law allows' },
  PRISON_BELOW_MINIMUM_SERVED: { status: 422, title: 'The reduction would cut the term below the minimum to be served' },
  PRISON_COMMUTATION_BARRED: { status: 422, title: 'No commutation is allowed for this sentence' },
  PRISON_RULING_EXISTS: { status: 409, title: 'A ruling for this case is already recorded' },
  PRISON_PROPERTY_NOT_FOUND: { status: 404, title: 'No such property judgment' },
  PRISON_PROPERTY_EXISTS: { status: 409, title: 'The property judgment is already recorded' },
  PRISON_OVERPAYMENT: { status: 422, title: 'The payment exceeds what is owed' },
  PRISON_INSUFFICIENT_FUNDS: { status: 422, title: 'The account balance is too low' },
  PRISON_SPENDING_LIMIT: { status: 422, title: "The spending is above the month's limit for the management level" },
  PRISON_SAME_PRISON: { status: 422, title: 'The transfer goes to the prison the prisoner is in' },
  PRISON_ALERT_NOT_FOUND: { status: 404, title: 'No such alert' },
  PRISON_ALERT_CLOSED: { status: 409, title: 'The alert is already closed' },
  PRISON_UNKNOWN_POST: { status: 422, title: 'No such post' },
  PRISON_POST_COOLING_OFF: { status: 422, title: 'The officer held this post too recently to return to it' },
} as const satisfies Record<string, { status: number; title: string }>;

export type PrisonErrorCode = keyof typeof prisonErrorCodes;
