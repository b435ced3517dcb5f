import type { JsonObject } from '../../crypto/canonical-json.ts';
import type { StateDocument, StateQuery } from '../../ledger/store/state-store.ts';
import { procedureRegistryCollection } from '../../runtime/system/governance-contract.ts';
import type { ProcedureDefinition } from '../definition.ts';

type Get = (collection: string, id: string) => StateDocument | undefined;
type Query = (collection: string, query: StateQuery) => StateDocument[];

/** A definition version as governance registered it (`governance.procedures`, key `<id>@<version>`). */
export interface RegisteredDefinition {
  readonly id: string;
  readonly version: number;
  readonly definition: ProcedureDefinition;
  /** `H(custos/v1/procedure-definition || JCS(definition))`. */
  readonly hash: string;
  readonly status: 'active' | 'retired';
  /** First height at which cases may be opened on it. */
  readonly from: number;
  /** First height at which no new case may be opened on it (running cases go on). */
  readonly retiredFrom?: number;
  readonly adoptedBy?: string;
}

/** Whether a new case may be opened on this version at `height`. */
export function isUsableAt(entry: RegisteredDefinition, height: number): boolean {
  return entry.from <= height && (entry.retiredFrom === undefined || height < entry.retiredFrom);
}

// PERF: definitions are immutable once registered, so one parsed object per
// content hash lets the engine's per-object caches (compiled form schemas)
// work across transactions. Bounded like the policy cache.
const byHash = new Map<string, ProcedureDefinition>();

function toEntry(doc: JsonObject): RegisteredDefinition {
  const entry = doc as unknown as RegisteredDefinition;
  const cached = byHash.get(entry.hash);
  if (cached !== undefined) return { ...entry, definition: cached };
  if (byHash.size > 1000) byHash.clear();
  byHash.set(entry.hash, entry.definition);
  return entry;
}

/** One registered version, whatever its status, or undefined. */
export function registeredDefinition(get: Get, id: string, version: number): RegisteredDefinition | undefined {
  const found = get(procedureRegistryCollection, `${id}@${version}`);
  return found === undefined ? undefined : toEntry(found.doc);
}

/** Every registered version of a procedure, oldest first. */
export function registeredVersions(query: Query, id: string): RegisteredDefinition[] {
  return query(procedureRegistryCollection, { index: 'byId', equals: [id], limit: 1000 }).map((found) => toEntry(found.doc));
}

/** The newest version a case may be opened on at `height`, or undefined. */
export function latestUsableDefinition(query: Query, id: string, height: number): RegisteredDefinition | undefined {
  return registeredVersions(query, id)
    .filter((entry) => isUsableAt(entry, height))
    .reduce<RegisteredDefinition | undefined>((best, entry) => (best === undefined || entry.version > best.version ? entry : best), undefined);
}
