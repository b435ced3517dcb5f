import type { StateDocument } from '../../ledger/store/state-store.ts';
import { calendarCollection, calendarDocumentId } from '../../runtime/system/governance-contract.ts';
import { valueAt } from '../../runtime/system/scheduled-value.ts';
import { createWorkingDayCalendar, type CalendarData, type WorkingDayCalendar } from '../working-day-calendar.ts';

type Get = (collection: string, id: string) => StateDocument | undefined;

interface AdoptedCalendar {
  readonly calendar: CalendarData;
  readonly adoptedBy: string;
}

/**
 * Reads the working-day calendar governance put in force at `height`
 * (`governance.setCalendar`, from the block after adoption), or the
 * network's default when governance never set one. Indexed calendars are
 * cached by the transaction that adopted them (each adoption is one value).
 */
export function createCalendarReader(defaultCalendar: CalendarData): (get: Get, height: number) => WorkingDayCalendar {
  const fallback = createWorkingDayCalendar(defaultCalendar);
  const cache = new Map<string, WorkingDayCalendar>();
  return (get, height) => {
    const value = valueAt(get(calendarCollection, calendarDocumentId)?.doc, height) as AdoptedCalendar | null | undefined;
    if (value === null || value === undefined) return fallback;
    let calendar = cache.get(value.adoptedBy);
    if (calendar === undefined) {
      calendar = createWorkingDayCalendar(value.calendar);
      if (cache.size > 16) cache.clear();
      cache.set(value.adoptedBy, calendar);
    }
    return calendar;
  };
}
