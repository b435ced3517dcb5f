import type { Block, Reason } from './assessment.ts';
import { cite, reason } from './cite.ts';
import type { CrimeProfile } from './crime-profile.ts';
import type { EligibilityInput } from './eligibility-input.ts';
import type { EligibilityRules } from './eligibility-rules.ts';
import { addMonths, type IsoDate } from './iso-date.ts';

export interface BlockContext {
  readonly input: EligibilityInput;
  readonly profile: CrimeProfile;
  readonly rules: EligibilityRules;
  /** Major merit in the window: lifts the bars that yield to it (Criminal Law art. 78 ¶1 "应当减刑"; SPC 2024 art. 4 ¶4). */
  readonly majorMerit: boolean;
  /** The day the stage counts "as life" from, for death with reprieve. */
  readonly lifeAnchor: IsoDate | null;
  readonly maxFurtherReductionMonths: number | null;
}

/** Legal bars to a commutation, whether or not they are in force on the as-of date. */
export function commutationBlocksOf({ input, profile, rules, majorMerit, lifeAnchor, maxFurtherReductionMonths }: BlockContext): Block[] {
  const { sentence } = input;
  const blocks: Block[] = [];
  const add = (code: string, until: IsoDate | null, waivable: boolean, article: string, text: string, ...more: Reason[]): void => {
    blocks.push({ code, until, waived: waivable && majorMerit, reasons: [reason(article, text), ...more] });
  };

  if (sentence.kind === 'death-reprieve' && sentence.wholeLife) {
    add('WHOLE_LIFE', null, false, cite.spc2016('15'), 'whole-life imprisonment (终身监禁): no commutation', reason(cite.criminalLaw('383 ¶4'), '终身监禁，不得减刑、假释'));
  }
  if (sentence.kind === 'suspended') {
    add('SUSPENDED_SENTENCE', null, true, cite.spc2016('18 ¶1'), 'suspended sentence: commutation only for major merit');
  }

  const newCrime = rules.spc2016.newCrime;
  for (const crime of input.newCrimes ?? []) {
    if (!crime.intentional) continue;
    const months = crime.punishment === 'life' ? newCrime.lifeBlockMonths : newCrime.fixedTermBlockMonths;
    const until = addMonths(crime.judgmentEffectiveDate, months);
    add('NEW_CRIME', until, false, cite.spc2016('21 ¶1'), `new intentional crime, ${crime.punishment} judged ${crime.judgmentEffectiveDate}: no reduction for ${months} months, until ${until}`);
  }
  if (sentence.kind === 'death-reprieve' && sentence.reprieveRestartDate !== undefined && lifeAnchor !== null) {
    const until = addMonths(lifeAnchor, newCrime.reprieveBlockMonths);
    add('NEW_CRIME_IN_REPRIEVE', until, false, cite.spc2016('21 ¶2'), `intentional crime during the reprieve: no reduction for ${newCrime.reprieveBlockMonths} months after reduction to life, until ${until}`);
  }

  const in2024 = input.asOf >= rules.inForce.spc2024;
  if (profile.propertyUnpaid && in2024) {
    add(
      'PROPERTY_UNPAID',
      null,
      true,
      cite.spc2024('4 ¶1'),
      'able to pay the property judgment: reduction only after payment',
      reason(cite.spc2024('4 ¶4'), 'a reduction for major merit is generally not affected'),
    );
  }
  const refusalEnded = input.property?.refusalEndedOn;
  if (refusalEnded !== undefined && in2024) {
    const until = addMonths(refusalEnded, rules.spc2024.waitAfterRefusalMonths);
    add('PROPERTY_WAIT', until, true, cite.spc2024('6 ¶3'), `refusal to pay ended ${refusalEnded}: no reduction for ${rules.spc2024.waitAfterRefusalMonths} months, until ${until}`);
  }
  const behaviour = input.behaviour;
  if (profile.corruption2019 && (behaviour?.refusesToAdmitGuilt === true || profile.propertyUnpaid)) {
    add('CORRUPTION_NO_REPENTANCE', null, true, cite.spc2019('1'), 'corruption or bribery: refuses to admit guilt or to pay the property judgment: generally no reduction');
  }
  if (maxFurtherReductionMonths === 0) {
    add('MINIMUM_SERVED_REACHED', null, false, cite.criminalLaw('78 ¶2'), 'no reduction left above the minimum actually served');
  }
  return blocks;
}

/** Bars that stop a proposal: not waived and not yet over. */
export function isBlocking(block: Block, asOf: IsoDate): boolean {
  return !block.waived && (block.until === null || block.until > asOf);
}
