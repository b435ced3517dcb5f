import { Value } from '@sinclair/typebox/value';
import { eligibilityError } from './eligibility-error.ts';
import { eligibilityInputSchema, type Commutation, type EligibilityInput } from './eligibility-input.ts';
import type { EligibilityRules } from './eligibility-rules.ts';
import { addMonths, daysBetween, isIsoDate, type IsoDate } from './iso-date.ts';

/** Every string at a path ending in a date-like key, for the calendar check. */
function collectDates(value: unknown, path: string, out: Array<[string, unknown]>): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectDates(item, `${path}/${index}`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) collectDates(item, `${path}/${key}`, out);
  } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    out.push([path, value]);
  }
}

function badInput(message: string, details: Record<string, unknown> = {}): never {
  throw eligibilityError('PRISON_ELIGIBILITY_BAD_INPUT', message, details);
}

function inconsistent(message: string, details: Record<string, unknown> = {}): never {
  throw eligibilityError('PRISON_ELIGIBILITY_HISTORY_INCONSISTENT', message, details);
}

function checkOrder(label: string, earlier: IsoDate, later: IsoDate, details: Record<string, unknown> = {}): void {
  if (later < earlier) inconsistent(`${label}: ${later} is before ${earlier}`, details);
}

/** The sequence of rulings a sentence kind allows (Criminal Law arts. 50, 78, 80). */
function checkRulingSequence(input: EligibilityInput, rulings: readonly Commutation[], reprieveEnd: IsoDate | null, majorMeritTermMonths: number): void {
  const { sentence } = input;
  const kind = sentence.kind;
  let phase: 'term' | 'life' | 'reprieve' = kind === 'life' ? 'life' : kind === 'death-reprieve' ? 'reprieve' : 'term';
  rulings.forEach((ruling, index) => {
    const at = { index, ruling };
    if (kind === 'suspended') inconsistent('rulings on a suspended sentence are not modelled', at);
    if (ruling.kind === 'reprieve-to-life' || ruling.kind === 'reprieve-to-fixed-term') {
      if (phase !== 'reprieve') inconsistent(`${ruling.kind} outside a running reprieve`, at);
      if (reprieveEnd !== null) checkOrder('a reprieve ruling comes after the reprieve ends (Criminal Law art. 50)', reprieveEnd, ruling.rulingDate, at);
      if (ruling.kind === 'reprieve-to-fixed-term' && ruling.termMonths !== majorMeritTermMonths) {
        inconsistent(`major merit during the reprieve gives ${majorMeritTermMonths} months (Criminal Law art. 50 ¶1)`, at);
      }
      phase = ruling.kind === 'reprieve-to-life' ? 'life' : 'term';
    } else if (ruling.kind === 'to-fixed-term') {
      if (phase !== 'life') inconsistent('to-fixed-term needs a life sentence', at);
      if (sentence.kind === 'death-reprieve' && sentence.wholeLife) inconsistent('whole-life imprisonment is not reduced (SPC 2016 art. 15)', at);
      phase = 'term';
    } else if (phase !== 'term') {
      inconsistent('a reduction by months needs a fixed term', at);
    }
  });
}

/**
 * Checks an eligibility input and returns it typed. Shape errors →
 * PRISON_ELIGIBILITY_BAD_INPUT; dates out of order or rulings the sentence
 * cannot have → PRISON_ELIGIBILITY_HISTORY_INCONSISTENT; an as-of date before
 * SPC 2016 took effect → PRISON_ELIGIBILITY_RULES_NOT_IN_FORCE.
 */
