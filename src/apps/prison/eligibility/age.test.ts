import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hasReachedAge } from './age.ts';

const rows: ReadonlyArray<[string, number, string, boolean, string]> = [
  ['2003-03-15', 18, '2021-03-15', false, 'on the 18th birthday still under 18 (法释〔2006〕1号 art. 2)'],
  ['2003-03-15', 18, '2021-03-16', true, 'the day after the birthday'],
  ['1959-01-10', 65, '2024-01-10', false, 'SPC 2016 art. 39: 65 from the day after the birthday'],
  ['1959-01-10', 65, '2024-01-11', true, 'SPC 2016 art. 39'],
  ['2004-02-29', 18, '2022-02-28', false, 'a leap-day birthday falls on 28 February'],
  ['2004-02-29', 18, '2022-03-01', true, 'reached on 1 March'],
  ['1944-02-29', 80, '2024-03-01', true, 'SPC 2016 art. 31, leap year'],
  ['1944-02-29', 80, '2024-02-29', false, 'SPC 2016 art. 31, on the birthday'],
];
for (const [birth, years, on, expected, why] of rows) {
  test(`born ${birth}, ${years} on ${on}: ${expected} — ${why}`, () => {
    assert.equal(hasReachedAge(birth, years, on), expected);
  });
}
