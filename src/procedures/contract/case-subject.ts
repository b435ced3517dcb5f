import type { JsonObject } from '../../crypto/canonical-json.ts';
import { procedureCollections } from './procedure-collections.ts';

/** What guards see of a subject (`subject.*`) and the unit it belongs to (queries by unit). */
export interface SubjectView {
  readonly facts: JsonObject;
  readonly unit?: string;
}

/** Reads a document of the state (the contract's `get`, unwrapped). */
export type ReadDocument = (collection: string, id: string) => JsonObject | undefined;

/**
 * How an app exposes its subjects to procedures: e.g. `prisoner` → the
 * prisoner's current row in `prison.prisoners`. Must be deterministic: read
 * only through `read`.
 */
export type SubjectReader = (read: ReadDocument, subjectId: string) => SubjectView | undefined;

/** Key of a recorded subject in `procedures.subjects`. */
export function subjectKey(type: string, id: string): string {
  return `${type}:${id}`;
}

/**
 * The subject's current facts: the app's reader for its type when there is
 * one, else what `procedures.recordSubject` recorded, else nothing (a guard
 * that needs a fact then fails with PROC_GUARD_ERROR).
 */
export function readSubject(readers: Readonly<Record<string, SubjectReader>>, read: ReadDocument, subject: { type: string; id: string }): SubjectView {
  const reader = Object.hasOwn(readers, subject.type) ? readers[subject.type] : undefined;
  if (reader !== undefined) return reader(read, subject.id) ?? { facts: {} };
  const recorded = read(procedureCollections.subjects, subjectKey(subject.type, subject.id));
  if (recorded === undefined) return { facts: {} };
  const unit = recorded['unit'];
  return { facts: (recorded['facts'] ?? {}) as JsonObject, ...(typeof unit === 'string' ? { unit } : {}) };
}
