import { assessEligibility } from '../eligibility/index.ts';
import type { EligibilityAssessment, EligibilityInput, IsoDate } from '../eligibility/index.ts';
import type { PrisonerDoc } from '../contract/prison-docs.ts';

/** The calculators' input for a prisoner as the ledger knows them, as of a day. */
export function eligibilityInputOf(prisoner: PrisonerDoc, asOf: IsoDate): EligibilityInput {
  return {
    asOf,
    prisoner: {
      birthDate: prisoner.birthDate,
      recidivist: prisoner.recidivist,
      health: prisoner.health,
      ...(prisoner.noRiskOfReoffending === null ? {} : { noRiskOfReoffending: prisoner.noRiskOfReoffending }),
    },
    sentence: prisoner.sentence,
    // Facts dated after the as-of day cannot count for it (a commendation after the ruling date).
    commutations: prisoner.commutations.filter((ruling) => ruling.servedDate <= asOf),
    newCrimes: prisoner.newCrimes.filter((crime) => crime.judgmentEffectiveDate <= asOf),
    property: prisoner.property,
    behaviour: {
      commendations: prisoner.commendations.filter((date) => date <= asOf),
      merits: prisoner.merits.filter((merit) => merit.date <= asOf),
      ...(prisoner.refusesRestitution ? { refusesRestitution: true } : {}),
      ...(prisoner.refusesToAdmitGuilt ? { refusesToAdmitGuilt: true } : {}),
    },
  };
}

/** The earliest day an assessment can be made as of: not before the sentence's own dates. */
export function assessableDay(prisoner: Pick<PrisonerDoc, 'sentence' | 'commutations'>, day: IsoDate): IsoDate {
  let asOf = day;
  const floor = [prisoner.sentence.executionStartDate, prisoner.sentence.judgmentEffectiveDate, ...prisoner.commutations.map((c) => c.servedDate)];
  for (const date of floor) if (date > asOf) asOf = date;
  return asOf;
}

export function assessPrisoner(prisoner: PrisonerDoc, asOf: IsoDate): EligibilityAssessment {
  return assessEligibility(eligibilityInputOf(prisoner, assessableDay(prisoner, asOf)));
}

/**
 * The dates the prisoner's row carries for queries ("eligible for review in
 * March"): expected release, next commutation and parole dates, and the rule
 * version they were judged under. Recomputed on every change to the facts.
 */
export function sentenceDatesOf(prisoner: PrisonerDoc, asOf: IsoDate): Pick<PrisonerDoc, 'expectedRelease' | 'nextEligibility'> {
  const assessment = assessPrisoner(prisoner, asOf);
  return {
    expectedRelease: assessment.commutation.currentTerm?.endsOn ?? null,
    nextEligibility: {
      commutation: assessment.commutation.earliestProposal.date,
      parole: assessment.parole.exclusions.some((e) => e.absolute) ? null : assessment.parole.earliestDate.date,
      asOf: assessment.commutation.asOf,
      ruleVersion: assessment.ruleVersion,
    },
  };
}
