/**
 * Calendar dates without `Date`: a day is an integer count of days since
 * 1970-01-01, converted with Howard Hinnant's civil-date algorithms
 * (http://howardhinnant.github.io/date_algorithms.html), so every node — and an
 * auditor in any language — gets the same answer with integer arithmetic.
 */

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

const msPerDay = 86_400_000;

/**
 * China Standard Time is UTC+8 all year (no daylight saving since 1991).
 * Every deadline date is a date in this zone.
 */
export const chinaStandardTimeOffsetMs = 8 * 3_600_000;

/** Day number of a proleptic Gregorian date (month 1–12). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Proleptic Gregorian date of a day number. */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? yearOfEra + era * 400 + 1 : yearOfEra + era * 400, month, day };
}

/** `"2024-09-27"` → day number, or `undefined` when it is not a real date in that form. */
export function isoDateToDay(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  return back.month === month && back.day === day ? days : undefined;
}

/** Day number → `"YYYY-MM-DD"`. */
export function dayToIsoDate(days: number): IsoDate {
  const { year, month, day } = civilFromDays(days);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** ISO weekday of a day number: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7 + 1;
}

/** The day number, in China Standard Time, of an instant (ms since the epoch). */
export function chinaDayOf(instantMs: number): number {
  return Math.floor((instantMs + chinaStandardTimeOffsetMs) / msPerDay);
}

/** The instant (ms since the epoch) at which a China Standard Time day begins. */
export function chinaDayStart(days: number): number {
  return days * msPerDay - chinaStandardTimeOffsetMs;
}
