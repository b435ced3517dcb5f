import { chinaDayOf } from '../../procedures/civil-date.ts';
import type { ContractContext } from '../../runtime/contract.ts';
import { addDays, fromDayNumber, isIsoDate, toDayNumber, type IsoDate } from './eligibility/iso-date.ts';
import { prisonError } from './prison-error.ts';

export { addDays, toDayNumber, type IsoDate };

/**
 * The calendar day of the block in China Standard Time: the only "today" a
 * contract knows. Prison days are civil days in China, so a score entered at
 * 00:30 CST belongs to the new day whatever the node's time zone.
 */
export function blockDay(ctx: Pick<ContractContext, 'block'>): IsoDate {
  return fromDayNumber(chinaDayOf(ctx.block.time));
}

/** Refuses a string that is not a real `YYYY-MM-DD` date. */
export function assertIsoDate(value: string, field: string): IsoDate {
  if (!isIsoDate(value)) throw prisonError('PRISON_BAD_DATE', `${field} ${JSON.stringify(value)} is not a calendar date`, { field });
  return value;
}

/** Refuses a date after the block's day (nothing may be recorded ahead of time). */
export function assertNotFuture(ctx: Pick<ContractContext, 'block'>, date: IsoDate, field: string): void {
  const today = blockDay(ctx);
  if (date > today) throw prisonError('PRISON_DATE_IN_FUTURE', `${field} ${date} is after the block date ${today}`, { field, date, today });
}

/** `2026-03-14` → `2026-03`. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** Days of a `YYYY-MM` month, first and last. */
export function monthBounds(month: string): { first: IsoDate; last: IsoDate; days: number } {
  const first = `${month}-01`;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const days = toDayNumber(next) - toDayNumber(first);
  return { first, last: addDays(next, -1), days };
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysFrom(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}
