import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Actor } from './actor-pattern.ts';
import type { CaseContext, CaseResult } from './case-context.ts';
import type { CaseDocument } from './case-document.ts';
import type { DefinitionCheckOptions } from './check-actors.ts';
import type { ProcedureDefinition } from './definition.ts';
import { parseDefinitionYaml } from './parse-definition-yaml.ts';
import { parseCalendarYaml, type WorkingDayCalendar } from './working-day-calendar.ts';

// Shared by the procedure tests only: loads the shipped definitions and the
// calendar, and builds actors, hashes and block times.

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Text of a file under the repository root. */
export function readRepoFile(path: string): string {
  return readFileSync(root + path, 'utf8');
}

/** The shipped calendar, indexed. */
export const chinaCalendar: WorkingDayCalendar = parseCalendarYaml(readRepoFile('procedures/calendars/cn-2019-2026.yaml'));

/** A shipped definition by file name (`commutation`, `relief-allocation`). */
export function shippedDefinition(name: string): ProcedureDefinition {
  return parseDefinitionYaml(readRepoFile(`procedures/${name}.yaml`));
}

/** The roles and organizations of the test network. */
export const testNetwork: DefinitionCheckOptions = {
  knownRoles: [
    'prison-officer',
    'committee-member',
    'warden',
    'prosecutor',
    'judge',
    'court-president',
    'clerk',
    'officer',
    'director',
    'warehouse-manager',
    'logistics',
    'coordinator',
  ],
  knownOrgs: ['js-prison-07', 'js-prison-08', 'procuratorate', 'court', 'health-commission', 'charity', 'jianghan-c12', 'jianghan-c13'],
};

/** An actor. */
export function member(memberId: string, org: string, ...roles: string[]): Actor {
  return { memberId, org, roles };
}

/** A document hash (SHA-256 hex) derived from a label. */
export function docHash(label: string): string {
  return createHash('sha256').update(label).digest('hex');
}

/** Block time (ms) of a China Standard Time wall-clock reading, e.g. `cst('2024-09-27 10:00')`. */
export function cst(local: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (match === null) assert.fail(`bad CST time ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  return Date.UTC(y, mo - 1, d, h, mi) - 8 * 3_600_000;
}

/** A context for an actor at a block time, with the shipped calendar. */
export function at(actor: Actor, blockTime: number, extra: Partial<CaseContext> = {}): CaseContext {
  return { actor, blockTime, calendar: chinaCalendar, ...extra };
}

/** The case of a successful result; fails the test with the error's message otherwise. */
export function ok(result: CaseResult): CaseDocument {
  if (!result.ok) assert.fail(`expected success, got ${String(result.error.code)}: ${result.error.message}`);
  return result.case;
}

/** Freezes a value and everything inside it, so any write by the engine throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** The code of a thrown or returned error, as a plain string (procedure codes are not yet in the shared registry). */
export function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '(no code)';
}
