/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in integers only: no `Date`,
 * no clock, no time zone. Eligibility rules count terms in months and years
 * (`addMonths`) and time actually served in days (`daysBetween`).
 *
 * Day numbers use Howard Hinnant's `days_from_civil` / `civil_from_days`
 * (proleptic Gregorian calendar, day 0 = 1970-01-01).
 */

/** A calendar date written `YYYY-MM-DD`. */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Input dates outside these years are rejected (`isIsoDate`); arithmetic works on any four-digit year. */
const minInputYear = 1900;
const maxInputYear = 2299;

interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toCivil(value: string): CivilDate | undefined {
  const match = isoDatePattern.exec(value);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return undefined;
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True for a real calendar date written `YYYY-MM-DD` between 1900 and 2299. */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const parsed = toCivil(value);
  return parsed !== undefined && parsed.year >= minInputYear && parsed.year <= maxInputYear;
}

function civil(date: IsoDate): CivilDate {
  const parsed = toCivil(date);
  // Callers validate input first (validate-input.ts); reaching this is a programming error.
  if (parsed === undefined) throw new RangeError(`not an ISO date: ${date}`);
  return parsed;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function format({ year, month, day }: CivilDate): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const { year: calendarYear, month, day } = civil(date);
  // Count years from March so that the leap day falls at the end of the year.
  const year = calendarYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date `dayNumber` days after 1970-01-01. */
export function fromDayNumber(dayNumber: number): IsoDate {
  const shifted = dayNumber + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return format({ year, month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * The same day of the month `months` later (or earlier), clamped to the end of
 * a shorter month: 2020-01-31 + 1 month = 2020-02-29, 2021-01-31 + 1 = 2021-02-28.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = civil(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** `to − from` in days: 0 for the same date, positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The latest of the given dates (ISO dates order as strings). */
export function latestDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((latest, date) => (date > latest ? date : latest), first);
}
