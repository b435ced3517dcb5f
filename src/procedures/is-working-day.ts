import { dayToIsoDate, isoDateToDay, isoWeekday, type IsoDate } from './civil-date.ts';
import { procedureError } from './procedure-error.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';

/**
 * Whether a day number is a working day: an adjusted work day (调休上班) is one
 * even on a weekend; an off day (放假) never is; otherwise Monday to Friday.
 * Throws PROC_CALENDAR_OUT_OF_RANGE outside the calendar's `covers`: guessing a
 * year the State Council has not published yet would make nodes disagree
 * once governance adds it.
 */
export function isWorkingDayNumber(calendar: WorkingDayCalendar, days: number): boolean {
  if (days < calendar.firstDay || days > calendar.lastDay) {
    throw procedureError('PROC_CALENDAR_OUT_OF_RANGE', `${dayToIsoDate(days)} is outside calendar ${calendar.id} (${dayToIsoDate(calendar.firstDay)} to ${dayToIsoDate(calendar.lastDay)})`, {
      date: dayToIsoDate(days),
      calendar: calendar.id,
    });
  }
  if (calendar.workDays.has(days)) return true;
  if (calendar.offDays.has(days)) return false;
  return isoWeekday(days) <= 5;
}

/** Whether `date` (`YYYY-MM-DD`) is a working day in `calendar`. See `isWorkingDayNumber`. */
export function isWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): boolean {
  return isWorkingDayNumber(calendar, dayOf(date));
}

/** Day number of an ISO date; PROC_CALENDAR_OUT_OF_RANGE for a string that is not one. */
export function dayOf(date: IsoDate): number {
  const days = isoDateToDay(date);
  if (days === undefined) throw procedureError('PROC_CALENDAR_OUT_OF_RANGE', `${date} is not a date (YYYY-MM-DD)`, { date });
  return days;
}
