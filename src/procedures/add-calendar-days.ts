import { dayToIsoDate, type IsoDate } from './civil-date.ts';
import { dayOf } from './is-working-day.ts';

/**
 * The date `count` calendar days after `start` (the start day not counted, so
 * a 10-day period entered on 10-08 ends on 10-18). Needs no calendar unless
 * the deadline must end on a working day (see `deadline-due.ts`).
 */
export function addCalendarDays(start: IsoDate, count: number): IsoDate {
  return dayToIsoDate(dayOf(start) + count);
}
