import type { Fraction, FractionMethod } from './eligibility-rules.ts';
import { addDays, addMonths, daysBetween, type IsoDate } from './iso-date.ts';

/** ⌈a / b⌉ for non-negative integers. */
function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/**
 * The first day on which `fraction` of a term of `termMonths`, counted from
 * `start` (inclusive), has been served. Served time is whole days: at the
 * start of day D, `daysBetween(start, D)` days have been served.
 *
 * With `term-days` the term is laid on the calendar (`start + termMonths`
 * months, month arithmetic), its days are counted, and ⌈fraction × days⌉
 * days must be served — "执行原判刑期二分之一以上" cannot be met by part of a
 * day. Example: 11 years 7 months from 2020-01-01 ends 2031-08-01, 4,230
 * days; half is 2,115 days, reached on 2025-10-16.
 *
 * With `months-and-days` the fraction is taken of the months and a remainder
 * becomes days at `daysPerMonth`: half of 139 months is 69 months and 15
 * days, so 2020-01-01 → 2025-10-01 → 2025-10-16. The two methods can differ
 * by a day or two when the remaining half month spans a short month.
 */
export function dateFractionServed(
  start: IsoDate,
  termMonths: number,
  fraction: Fraction,
  method: FractionMethod,
  daysPerMonth: number,
): IsoDate {
  if (method === 'term-days') {
    const termDays = daysBetween(start, addMonths(start, termMonths));
    return addDays(start, ceilDiv(termDays * fraction.numerator, fraction.denominator));
  }
  const scaled = termMonths * fraction.numerator;
  const wholeMonths = Math.floor(scaled / fraction.denominator);
  const remainder = scaled - wholeMonths * fraction.denominator;
  return addDays(addMonths(start, wholeMonths), ceilDiv(remainder * daysPerMonth, fraction.denominator));
}

/** `months` less at most `fraction` of it, in whole months (relaxation of times, SPC 2016 arts. 19–20). */
export function shortenByFraction(months: number, fraction: Fraction): number {
  return months - Math.floor((months * fraction.numerator) / fraction.denominator);
}

/** `months` plus at most `fraction` of it, in whole months (relaxation of amounts, SPC 2016 arts. 19–20). */
export function extendByFraction(months: number, fraction: Fraction): number {
  return months + Math.floor((months * fraction.numerator) / fraction.denominator);
}
