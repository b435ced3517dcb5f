import { test } from 'node:test';
import assert from 'node:assert/strict';
import { moj2021PointsRules } from '../../src/apps/prison/points/points-rules.ts';
import { cellProblem, chinaToday, monthlyPlusCap, moveInGrid, parseCell, scoreDayCalls, type ScoreRow } from '../../web/src/prison/score-grid.ts';

// The score grid's pure parts, without a browser.

test('parseCell: blank is 0, signed whole numbers, anything else is not a score', () => {
  const rows: [string, number | null][] = [['', 0], ['  ', 0], ['3', 3], ['+3', 3], ['-20', -20], ['1.5', null], ['abc', null], ['--1', null], ['12345', null]];
  for (const [raw, expected] of rows) assert.equal(parseCell(raw), expected, JSON.stringify(raw));
});

test('cellProblem: the daily maxima of cn-moj-2021@1 (+5/−20) and no labour part for a prisoner who cannot work (score-day.ts checkDayValues)', () => {
  const rows: [string, 'supervision' | 'labour', boolean, string | null][] = [
    ['5 is the daily plus maximum', 'supervision', true, null],
    ['6 is above it', 'supervision', true, 'aboveMax'],
    ['−20 is the daily minus maximum', 'supervision', true, null],
    ['−21 is below it', 'supervision', true, 'belowMin'],
    ['labour 1 for a prisoner who cannot work', 'labour', false, 'noLabour'],
    ['labour 0 for a prisoner who cannot work', 'labour', false, null],
    ['x is not a number', 'supervision', true, 'notInteger'],
  ];
  const raws = ['5', '6', '-20', '-21', '1', '0', 'x'];
  rows.forEach(([name, part, canWork, expected], i) => assert.equal(cellProblem(raws[i]!, part, moj2021PointsRules, canWork)?.kind ?? null, expected, name));
});

test('monthlyPlusCap: half of each part’s base (40/30/30, or 50/50/0 without labour)', () => {
  assert.deepEqual(['supervision', 'education', 'labour'].map((p) => monthlyPlusCap(moj2021PointsRules, p as 'labour', true)), [20, 15, 15]);
  assert.deepEqual(['supervision', 'education', 'labour'].map((p) => monthlyPlusCap(moj2021PointsRules, p as 'labour', false)), [25, 25, 0]);
});

test('scoreDayCalls: at most 200 prisoners a transaction, in order, none lost', () => {
  const rows: ScoreRow[] = Array.from({ length: 401 }, (_, i) => ({ prisonerId: `P${i}`, parts: { supervision: 0, education: 0, labour: 0 }, reason: '' }));
  const calls = scoreDayCalls('2026-11-20', rows);
  assert.deepEqual(calls.map((c) => c.entries.length), [200, 200, 1]);
  assert.deepEqual(calls.flatMap((c) => c.entries.map((e) => e.prisonerId)), rows.map((r) => r.prisonerId));
  assert.ok(calls.every((c) => c.date === '2026-11-20'));
  assert.deepEqual(scoreDayCalls('2026-11-20', []), []);
});

test('moveInGrid: Enter and ↓ go down, ↑ up, ← → across only at the text’s edge, nothing past the grid', () => {
  const size = { rows: 3, cols: 4 };
  const rows: [string, { row: number; col: number }, string, { atStart: boolean; atEnd: boolean }, { row: number; col: number } | null][] = [
    ['Enter goes down', { row: 0, col: 1 }, 'Enter', { atStart: true, atEnd: true }, { row: 1, col: 1 }],
    ['Enter on the last row leaves the grid (to the submit button)', { row: 2, col: 1 }, 'Enter', { atStart: true, atEnd: true }, null],
    ['↑ on the first row stays', { row: 0, col: 0 }, 'ArrowUp', { atStart: true, atEnd: true }, null],
    ['→ at the end of the text moves right', { row: 1, col: 0 }, 'ArrowRight', { atStart: false, atEnd: true }, { row: 1, col: 1 }],
    ['→ inside the text moves the caret', { row: 1, col: 0 }, 'ArrowRight', { atStart: true, atEnd: false }, null],
    ['← at the start moves left', { row: 1, col: 2 }, 'ArrowLeft', { atStart: true, atEnd: false }, { row: 1, col: 1 }],
    ['→ in the last column stays', { row: 1, col: 3 }, 'ArrowRight', { atStart: true, atEnd: true }, null],
    ['Tab is left to the browser', { row: 1, col: 1 }, 'Tab', { atStart: true, atEnd: true }, null],
  ];
  for (const [name, from, key, caret, expected] of rows) assert.deepEqual(moveInGrid(from, key, size, caret), expected, name);
});

test('chinaToday: the day in UTC+8, as the contract counts days', () => {
  assert.equal(chinaToday(Date.UTC(2026, 10, 20, 15, 59)), '2026-11-20');
  assert.equal(chinaToday(Date.UTC(2026, 10, 20, 16, 0)), '2026-11-21');
});