export function validateEligibilityInput(value: unknown, rules: EligibilityRules): EligibilityInput {
  if (!Value.Check(eligibilityInputSchema, value)) {
    const errors = [...Value.Errors(eligibilityInputSchema, value)].slice(0, 5).map((error) => `${error.path || '/'}: ${error.message}`);
    badInput(`eligibility input does not match the schema: ${errors.join('; ')}`, { errors });
  }
  const input = value;
  const dates: Array<[string, unknown]> = [];
  collectDates(input, '', dates);
  for (const [path, date] of dates) if (!isIsoDate(date)) badInput(`${path}: ${String(date)} is not a calendar date`, { path });

  if (input.asOf < rules.inForce.spc2016) {
    throw eligibilityError('PRISON_ELIGIBILITY_RULES_NOT_IN_FORCE', `${rules.id} applies from ${rules.inForce.spc2016} (SPC 2016 art. 42); as of ${input.asOf} it did not`, {
      asOf: input.asOf,
    });
  }

  const { sentence, prisoner } = input;
  checkOrder('judgment effective date vs. delivery to prison', sentence.judgmentEffectiveDate, sentence.executionStartDate);
  checkOrder('as-of date vs. delivery to prison', sentence.executionStartDate, input.asOf);
  for (const conviction of sentence.convictions) {
    checkOrder('offence vs. birth', prisoner.birthDate, conviction.offenceDate, { crime: conviction.crime });
    checkOrder('judgment vs. offence', conviction.offenceDate, sentence.judgmentEffectiveDate, { crime: conviction.crime });
    const punishment = conviction.punishment;
    // Criminal Law art. 45: one crime carries at most 15 years; art. 42: criminal detention at most 6 months.
    if (punishment.kind === 'fixed-term' && punishment.months > 180) badInput(`${conviction.crime}: a single fixed term is at most 180 months (Criminal Law art. 45)`);
    if (punishment.kind === 'criminal-detention' && punishment.months > 6) badInput(`${conviction.crime}: criminal detention is at most 6 months (Criminal Law art. 42)`);
  }
  const punishments = sentence.convictions.map((conviction) => conviction.punishment.kind);
  const categories = sentence.convictions.flatMap((conviction) => conviction.categories);

  let reprieveEnd: IsoDate | null = null;
  switch (sentence.kind) {
    case 'fixed-term':
      // Criminal Law art. 69: combined fixed terms are at most 25 years.
      if (sentence.termMonths > 300) badInput('a fixed term is at most 300 months (Criminal Law art. 69)');
      if (sentence.custodyCreditDays >= daysBetween(sentence.executionStartDate, addMonths(sentence.executionStartDate, sentence.termMonths))) {
        inconsistent('custody before execution is as long as the term itself');
      }
      if (punishments.includes('life') || punishments.includes('death-reprieve')) inconsistent('a fixed-term sentence cannot include life or death');
      // Criminal Law art. 69: the combined term is at least the longest single term.
      for (const conviction of sentence.convictions) {
        if (conviction.punishment.kind === 'fixed-term' && conviction.punishment.months > sentence.termMonths) {
          inconsistent(`${conviction.crime}: ${conviction.punishment.months} months exceed the combined term (Criminal Law art. 69)`);
        }
      }
      break;
    case 'life':
      if (!punishments.includes('life') || punishments.includes('death-reprieve')) inconsistent('a life sentence needs a life conviction and no death sentence');
      if (sentence.politicalRights !== undefined && sentence.politicalRights !== 'life') badInput('life imprisonment carries deprivation of political rights for life (Criminal Law art. 57)');
      if (sentence.omittedCrimeRejudgment !== undefined) {
        checkOrder('omitted-crime rejudgment vs. judgment', sentence.judgmentEffectiveDate, sentence.omittedCrimeRejudgment.judgmentEffectiveDate);
        checkOrder('as-of date vs. omitted-crime rejudgment', sentence.omittedCrimeRejudgment.judgmentEffectiveDate, input.asOf);
      }
      break;
    case 'death-reprieve': {
      if (!punishments.includes('death-reprieve')) inconsistent('death with reprieve needs a conviction punished with death with reprieve');
      if (sentence.politicalRights !== undefined && sentence.politicalRights !== 'life') badInput('death with reprieve carries deprivation of political rights for life (Criminal Law art. 57)');
      if (sentence.restricted && !prisoner.recidivist && !categories.includes('violent')) {
        inconsistent('commutation may be restricted only for recidivists and violent crimes (Criminal Law art. 50 ¶2)');
      }
      if (sentence.wholeLife && !categories.includes('corruption-bribery')) inconsistent('whole-life imprisonment is only for corruption and bribery (Criminal Law art. 383 ¶4)');
      if (sentence.wholeLife && sentence.restricted) inconsistent('a sentence is either restricted (art. 50 ¶2) or whole-life (art. 383 ¶4)');
      const reprieveStart = sentence.reprieveRestartDate ?? sentence.judgmentEffectiveDate;
      if (sentence.reprieveRestartDate !== undefined) {
        checkOrder('restarted reprieve vs. judgment', sentence.judgmentEffectiveDate, sentence.reprieveRestartDate);
        checkOrder('as-of date vs. restarted reprieve', sentence.reprieveRestartDate, input.asOf);
      }
      reprieveEnd = addMonths(reprieveStart, rules.criminalLaw.reprieveMonths);
      break;
    }
    case 'suspended':
      if (sentence.underlying === 'criminal-detention' && sentence.termMonths > 6) badInput('criminal detention is at most 6 months (Criminal Law art. 42)');
      if (sentence.underlying === 'fixed-term' && sentence.termMonths > rules.spc2016.suspended.maxFixedTermMonths) {
        badInput(`only terms of up to ${rules.spc2016.suspended.maxFixedTermMonths} months are suspended (Criminal Law art. 72; SPC 2016 art. 18 ¶1)`);
      }
      break;
  }

  const rulings = input.commutations ?? [];
  let previous: IsoDate = sentence.executionStartDate;
  rulings.forEach((ruling, index) => {
    checkOrder('ruling dates in order', previous, ruling.rulingDate, { index });
    checkOrder('service after ruling', ruling.rulingDate, ruling.servedDate, { index });
    checkOrder('as-of date vs. service of a ruling', ruling.servedDate, input.asOf, { index });
    previous = ruling.rulingDate;
  });
  checkRulingSequence(input, rulings, reprieveEnd, rules.criminalLaw.reprieveMajorMeritTermMonths);
  if (sentence.kind === 'fixed-term') {
    const reduced = rulings.reduce((total, ruling) => total + (ruling.kind === 'reduction' ? ruling.months : 0), 0);
    if (reduced >= sentence.termMonths) inconsistent('reductions exceed the term');
  }
  const conversion = rulings.find((ruling) => ruling.kind === 'to-fixed-term' || ruling.kind === 'reprieve-to-fixed-term');
  if (conversion !== undefined && 'termMonths' in conversion) {
    const after = rulings.slice(rulings.indexOf(conversion) + 1);
    const reduced = after.reduce((total, ruling) => total + (ruling.kind === 'reduction' ? ruling.months : 0), 0);
    if (reduced >= conversion.termMonths) inconsistent('reductions exceed the term');
  }

  for (const crime of input.newCrimes ?? []) {
    checkOrder('new crime judged after delivery to prison', sentence.executionStartDate, crime.judgmentEffectiveDate);
    checkOrder('as-of date vs. new crime judgment', crime.judgmentEffectiveDate, input.asOf);
  }
  const behaviour = input.behaviour;
  for (const date of behaviour?.commendations ?? []) checkOrder('as-of date vs. commendation', date, input.asOf);
  for (const merit of behaviour?.merits ?? []) checkOrder('as-of date vs. merit', merit.date, input.asOf);
  if (input.property?.refusalEndedOn !== undefined) {
    if (input.property.state === 'able-unpaid') inconsistent('a refusal that ended cannot still be going on');
    checkOrder('as-of date vs. end of refusal', input.property.refusalEndedOn, input.asOf);
  }
  if (input.paroleRevocation !== undefined) {
    if (sentence.kind === 'suspended') inconsistent('a suspended sentence has no parole to revoke');
    checkOrder('re-imprisonment after delivery to prison', sentence.executionStartDate, input.paroleRevocation.reimprisonedOn);
    checkOrder('as-of date vs. re-imprisonment', input.paroleRevocation.reimprisonedOn, input.asOf);
  }
  return input;
}
