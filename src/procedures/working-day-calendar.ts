import { Ajv } from 'ajv';
import { dayToIsoDate, isoDateToDay, isoWeekday } from './civil-date.ts';
import { procedureError } from './procedure-error.ts';
import { parseYamlValue } from './parse-yaml-value.ts';

/** Where a year's holiday arrangement comes from (a State Council notice). */
export interface CalendarSource {
  readonly title: string;
  readonly number?: string;
  readonly date: string;
  readonly url?: string;
}

/** One year's arrangement: days off (放假调休) and weekend days worked instead (调休上班). */
export interface CalendarYear {
  readonly year: number;
  readonly sources: readonly CalendarSource[];
  readonly offDays: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  readonly workDays: readonly { readonly name: string; readonly date: string }[];
  readonly note?: string;
}

/**
 * The calendar as plain data — the value governance stores on the ledger.
 * Weekends are Saturday and Sunday unless a work day says otherwise; an off
 * day is never a working day.
 */
export interface CalendarData {
  readonly id: string;
  readonly title?: string;
  readonly covers: { readonly from: string; readonly to: string };
  readonly years: readonly CalendarYear[];
}

/** A calendar ready for look-ups (day numbers in sets). Built by `createWorkingDayCalendar`. */
export interface WorkingDayCalendar {
  readonly id: string;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly offDays: ReadonlySet<number>;
  readonly workDays: ReadonlySet<number>;
}

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const calendarSchema = {
  type: 'object',
  required: ['id', 'covers', 'years'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', minLength: 1 },
    title: { type: 'string' },
    covers: { type: 'object', required: ['from', 'to'], additionalProperties: false, properties: { from: isoDate, to: isoDate } },
    years: {
      type: 'array',
      items: {
        type: 'object',
        required: ['year', 'sources', 'offDays', 'workDays'],
        additionalProperties: false,
        properties: {
          year: { type: 'integer' },
          note: { type: 'string' },
          sources: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['title', 'date'],
              additionalProperties: false,
              properties: { title: { type: 'string' }, number: { type: 'string' }, date: isoDate, url: { type: 'string' } },
            },
          },
          offDays: {
            type: 'array',
            items: {
              type: 'object',
              required: ['name', 'from', 'to'],
              additionalProperties: false,
              properties: { name: { type: 'string' }, from: isoDate, to: isoDate },
            },
          },
          workDays: {
            type: 'array',
            items: { type: 'object', required: ['name', 'date'], additionalProperties: false, properties: { name: { type: 'string' }, date: isoDate } },
          },
        },
      },
    },
  },
} as const;

const validateCalendarShape = new Ajv({ allErrors: true, strict: true }).compile(calendarSchema);

/**
 * Validates calendar data and indexes it. Throws PROC_CALENDAR_INVALID listing
 * every problem: malformed dates, ranges outside `covers`, a work day that is
 * not a weekend day or that is also an off day.
 */
export function createWorkingDayCalendar(data: unknown): WorkingDayCalendar {
  if (!validateCalendarShape(data)) {
    const problems = (validateCalendarShape.errors ?? []).map((e) => `${e.instancePath || '(calendar)'} ${e.message ?? e.keyword}`);
    throw procedureError('PROC_CALENDAR_INVALID', `calendar data is malformed: ${problems.join('; ')}`, { problems });
  }
  const calendar = data as CalendarData;
  const problems: string[] = [];
  const day = (value: string, where: string): number | undefined => {
    const days = isoDateToDay(value);
    if (days === undefined) problems.push(`${where}: ${value} is not a date`);
    return days;
  };
  const firstDay = day(calendar.covers.from, 'covers.from') ?? 0;
  const lastDay = day(calendar.covers.to, 'covers.to') ?? 0;
  if (lastDay < firstDay) problems.push('covers: to is before from');
  const inCover = (days: number, where: string, value: string): void => {
    if (days < firstDay || days > lastDay) problems.push(`${where}: ${value} is outside covers`);
  };

  const offDays = new Set<number>();
  const workDays = new Set<number>();
  calendar.years.forEach((year, y) => {
    year.offDays.forEach((range, i) => {
      const where = `years[${y}].offDays[${i}]`;
      const from = day(range.from, where);
      const to = day(range.to, where);
      if (from === undefined || to === undefined) return;
      if (to < from) problems.push(`${where}: ${range.to} is before ${range.from}`);
      inCover(from, where, range.from);
      inCover(to, where, range.to);
      for (let d = from; d <= to; d++) offDays.add(d);
    });
    year.workDays.forEach((entry, i) => {
      const where = `years[${y}].workDays[${i}]`;
      const days = day(entry.date, where);
      if (days === undefined) return;
      inCover(days, where, entry.date);
      if (isoWeekday(days) < 6) problems.push(`${where}: ${entry.date} is a weekday, not an adjusted weekend work day`);
      workDays.add(days);
    });
  });
  for (const days of workDays) {
    if (offDays.has(days)) problems.push(`${dayToIsoDate(days)} is both a work day and an off day`);
  }
  if (problems.length > 0) {
    throw procedureError('PROC_CALENDAR_INVALID', `calendar ${calendar.id} is invalid: ${problems.join('; ')}`, { problems });
  }
  return Object.freeze({ id: calendar.id, firstDay, lastDay, offDays, workDays });
}

/** Parses calendar YAML (such as `procedures/calendars/cn-2019-2026.yaml`) and indexes it. */
export function parseCalendarYaml(text: string): WorkingDayCalendar {
  return createWorkingDayCalendar(parseYamlValue(text, 'PROC_CALENDAR_INVALID'));
}
