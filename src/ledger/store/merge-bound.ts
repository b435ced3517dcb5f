import type Database from 'better-sqlite3';

/**
 * The meta row where an index merged in sorted runs (tx-id-index.ts,
 * state-key-index.ts) keeps its bound: everything below it is in the table,
 * the rest in memory. Absent means nothing merged yet.
 */
export function createMergeBound(db: Database.Database, key: string) {
  const read = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck();
  const write = db.prepare<[string, string]>('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  return {
    read: (): number => Number(read.get(key) ?? 0),
    /** Inside the SQL transaction that merged. */
    write: (bound: number): void => void write.run(key, String(bound)),
  };
}

/** The stored bound as a check reads it: `malformed` when the row holds anything but a whole number ≥ 0 written plainly. */
export function storedMergeBound(db: Database.Database, key: string): { bound: number; text: string | undefined; malformed: boolean } {
  const text = db.prepare<[string], string>('SELECT value FROM meta WHERE key = ?').pluck().get(key);
  const bound = text === undefined ? 0 : Number(text);
  return { bound, text, malformed: text !== undefined && (text !== String(bound) || !Number.isSafeInteger(bound) || bound < 0) };
}
