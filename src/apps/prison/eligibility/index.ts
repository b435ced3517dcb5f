/**
 * Commutation (减刑) and parole (假释) eligibility calculators for the prison
 * app: Criminal Law arts. 78–83, SPC 法释〔2016〕23号 with its 2019 supplement
 * and SPC 法释〔2024〕5号. Pure functions of their input; rules are versioned
 * data (`cnSpcRules`).
 */
export { assessCommutation, assessEligibility, assessParole, parseEligibilityInput } from './assess-eligibility.ts';
export { cnSpcRules, ruleVersionOf } from './cn-spc-rules.ts';
export { eligibilityInputSchema } from './eligibility-input.ts';
export { eligibilityErrorCodes, type EligibilityErrorCode } from './error-codes.ts';
export type {
  Behaviour,
  Commutation,
  Conviction,
  CrimeCategory,
  EligibilityInput,
  Health,
  Merit,
  NewCrime,
  ParoleRevocation,
  Prisoner,
  PropertyJudgment,
  Punishment,
  Sentence,
} from './eligibility-input.ts';
export type { EligibilityRules, GroundsKey } from './eligibility-rules.ts';
export type {
  Block,
  CommutationAssessment,
  CurrentTerm,
  Grounds,
  LimitFinding,
  MinimumServed,
  MonthsFinding,
  DateFinding,
  EligibilityAssessment,
  Exclusion,
  ParoleAssessment,
  Reason,
  Reduction,
  Relaxation,
  SentenceStage,
} from './assessment.ts';
export type { IsoDate } from './iso-date.ts';
