import type { JsonObject, JsonValue } from '../crypto/canonical-json.ts';

export interface LedgerEvent {
  type: string;
  data: JsonObject;
}

/**
 * How a transaction ended. A failed transaction stays in the ledger as
 * evidence of the attempt and writes nothing but this result.
 */
export type TransactionResult =
  | { status: 'ok'; value?: JsonValue; events: LedgerEvent[] }
  | { status: 'failed'; code: string; message: string; events: [] };

export function failedResult(code: string, message: string): TransactionResult {
  return { status: 'failed', code, message, events: [] };
}
