import type { DateFinding, Exclusion, ParoleAssessment, Reason } from './assessment.ts';
import { cite, reason } from './cite.ts';
import { ruleVersionOf } from './cn-spc-rules.ts';
import type { EligibilityContext } from './eligibility-context.ts';
import { addDays, addMonths, latestDate, type IsoDate } from './iso-date.ts';
import { halfServedDate } from './minimum-served.ts';
import { hasLostCapacityAndSelfCare, isArticle31Prisoner, isElderlyIllOrDisabled } from './relaxation-grounds.ts';
import { lastDayOf } from './sentence-state.ts';

/** Criminal Law art. 81 ¶1 and SPC 2016 art. 23: when enough has been served. */
function timeEligibleOf({ input, rules, state }: EligibilityContext): DateFinding {
  const { sentence } = input;
  const special = reason(cite.spc2016('24'), 'the time condition can be waived only with SPC approval for political, defence or diplomatic needs (Criminal Law art. 81 ¶1)');
  switch (sentence.kind) {
    case 'fixed-term': {
      if (state.originalTerm === null) return { date: null, reasons: [] };
      const date = halfServedDate(state.originalTerm, rules);
      return {
        date,
        reasons: [
          reason(cite.criminalLaw('81 ¶1'), `fixed term: half of the original ${sentence.termMonths} months served on ${date} (${rules.conventions.halfTermMethod})`),
          reason(cite.spc2016('23 ¶1'), `counted from execution on ${sentence.executionStartDate} with ${sentence.custodyCreditDays} days of custody credited`),
          special,
        ],
      };
    }
    case 'life': {
      const date = addMonths(sentence.judgmentEffectiveDate, rules.criminalLaw.lifeServedMonths);
      return {
        date,
        reasons: [
          reason(cite.criminalLaw('81 ¶1'), `life: ${rules.criminalLaw.lifeServedMonths} months actually served`),
          reason(cite.spc2016('23 ¶2'), `counted from the judgment taking effect on ${sentence.judgmentEffectiveDate}, custody not credited: ${date}`),
          special,
        ],
      };
    }
    case 'death-reprieve': {
      if (state.reprieveEnd === null) return { date: null, reasons: [] };
      const date = addMonths(state.reprieveEnd, rules.spc2016.reprieveParoleServedMonths);
      return {
        date,
        reasons: [reason(cite.spc2016('23 ¶3'), `death with reprieve: ${rules.spc2016.reprieveParoleServedMonths} months from the end of the reprieve on ${state.reprieveEnd}: ${date}`), special],
      };
    }
    case 'suspended':
      return { date: null, reasons: [reason(cite.criminalLaw('81 ¶1'), 'parole applies to fixed-term and life prisoners, not to suspended sentences')] };
  }
}

function exclusionsOf({ input, rules, profile }: EligibilityContext): Exclusion[] {
  const { sentence } = input;
  const exclusions: Exclusion[] = [];
  const add = (code: string, absolute: boolean, article: string, text: string, ...more: Reason[]): void => {
    exclusions.push({ code, absolute, reasons: [reason(article, text), ...more] });
  };
  if (sentence.kind === 'suspended') add('NOT_IN_CUSTODY', true, cite.criminalLaw('81 ¶1'), 'suspended sentence: parole does not apply');
  if (sentence.kind === 'death-reprieve' && sentence.wholeLife) add('WHOLE_LIFE', true, cite.spc2016('15'), 'whole-life imprisonment: no parole', reason(cite.criminalLaw('383 ¶4'), '终身监禁，不得减刑、假释'));
  if (profile.recidivist) add('RECIDIVIST', true, cite.criminalLaw('81 ¶2'), 'recidivist (累犯): no parole', reason(cite.spc2016('25 ¶1'), 'recidivists are not paroled'));
  if (profile.violentTenYears) {
    const law = reason(cite.criminalLaw('81 ¶2'), `violent crime punished with ${rules.criminalLaw.violentThresholdMonths} months or more, life or death: no parole`);
    if (sentence.kind === 'death-reprieve') add('VIOLENT_CRIME', true, cite.spc2016('25 ¶2'), 'sentenced to death with reprieve for it: no parole after reduction either', law);
    else add('VIOLENT_CRIME', true, cite.spc2016('25 ¶1'), 'violent crime punished with 10 years or more or life: no parole', law);
  }
  if (profile.propertyUnpaid) {
    const in2024 = input.asOf >= rules.inForce.spc2024 ? [reason(cite.spc2024('4 ¶1'), 'parole only after payment')] : [];
    add('PROPERTY_UNPAID', true, cite.spc2016('27'), 'able to pay the property judgment and not paying: no parole', ...in2024);
  }
  if (profile.corruption2019 && (input.behaviour?.refusesToAdmitGuilt === true || profile.propertyUnpaid)) {
    add('CORRUPTION_NO_REPENTANCE', true, cite.spc2019('1'), 'corruption or bribery: refuses to admit guilt or to pay: no parole');
  }
  const revocation = input.paroleRevocation;
  if (revocation !== undefined) {
    const exception = revocation.ground === 'omitted-crime' && revocation.omittedCrimeConfessed === true;
    if (!exception) add('PAROLE_REVOKED', false, cite.spc2016('30 ¶1'), 'parole revoked before: generally no second parole');
  }
  if (input.prisoner.noRiskOfReoffending === false) add('RISK_OF_REOFFENDING', true, cite.criminalLaw('81 ¶1'), 'assessed as at risk of reoffending');
  return exclusions;
}

