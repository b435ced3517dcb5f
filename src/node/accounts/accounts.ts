import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { bytesToBase64url } from '../../crypto/bytes.ts';
import type { SigningKey } from '../../crypto/suite.ts';
import { getSuite } from '../../crypto/suites.ts';
import { custosError } from '../../errors/custos-error.ts';
import { checkPassword, hashPassword, open, seal } from './secret-box.ts';
import { checkTotp, newTotpSecret } from './totp.ts';

export interface AccountsOptions {
  maxFailedAttempts: number;
  lockoutMs: number;
  sessionIdleMs: number;
  sessionMaxMs: number;
}

export const defaultAccountsOptions: AccountsOptions = { maxFailedAttempts: 5, lockoutMs: 15 * 60_000, sessionIdleMs: 30 * 60_000, sessionMaxMs: 12 * 3600_000 };

export interface Account {
  org: string;
  memberId: string;
  publicKey: string;
  totp: boolean;
}

interface AccountRow {
  org: string;
  member_id: string;
  public_key: string;
  password_hash: string;
  sealed_key: string;
  totp_secret: string | null;
  failed_attempts: number;
  locked_until: number;
}

interface Session {
  account: Account;
  key: SigningKey;
  createdAt: number;
  lastSeen: number;
}

const schema = `
CREATE TABLE IF NOT EXISTS accounts (
  org TEXT NOT NULL,
  member_id TEXT NOT NULL,
  public_key TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  sealed_key TEXT NOT NULL,
  totp_secret TEXT,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (org, member_id)
);
CREATE TABLE IF NOT EXISTS api_tokens (
  token_hash TEXT PRIMARY KEY,
  org TEXT NOT NULL,
  member_id TEXT NOT NULL,
  label TEXT NOT NULL,
  sealed_key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

function rowToAccount(row: AccountRow): Account {
  return { org: row.org, memberId: row.member_id, publicKey: row.public_key, totp: row.totp_secret !== null };
}

/**
 * People's accounts on one node: never on the ledger, never replicated.
 * A member's private key is stored sealed under their password; the node
 * opens it at sign-in and keeps it in memory for that session only, so it
 * can sign for a member only while they are signed in. Sessions live in
 * memory: a restarted node has signed everyone out.
 */
export function openAccounts(path: string, suiteId: string, options: AccountsOptions = defaultAccountsOptions, now: () => number = Date.now) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(schema);
  const suite = getSuite(suiteId);
  const sessions = new Map<string, Session>();
  const tokenKeys = new Map<string, { account: Account; key: SigningKey }>();
  const statements = {
    insert: db.prepare('INSERT INTO accounts (org, member_id, public_key, password_hash, sealed_key, totp_secret) VALUES (?, ?, ?, ?, ?, ?)'),
    byId: db.prepare<[string, string], AccountRow>('SELECT * FROM accounts WHERE org = ? AND member_id = ?'),
    all: db.prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY org, member_id'),
    failed: db.prepare<[number, number, string, string]>('UPDATE accounts SET failed_attempts = ?, locked_until = ? WHERE org = ? AND member_id = ?'),
    insertToken: db.prepare('INSERT INTO api_tokens (token_hash, org, member_id, label, sealed_key, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
    token: db.prepare<[string], { org: string; member_id: string; sealed_key: string }>('SELECT org, member_id, sealed_key FROM api_tokens WHERE token_hash = ?'),
  };

  function badCredentials(): never {
    // One message for unknown member and wrong password: no account probing.
    throw custosError('AUTH_BAD_CREDENTIALS', 'organization, member or password is wrong');
  }

  return {
    /** Creates an account holding the member's key sealed under the password. Returns the TOTP secret when asked for one. */
    create(params: { org: string; memberId: string; signingKey: SigningKey; password: string; totp?: boolean }): { totpSecret?: string } {
      if (params.password.length < 8) throw custosError('API_BAD_REQUEST', 'password must have at least 8 characters');
      if (statements.byId.get(params.org, params.memberId) !== undefined) throw custosError('AUTH_ACCOUNT_EXISTS', `account ${params.memberId}@${params.org} exists`);
      const totpSecret = params.totp === true ? newTotpSecret() : null;
      statements.insert.run(params.org, params.memberId, params.signingKey.publicKey, hashPassword(params.password), seal(params.password, params.signingKey.exportPkcs8()), totpSecret);
      return totpSecret === null ? {} : { totpSecret };
    },

    signIn(params: { org: string; memberId: string; password: string; totp?: string }): { token: string; account: Account; expiresAt: number } {
      const row = statements.byId.get(params.org, params.memberId);
      if (row === undefined) badCredentials();
      const time = now();
      if (row.locked_until > time) {
        throw custosError('AUTH_LOCKED', `too many failed sign-ins; try again after ${new Date(row.locked_until).toISOString()}`, { retryAfterMs: row.locked_until - time });
      }
      const fail = () => {
        const attempts = row.failed_attempts + 1;
        const locked = attempts >= options.maxFailedAttempts;
        statements.failed.run(locked ? 0 : attempts, locked ? time + options.lockoutMs : 0, row.org, row.member_id);
        if (locked) throw custosError('AUTH_LOCKED', `too many failed sign-ins; locked for ${options.lockoutMs / 60_000} minutes`, { retryAfterMs: options.lockoutMs });
        badCredentials();
      };
      if (!checkPassword(params.password, row.password_hash)) fail();
      if (row.totp_secret !== null) {
        if (params.totp === undefined) throw custosError('AUTH_TOTP_REQUIRED', 'this account needs a one-time code');
        if (!checkTotp(row.totp_secret, params.totp, time)) fail();
      }
      const pkcs8 = open(params.password, row.sealed_key);
      if (pkcs8 === undefined) throw custosError('AUTH_BAD_CREDENTIALS', 'stored key cannot be opened');
      statements.failed.run(0, 0, row.org, row.member_id);
      const token = `cs_${bytesToBase64url(randomBytes(32))}`;
      const account = rowToAccount(row);
      sessions.set(tokenHash(token), { account, key: suite.signingKeyFromPkcs8(pkcs8), createdAt: time, lastSeen: time });
      return { token, account, expiresAt: Math.min(time + options.sessionIdleMs, time + options.sessionMaxMs) };
    },

    /** The signed-in member and their key, for a session token or an API token. */
    authenticate(token: string): { account: Account; key: SigningKey; kind: 'session' | 'token' } {
      const hash = tokenHash(token);
      if (token.startsWith('ct_')) {
        const cached = tokenKeys.get(hash);
        if (cached !== undefined) return { ...cached, kind: 'token' };
        const row = statements.token.get(hash);
        const pkcs8 = row === undefined ? undefined : open(token, row.sealed_key);
        const accountRow = row === undefined ? undefined : statements.byId.get(row.org, row.member_id);
        if (pkcs8 === undefined || accountRow === undefined) throw custosError('AUTH_REQUIRED', 'API token is not valid');
        const entry = { account: rowToAccount(accountRow), key: suite.signingKeyFromPkcs8(pkcs8) };
        tokenKeys.set(hash, entry);
        return { ...entry, kind: 'token' };
      }
      const session = sessions.get(hash);
      if (session === undefined) throw custosError('AUTH_REQUIRED', 'sign in first');
      const time = now();
      if (time - session.lastSeen > options.sessionIdleMs || time - session.createdAt > options.sessionMaxMs) {
        sessions.delete(hash);
        throw custosError('AUTH_SESSION_EXPIRED', 'session expired; sign in again');
      }
      session.lastSeen = time;
      return { account: session.account, key: session.key, kind: 'session' };
    },

    signOut(token: string): void {
      sessions.delete(tokenHash(token));
    },

    /** An API token for machine clients, bound to the signed-in member; shown once. */
    createApiToken(sessionToken: string, label: string): string {
      const { account, key, kind } = this.authenticate(sessionToken);
      if (kind !== 'session') throw custosError('AUTH_REQUIRED', 'API tokens are created from a signed-in session');
      const token = `ct_${bytesToBase64url(randomBytes(32))}`;
      statements.insertToken.run(tokenHash(token), account.org, account.memberId, label, seal(token, key.exportPkcs8()), now());
      return token;
    },

    /**
     * The folder holding this accounts database, i.e. the node's data directory
     * (`<data>/accounts.sqlite`, see serve.ts), where the organization CAs it holds
     * live; undefined for an in-memory database.
     */
    dataDir: path === ':memory:' ? undefined : dirname(path),
    list: (): Account[] => statements.all.all().map(rowToAccount),
    get: (org: string, memberId: string): Account | undefined => {
      const row = statements.byId.get(org, memberId);
      return row === undefined ? undefined : rowToAccount(row);
    },
    close: () => db.close(),
  };
}

export type Accounts = ReturnType<typeof openAccounts>;
