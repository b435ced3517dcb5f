import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCalendarDays } from './add-calendar-days.ts';
import { addWorkingDays } from './add-working-days.ts';
import { isWorkingDay } from './is-working-day.ts';
import { chinaCalendar as cn, errorCode } from './test-fixtures.ts';
import { createWorkingDayCalendar, parseCalendarYaml } from './working-day-calendar.ts';
import type { CustosError } from '../errors/custos-error.ts';

const code = (expected: string) => (error: unknown) => errorCode(error) === expected;

// Each row: a date, whether it is a working day, and why (the notice's item).
const days: [string, boolean, string][] = [
  ['2018-12-29', true, '2019 notice: Saturday worked before New Year'],
  ['2019-04-28', true, '国办发明电〔2019〕3号: Sunday worked for the four-day Labour Day'],
  ['2019-05-03', false, '国办发明电〔2019〕3号: Labour Day extended to 5-04'],
  ['2020-01-19', true, '2020 notice: Sunday worked before Spring Festival'],
  ['2020-01-31', false, '国办发明电〔2020〕1号: Spring Festival extended to 2-02'],
  ['2020-02-01', false, '2020 extension: the Saturday to be worked became a day off'],
  ['2020-02-03', true, '2020 extension: work resumes on Monday'],
  ['2022-04-02', true, '2022 notice: Saturday worked before Qingming'],
  ['2023-01-28', true, '2023 notice: Saturday worked after Spring Festival'],
  ['2023-04-05', false, '2023 notice: Qingming, one day'],
  ['2024-02-04', true, '2024 notice: Sunday worked before Spring Festival'],
  ['2024-02-09', true, "2024 notice: New Year's Eve only encouraged off"],
  ['2024-02-16', false, '2024 notice: Spring Festival 2-10..2-17'],
  ['2024-02-18', true, '2024 notice: Sunday worked after Spring Festival'],
  ['2024-09-29', true, '2024 notice: Sunday worked before National Day'],
  ['2024-10-07', false, '2024 notice: National Day 10-01..10-07'],
  ['2024-10-12', true, '2024 notice: Saturday worked after National Day'],
  ['2024-10-13', false, 'ordinary Sunday'],
  ['2025-01-28', false, '2025 notice: Spring Festival from New Year’s Eve'],
  ['2025-02-08', true, '2025 notice: Saturday worked after Spring Festival'],
  ['2025-10-08', false, '2025 notice: National Day and Mid-Autumn 10-01..10-08'],
  ['2026-01-04', true, '2026 notice: Sunday worked after New Year'],
  ['2026-02-23', false, '2026 notice: Spring Festival 2-15..2-23'],
  ['2026-02-28', true, '2026 notice: Saturday worked after Spring Festival'],
  ['2026-09-20', true, '2026 notice: Sunday worked before National Day'],
  ['2026-12-31', true, 'ordinary Thursday'],
];

for (const [date, working, why] of days) {
  test(`isWorkingDay ${date} is ${working ? 'a working day' : 'a day off'} (${why})`, () => {
    assert.equal(isWorkingDay(cn, date), working);
  });
}

test('every year 2019–2026 has its seven holidays and 250±3 working days', () => {
  for (let year = 2019; year <= 2026; year++) {
    let working = 0;
    for (let day = new Date(Date.UTC(year, 0, 1)); day.getUTCFullYear() === year; day = new Date(day.getTime() + 86_400_000)) {
      if (isWorkingDay(cn, day.toISOString().slice(0, 10))) working++;
    }
    // 2020 lost three working days to the Spring Festival extension.
    assert.ok(working >= 245 && working <= 252, `${year}: ${working} working days`);
  }
});

test('addWorkingDays: five working days from the Friday before National Day 2024 end on 10-10', () => {
  // 9-28 Sat off; 9-29 Sun worked (1); 9-30 (2); 10-01..10-07 off; 10-08 (3), 10-09 (4), 10-10 (5).
  assert.equal(addWorkingDays(cn, '2024-09-27', 5), '2024-10-10');
});

