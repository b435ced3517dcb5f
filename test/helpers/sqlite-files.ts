// Raw views of a ledger.sqlite for tamper tests: table dumps, page owners,
// SQLite's own integrity check.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';

/** Every table's rows in rowid order (key order without one), blobs as hex: equal dumps mean equal content. */
export function dumpTables(path: string): Record<string, string[]> {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = db.prepare<[], { name: string; sql: string }>("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    const dump: Record<string, string[]> = {};
    for (const { name, sql } of tables) {
      const columns = db.prepare<[], { name: string; pk: number }>(`PRAGMA table_info(${JSON.stringify(name)})`).all();
      const keys = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => JSON.stringify(c.name));
      // In rowid order where there is one, so that no index, not even the one SQLite keeps for a
      // primary key, decides what the dump holds; a WITHOUT ROWID table is its key's order.
      const order = /WITHOUT ROWID/i.test(sql) ? keys.join(', ') : 'rowid';
      const rows = db.prepare(`SELECT * FROM ${JSON.stringify(name)} ORDER BY ${order}`).all() as Record<string, unknown>[];
      dump[name] = rows.map((row) => JSON.stringify(row, (_key, value: unknown) => (Buffer.isBuffer(value) ? `blob:${value.toString('hex')}` : value)));
    }
    return dump;
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check`: 'ok', or what SQLite found (also when it cannot even read the file). */
export function sqliteIntegrity(path: string): string {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.prepare<[], { integrity_check: string }>('PRAGMA integrity_check').all();
    return rows.map((row) => row.integrity_check).join('; ');
  } catch (error: unknown) {
    return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    db?.close();
  }
}

export interface PageInfo {
  pageno: number;
  /** Table or index owning the page. */
  name: string;
  pagetype: string;
}

export interface FileLayout {
  pageSize: number;
  pages: PageInfo[];
}

/** Which b-tree owns each page (SQLite's dbstat table). Pages not listed are free or special. */
export function fileLayout(path: string): FileLayout {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.prepare<[], PageInfo>('SELECT pageno, name, pagetype FROM dbstat ORDER BY pageno').all();
    return { pageSize, pages };
  } finally {
    db.close();
  }
}

/** Byte offsets in the file where `needle` occurs inside pages owned by `owner`. */
export function findInPagesOf(path: string, layout: FileLayout, owner: string, needle: string): number[] {
  const file = readFileSync(path);
  const pattern = Buffer.from(needle, 'utf8');
  const found: number[] = [];
  for (const page of layout.pages) {
    if (page.name !== owner) continue;
    const start = (page.pageno - 1) * layout.pageSize;
    const bytes = file.subarray(start, start + layout.pageSize);
    for (let at = bytes.indexOf(pattern); at >= 0; at = bytes.indexOf(pattern, at + 1)) found.push(start + at);
  }
  return found;
}
