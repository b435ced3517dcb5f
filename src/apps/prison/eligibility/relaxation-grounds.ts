import type { Reason } from './assessment.ts';
import { hasReachedAge } from './age.ts';
import { cite, reason } from './cite.ts';
import { isArticle81Excluded, type CrimeProfile } from './crime-profile.ts';
import type { EligibilityInput } from './eligibility-input.ts';
import type { EligibilityRules } from './eligibility-rules.ts';

export interface RelaxationGrounds {
  /** Grounds for the ⅓ relaxation (SPC 2016 arts. 19 ¶2, 20 ¶2, 31). Several grounds do not add up. */
  readonly third: readonly Reason[];
  /** Why a relaxation that might be expected does not apply. */
  readonly notes: readonly Reason[];
}

/** Old, seriously ill or disabled in the sense of SPC 2016 art. 39. */
export function isElderlyIllOrDisabled(input: EligibilityInput, rules: EligibilityRules): boolean {
  const health = input.prisoner.health ?? {};
  return (
    hasReachedAge(input.prisoner.birthDate, rules.spc2016.elderlyAgeYears, input.asOf) ||
    health.seriouslyIll === true ||
    (health.disabled === true && health.disabilitySelfInflicted !== true)
  );
}

/** 基本丧失劳动能力，生活难以自理 (SPC 2016 arts. 20 ¶2, 26(4)). */
export function hasLostCapacityAndSelfCare(input: EligibilityInput): boolean {
  const health = input.prisoner.health ?? {};
  return health.lostWorkCapacity === true && health.unableToCareForSelf === true;
}

/** SPC 2016 art. 31: 80 or over, ill or unable to care for oneself, no risk of reoffending. */
export function isArticle31Prisoner(input: EligibilityInput, rules: EligibilityRules): boolean {
  const health = input.prisoner.health ?? {};
  return (
    hasReachedAge(input.prisoner.birthDate, rules.spc2016.preferredParoleAgeYears, input.asOf) &&
    (health.ill === true || health.seriouslyIll === true || health.unableToCareForSelf === true) &&
    input.prisoner.noRiskOfReoffending === true
  );
}

/**
 * Which ⅓ relaxations of SPC 2016 apply to a commutation. `paroleAvailable`
 * matters for art. 31, which relaxes commutation only for prisoners who
 * cannot be paroled.
 */
export function relaxationGroundsOf(
  input: EligibilityInput,
  profile: CrimeProfile,
  rules: EligibilityRules,
  paroleAvailable: boolean,
): RelaxationGrounds {
  const third: Reason[] = [];
  const notes: Reason[] = [];
  const { birthDate } = input.prisoner;
  const { spc2016 } = rules;

  const minorOn = rules.conventions.minorAgeAt === 'service-start' ? input.sentence.executionStartDate : input.asOf;
  if (!hasReachedAge(birthDate, spc2016.minorAgeYears, minorOn)) {
    if (isArticle81Excluded(profile)) {
      notes.push(reason(cite.spc2016('19 ¶1'), 'minor, but the crime falls under Criminal Law art. 81 ¶2: no relaxation'));
    } else {
      third.push(reason(cite.spc2016('19 ¶2'), `under ${spc2016.minorAgeYears} on ${minorOn} (${cite.convention('minorAgeAt')})`));
    }
  }

  const health = input.prisoner.health ?? {};
  if (health.disabled === true && health.disabilitySelfInflicted === true) {
    notes.push(reason(cite.spc2016('39 ¶3'), 'a disability self-inflicted after the crime does not count'));
  }
  if (isElderlyIllOrDisabled(input, rules)) {
    if (hasLostCapacityAndSelfCare(input)) {
      if (hasReachedAge(birthDate, spc2016.elderlyAgeYears, input.asOf)) {
        third.push(reason(cite.spc2016('39 ¶1'), `${spc2016.elderlyAgeYears} or over on the proposal date ${input.asOf}`));
      }
      third.push(reason(cite.spc2016('20 ¶2'), 'old, seriously ill or disabled, has basically lost the capacity to work and cannot care for themself'));
    } else {
      notes.push(reason(cite.spc2016('20 ¶1'), 'old, seriously ill or disabled without loss of work capacity and self-care: repentance is judged mainly on admission of guilt, no relaxation'));
    }
  }

  if (isArticle31Prisoner(input, rules)) {
    if (paroleAvailable) notes.push(reason(cite.spc2016('31'), '80 or over, ill, no risk: parole is preferred'));
    else third.push(reason(cite.spc2016('31'), '80 or over, ill or unable to care for themself, no risk, parole not available: relaxed as art. 20'));
  }
  return { third, notes };
}
