import { createHash, randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { canonicalBytes, type JsonObject } from '../../../crypto/canonical-json.ts';

/** What is never written to the ledger in clear. */
export interface PersonalRecord extends JsonObject {
  name: string;
  idNumber: string;
  address: string;
  /** Diagnoses and medical notes; the ledger holds only certified flags. */
  health: string;
}

const domainTag = new TextEncoder().encode('custos/prison/personal-data/v1\u0000');

/**
 * The hash the ledger carries: SHA-256(tag ‖ salt ‖ JCS(record)).
 *
 * Why a salt, and why it stays on this node: names and ID numbers are
 * guessable — an 18-digit ID number is a region code, a birth date, a
 * sequence and a check digit, a few hundred million candidates at most — so
 * an unsalted hash on a ledger that many agencies replicate would let anyone
 * confirm "is prisoner JS07-… this person?" by trying candidates. With 32
 * random bytes per prisoner, kept only where the record is, the hash still
 * binds the record (it cannot be changed without the ledger showing it) but
 * reveals nothing; disclosing the salt with the record to an auditor lets
 * them check the hash. Encrypted private-data collections replace this later.
 */
export function personalDataHash(salt: Uint8Array, record: PersonalRecord): string {
  return createHash('sha256').update(domainTag).update(salt).update(canonicalBytes(record)).digest('hex');
}

export interface PersonalDataStore {
  /** Stores (or replaces) a prisoner's record; returns the hash to put on the ledger. The salt is made once per prisoner. */
  put(prisonerId: string, record: PersonalRecord): string;
  get(prisonerId: string): { record: PersonalRecord; hash: string } | undefined;
  /** True when the stored record hashes to what the ledger says. */
  matches(prisonerId: string, ledgerHash: string): boolean;
  /** Many records in one SQL transaction (demo seeding). */
  putMany(records: { prisonerId: string; record: PersonalRecord }[]): Map<string, string>;
  close(): void;
}

/** Opens (creating if needed) the node-local personal-data table in the SQLite file at `path`. */
export function createPersonalDataStore(path: string): PersonalDataStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS prison_personal_data (prisoner_id TEXT PRIMARY KEY, salt BLOB NOT NULL, record TEXT NOT NULL, hash TEXT NOT NULL)');
  const select = db.prepare<[string], { salt: Buffer; record: string; hash: string }>('SELECT salt, record, hash FROM prison_personal_data WHERE prisoner_id = ?');
  const upsert = db.prepare<[string, Buffer, string, string]>(
    'INSERT INTO prison_personal_data (prisoner_id, salt, record, hash) VALUES (?, ?, ?, ?) ON CONFLICT (prisoner_id) DO UPDATE SET record = excluded.record, hash = excluded.hash',
  );

  function put(prisonerId: string, record: PersonalRecord): string {
    const salt = select.get(prisonerId)?.salt ?? randomBytes(32);
    const hash = personalDataHash(salt, record);
    upsert.run(prisonerId, salt, JSON.stringify(record), hash);
    return hash;
  }

  return {
    put,
    get(prisonerId) {
      const row = select.get(prisonerId);
      return row === undefined ? undefined : { record: JSON.parse(row.record) as PersonalRecord, hash: row.hash };
    },
    matches(prisonerId, ledgerHash) {
      const row = select.get(prisonerId);
      return row !== undefined && personalDataHash(row.salt, JSON.parse(row.record) as PersonalRecord) === ledgerHash;
    },
    putMany(records) {
      const hashes = new Map<string, string>();
      db.transaction(() => {
        for (const { prisonerId, record } of records) hashes.set(prisonerId, put(prisonerId, record));
      })();
      return hashes;
    },
    close: () => db.close(),
  };
}