/** SPC 2016 art. 28 and SPC 2024 art. 6 ¶3: waits that push the time condition back. */
function waitsOf({ input, rules, state }: EligibilityContext, considerations: Reason[]): { dates: IsoDate[]; reasons: Reason[] } {
  const dates: IsoDate[] = [];
  const reasons: Reason[] = [];
  const last = [...state.rulings].reverse().find((ruling) => ruling.kind !== 'reprieve-to-life');
  if (last !== undefined) {
    const after = rules.spc2016.paroleAfterCommutation;
    const large =
      last.kind === 'reduction' ? last.months >= after.largeReductionMonths : rules.conventions.conversionIsLargeReduction;
    const months = large ? after.intervalAfterLargeReductionMonths : after.intervalMonths;
    const date = addMonths(last.servedDate, months);
    dates.push(date);
    reasons.push(reason(cite.spc2016('28 ¶1'), `${months} months after the ruling served ${last.servedDate}${large ? ' (a reduction of a year or more)' : ''}: ${date}`));
    if (state.term !== null && addMonths(last.servedDate, after.shortRemainderMonths) > state.term.endExclusive) {
      considerations.push(reason(cite.spc2016('28 ¶2'), 'less than two years left after the last reduction: the interval may be shortened'));
    }
  }
  const refusalEnded = input.property?.refusalEndedOn;
  if (refusalEnded !== undefined && input.asOf >= rules.inForce.spc2024) {
    const date = addMonths(refusalEnded, rules.spc2024.waitAfterRefusalMonths);
    dates.push(date);
    reasons.push(reason(cite.spc2024('6 ¶3'), `${rules.spc2024.waitAfterRefusalMonths} months after the refusal to pay ended on ${refusalEnded}: ${date}`));
  }
  return { dates, reasons };
}

function considerationsOf({ input, rules, profile }: EligibilityContext): Reason[] {
  const considerations: Reason[] = [];
  if (profile.allNegligent) considerations.push(reason(cite.spc2016('26(1)'), 'negligent crime: parole applied leniently'));
  if (profile.minorAtOffence) considerations.push(reason(cite.spc2016('26(3)'), `under ${rules.spc2016.minorAgeYears} at the time of the crime: parole applied leniently`));
  if (isElderlyIllOrDisabled(input, rules) && hasLostCapacityAndSelfCare(input)) {
    considerations.push(reason(cite.spc2016('26(4)'), 'old, seriously ill or disabled, unable to work or care for themself: parole applied leniently if provided for after release'));
  }
  if (profile.corruption2019) considerations.push(reason(cite.spc2019('6'), 'corruption or bribery: parole applied strictly'));
  return considerations;
}

function probationOf({ input, rules, state }: EligibilityContext, paroleDate: IsoDate | null): ParoleAssessment['probation'] {
  if (paroleDate === null) return { endsOn: null, reasons: [] };
  if (state.term !== null) {
    const endsOn = lastDayOf(state.term);
    if (endsOn < paroleDate) return { endsOn: null, reasons: [reason(cite.criminalLaw('83 ¶1'), `the term ends on ${endsOn}, before parole could be granted`)] };
    return { endsOn, reasons: [reason(cite.criminalLaw('83 ¶1'), `probation is the rest of the term, to ${endsOn}`)] };
  }
  if (input.sentence.kind === 'life' || input.sentence.kind === 'death-reprieve') {
    const endsOn = addDays(addMonths(paroleDate, rules.criminalLaw.lifeParoleProbationMonths), -1);
    return { endsOn, reasons: [reason(cite.criminalLaw('83 ¶1'), `life: ${rules.criminalLaw.lifeParoleProbationMonths} months of probation from ${paroleDate} (art. 83 ¶2) to ${endsOn}`)] };
  }
  return { endsOn: null, reasons: [] };
}

/** Parole (假释): Criminal Law arts. 81–83, SPC 2016 arts. 22–31, SPC 2019 arts. 1 and 6, SPC 2024 arts. 4 and 6. */
export function assessParoleInContext(context: EligibilityContext): ParoleAssessment {
  const { input, rules, grounds } = context;
  const timeEligible = timeEligibleOf(context);
  const considerations = considerationsOf(context);
  const waits = waitsOf(context, considerations);
  const earliest: DateFinding =
    timeEligible.date === null
      ? timeEligible
      : { date: latestDate(timeEligible.date, ...waits.dates), reasons: [...timeEligible.reasons, ...waits.reasons] };
  const exclusions = exclusionsOf(context);
  // Art. 31 prefers parole only for prisoners who meet its conditions; the others get the art. 20 relaxation instead.
  const preferred = isArticle31Prisoner(input, rules) && exclusions.length === 0;
  if (preferred) considerations.push(reason(cite.spc2016('31'), '80 or over, ill or unable to care for themself, no risk of reoffending: parole preferred'));
  return {
    ruleVersion: ruleVersionOf(rules),
    asOf: input.asOf,
    timeEligible,
    earliestDate: earliest,
    exclusions,
    considerations,
    preferred,
    probation: probationOf(context, earliest.date),
    eligibleNow: exclusions.length === 0 && earliest.date !== null && earliest.date <= input.asOf && grounds.repentance,
  };
}
