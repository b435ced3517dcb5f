import type { CommutationAssessment, EligibilityAssessment, ParoleAssessment } from './assessment.ts';
import { assessCommutationInContext } from './assess-commutation.ts';
import { assessParoleInContext } from './assess-parole.ts';
import { cnSpcRules, ruleVersionOf } from './cn-spc-rules.ts';
import { eligibilityContextOf } from './eligibility-context.ts';
import type { EligibilityInput } from './eligibility-input.ts';
import type { EligibilityRules } from './eligibility-rules.ts';
import { validateEligibilityInput } from './validate-input.ts';

function isParoleAvailable(parole: ParoleAssessment): boolean {
  return parole.exclusions.length === 0 && parole.earliestDate.date !== null && parole.earliestDate.date <= parole.asOf;
}

/**
 * Commutation and parole eligibility of one prisoner as of `input.asOf`.
 * Pure: the same input and rules always give the same result, which records
 * the rule version it was judged under. Throws a CustosError with a
 * PRISON_ELIGIBILITY_* code (error-codes.ts) for input it cannot judge.
 */
export function assessEligibility(input: EligibilityInput, rules: EligibilityRules = cnSpcRules): EligibilityAssessment {
  const context = eligibilityContextOf(validateEligibilityInput(input, rules), rules);
  const parole = assessParoleInContext(context);
  return { ruleVersion: ruleVersionOf(rules), commutation: assessCommutationInContext(context, isParoleAvailable(parole)), parole };
}

/** The commutation half of `assessEligibility`. */
export function assessCommutation(input: EligibilityInput, rules: EligibilityRules = cnSpcRules): CommutationAssessment {
  return assessEligibility(input, rules).commutation;
}

/** The parole half of `assessEligibility`. */
export function assessParole(input: EligibilityInput, rules: EligibilityRules = cnSpcRules): ParoleAssessment {
  return assessEligibility(input, rules).parole;
}

/** Validates untrusted input (an API body, a stored record) for the functions above. */
export function parseEligibilityInput(value: unknown, rules: EligibilityRules = cnSpcRules): EligibilityInput {
  return validateEligibilityInput(value, rules);
}
