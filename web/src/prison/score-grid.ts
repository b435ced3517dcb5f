/**
 * The parts of the points rules (PointsRules, src/apps/prison/points) the grid
 * checks. Declared here, structurally, so this pure module imports nothing
 * and the root typecheck of its tests does not follow the console's aliases.
 */
export interface ScoreCaps {
  dailyPlusMax: number;
  dailyMinusMax: number;
  monthlyBase: PartValues;
  monthlyBaseWithoutLabour: PartValues;
  plusCap: { numerator: number; denominator: number };
}

/** The three parts of a day's score, in the grid's column order (司规〔2021〕3号). */
export const scoreParts = ['supervision', 'education', 'labour'] as const;
export type ScorePart = (typeof scoreParts)[number];

export type PartValues = Record<ScorePart, number>;

/** Why a cell cannot be sent; the i18n key is `prison.scores.problem.<kind>`. */
export type CellProblem = { kind: 'notInteger' } | { kind: 'aboveMax'; max: number } | { kind: 'belowMin'; min: number } | { kind: 'noLabour' };

/** What an officer types in a cell: blank means 0; "+3", "3", "-2". */
export function parseCell(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return 0;
  return /^[+-]?\d{1,4}$/.test(text) ? Number(text) : null;
}

/**
 * The checks the contract makes on one part of one day (score-day.ts
 * `checkDayValues`) that the grid can make before sending: daily plus and
 * minus maxima, and no labour part for a prisoner who cannot work. The
 * month's plus cap needs the month so far and is left to the contract,
 * whose error names the prisoner.
 */
export function cellProblem(raw: string, part: ScorePart, rules: Pick<ScoreCaps, 'dailyPlusMax' | 'dailyMinusMax'>, canWork: boolean): CellProblem | null {
  const value = parseCell(raw);
  if (value === null) return { kind: 'notInteger' };
  if (value > rules.dailyPlusMax) return { kind: 'aboveMax', max: rules.dailyPlusMax };
  if (value < -rules.dailyMinusMax) return { kind: 'belowMin', min: -rules.dailyMinusMax };
  if (part === 'labour' && !canWork && value !== 0) return { kind: 'noLabour' };
  return null;
}

/** The month's plus cap of one part: its base × the cap fraction (PointsRules.plusCap). */
export function monthlyPlusCap(rules: Pick<ScoreCaps, 'monthlyBase' | 'monthlyBaseWithoutLabour' | 'plusCap'>, part: ScorePart, canWork: boolean): number {
  const base = (canWork ? rules.monthlyBase : rules.monthlyBaseWithoutLabour)[part];
  return Math.floor((base * rules.plusCap.numerator) / rules.plusCap.denominator);
}

export interface ScoreRow {
  prisonerId: string;
  parts: PartValues;
  reason: string;
}

/** One `prison.scoreDay` call's args. */
export interface ScoreDayArgs {
  date: string;
  entries: ScoreRow[];
}

/** The contract takes at most 200 prisoners a transaction (score-day.ts). */
export const maxEntriesPerScoreDay = 200;

/** A unit's day as few `scoreDay` transactions as the contract allows. */
export function scoreDayCalls(date: string, rows: readonly ScoreRow[], perCall = maxEntriesPerScoreDay): ScoreDayArgs[] {
  const calls: ScoreDayArgs[] = [];
  for (let i = 0; i < rows.length; i += perCall) calls.push({ date, entries: rows.slice(i, i + perCall) });
  return calls;
}

export interface GridPosition {
  row: number;
  col: number;
}

/**
 * Where a key moves the cursor in a rows × cols grid, or null to leave the
 * key to the browser (Tab keeps its native order). Enter goes down, as in a
 * spreadsheet; arrows move only when the caret is at the edge of the text
 * (`atStart`/`atEnd`), so a typed value can still be edited.
 */
export function moveInGrid(from: GridPosition, key: string, size: { rows: number; cols: number }, caret: { atStart: boolean; atEnd: boolean } = { atStart: true, atEnd: true }): GridPosition | null {
  const clamp = (row: number, col: number): GridPosition => ({ row: Math.min(Math.max(row, 0), size.rows - 1), col: Math.min(Math.max(col, 0), size.cols - 1) });
  switch (key) {
    case 'ArrowDown':
    case 'Enter':
      return from.row + 1 < size.rows ? clamp(from.row + 1, from.col) : null;
    case 'ArrowUp':
      return from.row > 0 ? clamp(from.row - 1, from.col) : null;
    case 'ArrowRight':
      return caret.atEnd && from.col + 1 < size.cols ? clamp(from.row, from.col + 1) : null;
    case 'ArrowLeft':
      return caret.atStart && from.col > 0 ? clamp(from.row, from.col - 1) : null;
    default:
      return null;
  }
}

/** Today in China (UTC+8) as YYYY-MM-DD, as the contract's `blockDay` counts days. */
export function chinaToday(now = Date.now()): string {
  return new Date(now + 8 * 3600_000).toISOString().slice(0, 10);
}
