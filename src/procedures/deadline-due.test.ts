import { test } from 'node:test';
import assert from 'node:assert/strict';
import { armDeadline, extendDeadlineBy } from './deadline-due.ts';
import type { DeadlineDefinition } from './definition.ts';
import { chinaCalendar as cn, cst } from './test-fixtures.ts';

const notice: DeadlineDefinition = { id: 'notice', state: 'public_notice', duration: { workingDays: 5 }, onExpiry: { step: 'close' } };
const opinion: DeadlineDefinition = {
  id: 'opinion',
  state: 'review',
  duration: { calendarDays: 10 },
  endsOnWorkingDay: true,
  extension: { by: { calendarDays: 10 }, max: 1, allowed: ['prosecutor@procuratorate'] },
  onExpiry: { step: 'close' },
};

test('a five-working-day notice entered on the Friday before National Day 2024 expires at 00:00 CST on 10-11', () => {
  const armed = armDeadline(notice, cst('2024-09-27 10:00'), cn);
  assert.equal(armed.startDate, '2024-09-27');
  assert.equal(armed.lastDay, '2024-10-10');
  assert.equal(armed.dueAt, cst('2024-10-11 00:00'));
  assert.equal(new Date(armed.dueAt).toISOString(), '2024-10-10T16:00:00.000Z');
});

test('the entry day is a China Standard Time date: 16:30 UTC on Friday is already Saturday in Beijing', () => {
  // Saturday 9-28 CST: the start day is not counted, and Sunday 9-29 is a worked day: same end.
  const armed = armDeadline(notice, Date.UTC(2024, 8, 27, 16, 30), cn);
  assert.equal(armed.startDate, '2024-09-28');
  assert.equal(armed.lastDay, '2024-10-10');
  // 15:59 UTC on Friday is still Friday in Beijing.
  assert.equal(armDeadline(notice, Date.UTC(2024, 8, 27, 15, 59), cn).startDate, '2024-09-27');
});

test('a five-working-day notice across Spring Festival 2026 counts the adjusted Saturday 2-14', () => {
  const armed = armDeadline(notice, cst('2026-02-13 09:00'), cn);
  assert.equal(armed.lastDay, '2026-02-27');
  assert.equal(armed.dueAt, cst('2026-02-28 00:00'));
});

test('a five-working-day notice across Spring Festival 2025 counts the adjusted Sunday 1-26', () => {
  assert.equal(armDeadline(notice, cst('2025-01-24 17:00'), cn).lastDay, '2025-02-07');
});

test('a ten-day window ending in the National Day holiday ends on the first working day after it (CPL art. 105)', () => {
  const armed = armDeadline(opinion, cst('2024-09-21 11:00'), cn);
  assert.equal(armed.nominalLastDay, '2024-10-01');
  assert.equal(armed.lastDay, '2024-10-08');
  assert.equal(armed.dueAt, cst('2024-10-09 00:00'));
});

test('the +10-day extension runs from the nominal last day, then rolls forward again', () => {
  const armed = armDeadline(opinion, cst('2024-09-21 11:00'), cn);
  const extended = extendDeadlineBy(armed, { calendarDays: 10 }, true, cn);
  // 10-01 + 10 = 10-11 (Friday, a working day).
  assert.equal(extended.nominalLastDay, '2024-10-11');
  assert.equal(extended.lastDay, '2024-10-11');
  assert.equal(extended.extensions, 1);
  // From 2025-01-17: nominal 1-27 (Monday, working) → +10 = 2-06 (Thursday, working).
  const winter = armDeadline(opinion, cst('2025-01-17 09:00'), cn);
  assert.equal(winter.lastDay, '2025-01-27');
  assert.equal(extendDeadlineBy(winter, { calendarDays: 10 }, true, cn).lastDay, '2025-02-06');
  // From 2025-01-20: nominal 1-30 falls in Spring Festival → 2-05.
  assert.equal(armDeadline(opinion, cst('2025-01-20 09:00'), cn).lastDay, '2025-02-05');
});

test('calendar-day deadlines without endsOnWorkingDay ignore holidays', () => {
  const plain: DeadlineDefinition = { id: 'x', state: 's', duration: { calendarDays: 5 }, onExpiry: { escalate: 'a@b' } };
  assert.equal(armDeadline(plain, cst('2024-09-28 10:00'), cn).lastDay, '2024-10-03');
});
