import type { Reason, SentenceStage } from './assessment.ts';
import { cite, reason } from './cite.ts';
import type { Commutation, EligibilityInput } from './eligibility-input.ts';
import type { EligibilityRules } from './eligibility-rules.ts';
import { addDays, addMonths, type IsoDate } from './iso-date.ts';

/** A fixed term laid on the calendar: it runs from `start` for `months`; `endExclusive` is the day after its last day. */
export interface FixedTermSpan {
  readonly start: IsoDate;
  readonly months: number;
  readonly endExclusive: IsoDate;
}

/** Where the sentence stands, derived from the sentence and its rulings. */
export interface SentenceState {
  readonly stage: SentenceStage;
  /** Rulings still in force, oldest first (rulings undone by an omitted-crime rejudgment dropped, SPC 2016 art. 34). */
  readonly rulings: readonly Commutation[];
  /** The ruling the next interval runs from, if the stage counts intervals (SPC 2016 art. 40 ¶2). */
  readonly intervalRuling: Commutation | null;
  /** The last ruling of any kind but reprieve-to-life: evidence after it counts for the next proposal. */
  readonly evidenceSince: IsoDate | null;
  /** End of the (restarted) reprieve, for death with reprieve. */
  readonly reprieveEnd: IsoDate | null;
  /** The current fixed term, once there is one. */
  readonly term: FixedTermSpan | null;
  /** The original fixed term, for fixed-term sentences. */
  readonly originalTerm: FixedTermSpan | null;
  readonly reasons: readonly Reason[];
}

function span(start: IsoDate, months: number): FixedTermSpan {
  return { start, months, endExclusive: addMonths(start, months) };
}

function sumReductions(rulings: readonly Commutation[]): number {
  return rulings.reduce((total, ruling) => total + (ruling.kind === 'reduction' ? ruling.months : 0), 0);
}

function lastOf<T>(items: readonly T[]): T | null {
  return items.length === 0 ? null : (items[items.length - 1] ?? null);
}

/** Rulings after which a fixed term runs, and the reductions that follow. */
function afterConversion(rulings: readonly Commutation[]): { conversion: Commutation | null; reductions: Commutation[] } {
  const index = rulings.findIndex((ruling) => ruling.kind === 'to-fixed-term' || ruling.kind === 'reprieve-to-fixed-term');
  if (index < 0) return { conversion: null, reductions: [] };
  return { conversion: rulings[index] ?? null, reductions: rulings.slice(index + 1) };
}

