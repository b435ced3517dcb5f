import { addWorkingDayNumbers, workingDayOnOrAfter } from './add-working-days.ts';
import type { CaseDeadline } from './case-document.ts';
import { chinaDayOf, chinaDayStart, dayToIsoDate } from './civil-date.ts';
import { dayCountParts, type DayCount, type DeadlineDefinition } from './definition.ts';
import type { WorkingDayCalendar } from './working-day-calendar.ts';
import { dayOf } from './is-working-day.ts';

/**
 * The counting rule, for every deadline:
 *
 * 1. Days are dates in China Standard Time (UTC+8), whatever the node's zone.
 * 2. The day the state is entered never counts (Criminal Procedure Law art.
 *    105 ¶2: 期间开始的时和日不算在期间以内). A period of N calendar days
 *    entered on day D ends with day D+N; N working days end with the N-th
 *    working day after D. A period entered on a non-working day therefore
 *    starts counting on the next working day.
 * 3. With `endsOnWorkingDay`, a calendar-day period whose last day is not a
 *    working day ends on the next working day instead (art. 105 ¶3: 期间的最后
 *    一日为节假日的，以节假日后的第一日为期满日期).
 * 4. The deadline expires at 00:00 CST after its last day: `dueAt`. It has
 *    passed at block time T when T >= dueAt.
 * 5. An extension adds its days to the nominal last day (before rule 3), then
 *    rule 3 applies again.
 */
export function lastDayAfter(start: number, count: DayCount, endsOnWorkingDay: boolean, calendar: WorkingDayCalendar): { nominal: number; last: number } {
  const { days, working } = dayCountParts(count);
  const nominal = working ? addWorkingDayNumbers(calendar, start, days) : start + days;
  const last = endsOnWorkingDay && !working ? workingDayOnOrAfter(calendar, nominal) : nominal;
  return { nominal, last };
}

/**
 * The deadline a case gets when it enters the deadline's state at `enteredAt`
 * (block time, ms). Throws PROC_CALENDAR_OUT_OF_RANGE when working days run
 * past the calendar.
 */
export function armDeadline(deadline: DeadlineDefinition, enteredAt: number, calendar: WorkingDayCalendar): CaseDeadline {
  const start = chinaDayOf(enteredAt);
  const { nominal, last } = lastDayAfter(start, deadline.duration, deadline.endsOnWorkingDay === true, calendar);
  return {
    id: deadline.id,
    state: deadline.state,
    startedAt: enteredAt,
    startDate: dayToIsoDate(start),
    nominalLastDay: dayToIsoDate(nominal),
    lastDay: dayToIsoDate(last),
    dueAt: chinaDayStart(last + 1),
    extensions: 0,
    status: 'running',
  };
}

/** The deadline moved on by one extension of `by` (see rule 5). */
export function extendDeadlineBy(armed: CaseDeadline, by: DayCount, endsOnWorkingDay: boolean, calendar: WorkingDayCalendar): CaseDeadline {
  const { nominal, last } = lastDayAfter(dayOf(armed.nominalLastDay), by, endsOnWorkingDay, calendar);
  return {
    ...armed,
    nominalLastDay: dayToIsoDate(nominal),
    lastDay: dayToIsoDate(last),
    dueAt: chinaDayStart(last + 1),
    extensions: armed.extensions + 1,
  };
}
