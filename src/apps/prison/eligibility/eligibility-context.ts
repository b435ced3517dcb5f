import type { Grounds, MinimumServed } from './assessment.ts';
import { crimeProfileOf, type CrimeProfile } from './crime-profile.ts';
import type { EligibilityInput } from './eligibility-input.ts';
import type { EligibilityRules } from './eligibility-rules.ts';
import { groundsOf } from './grounds.ts';
import { minimumServedOf } from './minimum-served.ts';
import { sentenceStateOf, type SentenceState } from './sentence-state.ts';

/** Everything derived once from a validated input, shared by the commutation and parole assessments. */
export interface EligibilityContext {
  readonly input: EligibilityInput;
  readonly rules: EligibilityRules;
  readonly profile: CrimeProfile;
  readonly state: SentenceState;
  readonly grounds: Grounds;
  readonly minimumServed: MinimumServed;
}

export function eligibilityContextOf(input: EligibilityInput, rules: EligibilityRules): EligibilityContext {
  const profile = crimeProfileOf(input, rules);
  const state = sentenceStateOf(input, rules);
  return {
    input,
    rules,
    profile,
    state,
    grounds: groundsOf(input, state.evidenceSince, profile, rules),
    minimumServed: minimumServedOf(input, state, rules),
  };
}