test('addWorkingDays: a period starting on a non-working day counts from the next working day', () => {
  // Entered on Saturday 9-28 or on a holiday: same end as entered on Friday 9-27.
  assert.equal(addWorkingDays(cn, '2024-09-28', 5), '2024-10-10');
  assert.equal(addWorkingDays(cn, '2024-10-03', 1), '2024-10-08');
  // Starting on an adjusted Sunday that is itself a working day: it still does not count.
  assert.equal(addWorkingDays(cn, '2024-09-29', 1), '2024-09-30');
});

test('addWorkingDays across Spring Festival with adjusted weekend days', () => {
  // 2024: Thu 2-08 → Fri 2-09 (1), off 2-10..2-17, Sun 2-18 worked (2), 2-19 (3), 2-20 (4), 2-21 (5).
  assert.equal(addWorkingDays(cn, '2024-02-08', 5), '2024-02-21');
  // 2025: Fri 1-24 → Sun 1-26 worked (1), Mon 1-27 (2), off 1-28..2-04, 2-05 (3), 2-06 (4), 2-07 (5).
  assert.equal(addWorkingDays(cn, '2025-01-24', 5), '2025-02-07');
  // 2025: Fri 2-07 → Sat 2-08 worked (1), Mon 2-10 (2).
  assert.equal(addWorkingDays(cn, '2025-02-07', 2), '2025-02-10');
  // 2026: Fri 2-13 → Sat 2-14 worked (1), off 2-15..2-23, 2-24 (2) … 2-27 (5), Sat 2-28 worked (6).
  assert.equal(addWorkingDays(cn, '2026-02-13', 5), '2026-02-27');
  assert.equal(addWorkingDays(cn, '2026-02-13', 6), '2026-02-28');
  // 2020: the extension swallowed Saturday 2-01: Thu 1-23 → Mon 2-03.
  assert.equal(addWorkingDays(cn, '2020-01-23', 1), '2020-02-03');
});

test('addWorkingDays with 0 days returns the start; addCalendarDays ignores holidays', () => {
  assert.equal(addWorkingDays(cn, '2024-10-01', 0), '2024-10-01');
  assert.equal(addCalendarDays('2024-09-27', 10), '2024-10-07');
  assert.equal(addCalendarDays('2024-02-28', 2), '2024-03-01');
});

test('dates past the calendar are refused, not guessed', () => {
  assert.throws(() => isWorkingDay(cn, '2027-01-04'), code('PROC_CALENDAR_OUT_OF_RANGE'));
  assert.throws(() => isWorkingDay(cn, '2018-12-28'), code('PROC_CALENDAR_OUT_OF_RANGE'));
  assert.throws(() => addWorkingDays(cn, '2026-12-25', 10), code('PROC_CALENDAR_OUT_OF_RANGE'));
  assert.throws(() => isWorkingDay(cn, '2024-02-30'), code('PROC_CALENDAR_OUT_OF_RANGE'));
});

test('calendar data with a weekday "work day", an overlap or a date outside covers is refused with every problem', () => {
  const data = {
    id: 'bad',
    covers: { from: '2024-01-01', to: '2024-12-31' },
    years: [
      {
        year: 2024,
        sources: [{ title: 'test', date: '2023-10-25' }],
        offDays: [{ name: 'x', from: '2024-10-01', to: '2024-10-07' }, { name: 'y', from: '2025-01-01', to: '2025-01-01' }],
        workDays: [{ name: 'x', date: '2024-10-09' }, { name: 'z', date: '2024-10-05' }],
      },
    ],
  };
  assert.throws(
    () => createWorkingDayCalendar(data),
    (error: unknown) => {
      const problems = (error as CustosError).details['problems'] as string[];
      assert.equal((error as CustosError).code, 'PROC_CALENDAR_INVALID');
      assert.ok(problems.some((p) => p.includes('2024-10-09 is a weekday')), problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('2025-01-01 is outside covers')), problems.join('\n'));
      assert.ok(problems.some((p) => p.includes('2024-10-05 is both a work day and an off day')), problems.join('\n'));
      return true;
    },
  );
  assert.throws(() => createWorkingDayCalendar({ id: 'x' }), code('PROC_CALENDAR_INVALID'));
  assert.throws(() => parseCalendarYaml('id: [unclosed'), code('PROC_CALENDAR_INVALID'));
});
