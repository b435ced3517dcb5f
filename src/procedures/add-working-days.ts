import { dayToIsoDate, type IsoDate } from './civil-date.ts';
import { dayOf, isWorkingDayNumber } from './is-working-day.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * The `count`-th working day after `start` (day numbers). The start day itself
 * never counts, whether or not it is a working day — "期间开始的时和日不算在期间
 * 以内" (Criminal Procedure Law art. 105 ¶2). So a period that starts on a
 * non-working day runs exactly as one started on the last working day before
 * it: counting begins with the first working day after the start.
 * `count` 0 returns `start`.
 */
export function addWorkingDayNumbers(calendar: WorkingDayCalendar, start: number, count: number): number {
  let day = start;
  let left = count;
  while (left > 0) {
    day += 1;
    if (isWorkingDayNumber(calendar, day)) left -= 1;
  }
  return day;
}

/** `addWorkingDayNumbers` on ISO dates: `addWorkingDays(cn, '2024-09-27', 5)` is `'2024-10-10'`. */
export function addWorkingDays(calendar: WorkingDayCalendar, start: IsoDate, count: number): IsoDate {
  return dayToIsoDate(addWorkingDayNumbers(calendar, dayOf(start), count));
}

/** The first working day on or after `day` (day numbers): where a period ending on a holiday ends instead. */
export function workingDayOnOrAfter(calendar: WorkingDayCalendar, day: number): number {
  let current = day;
  while (!isWorkingDayNumber(calendar, current)) current += 1;
  return current;
}