export function sentenceStateOf(input: EligibilityInput, rules: EligibilityRules): SentenceState {
  const { sentence, asOf } = input;
  const all = input.commutations ?? [];
  const reasons: Reason[] = [];
  const revokedOn = input.paroleRevocation?.reimprisonedOn ?? null;

  // Art. 37 ¶2 judges the prisoner "在新判决生效后": evidence counts from the new judgment.
  const rejudgedOn = sentence.kind === 'life' ? (sentence.omittedCrimeRejudgment?.judgmentEffectiveDate ?? null) : null;
  const since = (rulings: readonly Commutation[]): IsoDate | null => {
    const last = lastOf(rulings.filter((ruling) => ruling.kind !== 'reprieve-to-life'));
    const candidates = [last?.rulingDate ?? null, revokedOn, rejudgedOn].filter((date): date is IsoDate => date !== null);
    return candidates.length === 0 ? null : candidates.reduce((a, b) => (a > b ? a : b));
  };
  // SPC 2016 art. 30 ¶2: after a revoked parole the start runs from re-imprisonment, so earlier rulings set no interval.
  const countsForInterval = (ruling: Commutation | null): Commutation | null =>
    ruling !== null && revokedOn !== null && ruling.rulingDate < revokedOn ? null : ruling;

  switch (sentence.kind) {
    case 'fixed-term': {
      // Criminal Law art. 47: custody before execution is credited day for day, so the term is counted from that many days earlier.
      const start = addDays(sentence.executionStartDate, -sentence.custodyCreditDays);
      const original = span(start, sentence.termMonths);
      reasons.push(
        reason(
          cite.criminalLaw('47'),
          `term of ${sentence.termMonths} months counted from ${sentence.executionStartDate} less ${sentence.custodyCreditDays} days of custody: from ${start}`,
        ),
      );
      return {
        stage: 'fixed-term',
        rulings: all,
        intervalRuling: countsForInterval(lastOf(all)),
        evidenceSince: since(all),
        reprieveEnd: null,
        term: span(start, sentence.termMonths - sumReductions(all)),
        originalTerm: original,
        reasons,
      };
    }
    case 'suspended':
      return {
        stage: 'suspended',
        rulings: [],
        intervalRuling: null,
        evidenceSince: null,
        reprieveEnd: null,
        term: null,
        originalTerm: null,
        reasons,
      };
    case 'life': {
      // SPC 2016 arts. 34, 37: a life sentence imposed again for an omitted crime undoes the earlier rulings.
      const rulings = rejudgedOn === null ? all : all.filter((ruling) => ruling.rulingDate >= rejudgedOn);
      if (rejudgedOn !== null && rulings.length < all.length) {
        reasons.push(reason(cite.spc2016('34'), `rulings before the new judgment of ${rejudgedOn} lapsed`));
      }
      const { conversion, reductions } = afterConversion(rulings);
      if (conversion === null || conversion.kind !== 'to-fixed-term') {
        return { stage: 'life', rulings, intervalRuling: null, evidenceSince: since(rulings), reprieveEnd: null, term: null, originalTerm: null, reasons };
      }
      reasons.push(reason(cite.criminalLaw('80'), `life reduced to ${conversion.termMonths} months counted from the ruling of ${conversion.rulingDate}`));
      return {
        stage: 'life-converted',
        rulings,
        intervalRuling: countsForInterval(lastOf(rulings)),
        evidenceSince: since(rulings),
        reprieveEnd: null,
        term: span(conversion.rulingDate, conversion.termMonths - sumReductions(reductions)),
        originalTerm: null,
        reasons,
      };
    }
    case 'death-reprieve': {
      const reprieveStart = sentence.reprieveRestartDate ?? sentence.judgmentEffectiveDate;
      const reprieveEnd = addMonths(reprieveStart, rules.criminalLaw.reprieveMonths);
      reasons.push(
        reason(
          sentence.reprieveRestartDate === undefined ? cite.criminalLaw('51') : cite.criminalLaw('50 ¶1'),
          `${rules.criminalLaw.reprieveMonths}-month reprieve from ${reprieveStart} ends ${reprieveEnd}`,
        ),
      );
      const { conversion, reductions } = afterConversion(all);
      if (conversion !== null) {
        // Art. 51: 25 years for major merit run from the end of the reprieve; art. 80: a reduced life term runs from the ruling.
        const start = conversion.kind === 'reprieve-to-fixed-term' ? reprieveEnd : conversion.rulingDate;
        const months = conversion.kind === 'reprieve-to-fixed-term' || conversion.kind === 'to-fixed-term' ? conversion.termMonths : 0;
        reasons.push(
          reason(
            conversion.kind === 'reprieve-to-fixed-term' ? cite.criminalLaw('51') : cite.criminalLaw('80'),
            `reduced to ${months} months counted from ${start}`,
          ),
        );
        return {
          stage: 'reprieve-converted',
          rulings: all,
          intervalRuling: countsForInterval(lastOf(all)),
          evidenceSince: since(all),
          reprieveEnd,
          term: span(start, months - sumReductions(reductions)),
          originalTerm: null,
          reasons,
        };
      }
      const reduced = asOf >= reprieveEnd || all.some((ruling) => ruling.kind === 'reprieve-to-life');
      if (reduced) reasons.push(reason(cite.criminalLaw('50 ¶1'), `reduced to life at the end of the reprieve, ${reprieveEnd}`));
      return {
        stage: reduced ? 'reprieve-life' : 'reprieve',
        rulings: all,
        intervalRuling: null,
        evidenceSince: since(all),
        reprieveEnd,
        term: null,
        originalTerm: null,
        reasons,
      };
    }
  }
}

/** The last day of a term, as judgments write it ("自…起至…止"). */
export function lastDayOf(term: FixedTermSpan): IsoDate {
  return addDays(term.endExclusive, -1);
}
