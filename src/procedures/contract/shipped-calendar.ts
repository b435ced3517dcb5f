import { readFileSync } from 'node:fs';
import { parseYamlValue } from '../parse-yaml-value.ts';
import type { CalendarData } from '../working-day-calendar.ts';

/** Where the shipped calendar lives, from the repository root. */
export const shippedCalendarPath = 'procedures/calendars/cn-2019-2026.yaml';

/**
 * The shipped China 2019–2026 calendar as plain data: the calendar a network
 * uses until governance sets another (`governance.setCalendar`). Read from
 * disk at node start (IO at the edge); every node of a network must ship the
 * same file, exactly as they run the same code.
 */
export function loadShippedCalendar(): CalendarData {
  const text = readFileSync(new URL(`../../../${shippedCalendarPath}`, import.meta.url), 'utf8');
  return parseYamlValue(text, 'PROC_CALENDAR_INVALID') as CalendarData;
}
