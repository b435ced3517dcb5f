import type { JsonObject, JsonValue } from '../../crypto/canonical-json.ts';

/**
 * A value that governance changes "from the next block": the document keeps
 * the value in force and, until it is folded in, the one scheduled with the
 * height it takes effect from. Every node reads the same value at the same
 * height, whatever the wall clock says.
 */
export interface Scheduled extends JsonObject {
  current: JsonValue;
  next: { value: JsonValue; from: number } | null;
}

export function valueAt(doc: JsonObject | undefined, height: number): JsonValue | undefined {
  if (doc === undefined) return undefined;
  const scheduled = doc as Scheduled;
  if (scheduled.next !== null && scheduled.next.from <= height) return scheduled.next.value;
  return scheduled.current;
}

/** The document after scheduling `value` from height `from` (folding an earlier change already in force). */
export function schedule(doc: JsonObject | undefined, value: JsonValue, from: number, now: number): Scheduled {
  const current = doc === undefined ? null : (valueAt(doc, now) ?? null);
  return { current, next: { value, from } };
}
