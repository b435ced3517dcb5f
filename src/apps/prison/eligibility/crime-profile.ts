import type { Reason } from './assessment.ts';
import { cite, reason } from './cite.ts';
import type { EligibilityInput, Conviction, CrimeCategory, Punishment } from './eligibility-input.ts';
import type { EligibilityRules } from './eligibility-rules.ts';
import { hasReachedAge } from './age.ts';

/** What the crimes and the prisoner's record mean for the rules. */
export interface CrimeProfile {
  readonly recidivist: boolean;
  /** SPC 2016 art. 7 ¶1 categories that apply (also listed by arts. 9 and 11). */
  readonly strictCategories: readonly Reason[];
  /** A violent crime punished with ten years or more, life or death (Criminal Law art. 81 ¶2; SPC 2016 arts. 7 ¶2, 25). */
  readonly violentTenYears: boolean;
  /** Any violent crime (SPC 2016 arts. 9, 11, for life and death with reprieve). */
  readonly violent: boolean;
  /** Two or more crimes each punished with ten years or more (SPC 2016 art. 7 ¶2). */
  readonly twoCrimesTenYears: boolean;
  /** Several crimes combined (数罪并罚, SPC 2016 arts. 9, 11). */
  readonly multipleCrimes: boolean;
  /** SPC 2019 governs: corruption or bribery judged after Amendment IX, assessed after 2019-06-01. */
  readonly corruption2019: boolean;
  /** Duty, financial or organised crime (SPC 2016 art. 3 ¶2; SPC 2024 art. 12). */
  readonly restitutionCategory: boolean;
  /** Every crime negligent (SPC 2016 art. 26(1)). */
  readonly allNegligent: boolean;
  /** Under 18 when every crime was committed (SPC 2016 art. 26(3)). */
  readonly minorAtOffence: boolean;
  /** Able to pay a property judgment and not paying (SPC 2016 arts. 7, 27; SPC 2024 arts. 4, 6). */
  readonly propertyUnpaid: boolean;
}

const strictCategoryNames: ReadonlyArray<[CrimeCategory, string]> = [
  ['duty', 'duty crime (职务犯罪)'],
  ['corruption-bribery', 'corruption or bribery (贪污贿赂), a duty crime'],
  ['financial', 'financial crime (破坏金融管理秩序和金融诈骗)'],
  ['organized-crime', 'organised crime (黑社会性质组织)'],
  ['state-security', 'crime against state security (危害国家安全)'],
  ['terrorism', 'terrorist crime (恐怖活动)'],
  ['drug-group-leader', 'leader of a drug group (毒品犯罪集团的首要分子)'],
  ['drug-reoffender', 'drug reoffender (毒品再犯)'],
];

/** SPC 2016 art. 3 ¶2; SPC 2024 art. 12. */
const restitutionCategories: readonly CrimeCategory[] = ['duty', 'corruption-bribery', 'financial', 'organized-crime'];

function hasCategory(convictions: readonly Conviction[], category: CrimeCategory): boolean {
  return convictions.some((conviction) => conviction.categories.includes(category));
}

/** Ten years or more, life or death: the "十年以上" of the rules (Criminal Law art. 99 counts ten itself). */
function isTenYearsOrMore(punishment: Punishment, tenYearsMonths: number): boolean {
  if (punishment.kind === 'life' || punishment.kind === 'death-reprieve') return true;
  return punishment.kind === 'fixed-term' && punishment.months >= tenYearsMonths;
}

export function crimeProfileOf(input: EligibilityInput, rules: EligibilityRules): CrimeProfile {
  const { convictions } = input.sentence;
  const ten = rules.spc2016.tenYearsMonths;
  const propertyUnpaid = input.property?.state === 'able-unpaid';
  const corruption =
    hasCategory(convictions, 'corruption-bribery') &&
    input.sentence.judgmentEffectiveDate >= rules.inForce.criminalLawAmendmentNine &&
    input.asOf >= rules.inForce.spc2019;

  const strictCategories: Reason[] = strictCategoryNames
    .filter(([category]) => hasCategory(convictions, category))
    .map(([, name]) => reason(cite.spc2016('7 ¶1'), name));
  if (input.prisoner.recidivist) strictCategories.push(reason(cite.spc2016('7 ¶1'), 'recidivist (累犯)'));
  if (propertyUnpaid) {
    strictCategories.push(reason(cite.spc2016('7 ¶1'), 'able to pay a property judgment and not paying it in full'));
  }

  const birth = input.prisoner.birthDate;
  const adult = rules.spc2016.minorAgeYears;
  return {
    recidivist: input.prisoner.recidivist,
    strictCategories,
    violentTenYears: convictions.some(
      (conviction) =>
        conviction.categories.includes('violent') && isTenYearsOrMore(conviction.punishment, rules.criminalLaw.violentThresholdMonths),
    ),
    violent: hasCategory(convictions, 'violent'),
    twoCrimesTenYears: convictions.filter((conviction) => isTenYearsOrMore(conviction.punishment, ten)).length >= 2,
    multipleCrimes: convictions.length >= 2,
    corruption2019: corruption,
    restitutionCategory: restitutionCategories.some((category) => hasCategory(convictions, category)),
    allNegligent: convictions.every((conviction) => conviction.categories.includes('negligent')),
    minorAtOffence: convictions.every((conviction) => !hasReachedAge(birth, adult, conviction.offenceDate)),
    propertyUnpaid,
  };
}

/** Barred from parole by Criminal Law art. 81 ¶2 (and so excluded from the minors' relaxation, SPC 2016 art. 19). */
export function isArticle81Excluded(profile: CrimeProfile): boolean {
  return profile.recidivist || profile.violentTenYears;
}
