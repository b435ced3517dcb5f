import { custosError } from '../../errors/custos-error.ts';

/** An index a contract declares on one of its collections. */
export interface IndexSpec {
  name: string;
  /** Dotted paths into the document, e.g. `['prison', 'status']`. */
  fields: string[];
}

export interface CollectionSpec {
  name: string;
  indexes: IndexSpec[];
}

const collectionPattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const identifierPattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function assertCollectionName(name: string): void {
  if (!collectionPattern.test(name) || name.length > 64) {
    throw custosError('LEDGER_QUERY_INVALID', `collection name ${JSON.stringify(name)} is not dotted lowercase words`);
  }
}

/** `a.b` → `$.a.b`, refusing anything that is not plain identifiers (these go into SQL text). */
export function fieldToJsonPath(field: string): string {
  const parts = field.split('.');
  if (parts.length === 0 || parts.length > 8 || !parts.every((part) => identifierPattern.test(part))) {
    throw custosError('LEDGER_QUERY_INVALID', `index field ${JSON.stringify(field)} is not a dotted identifier path`);
  }
  return '$.' + parts.join('.');
}

export function sqlIndexName(collection: string, index: string): string {
  return `state_ix_${collection.replaceAll('.', '__')}_${index}`;
}

export function validateCollectionSpec(spec: CollectionSpec): void {
  assertCollectionName(spec.name);
  const seen = new Set<string>();
  for (const index of spec.indexes) {
    if (!identifierPattern.test(index.name)) throw custosError('LEDGER_QUERY_INVALID', `index name ${JSON.stringify(index.name)} is not an identifier`);
    if (seen.has(index.name)) throw custosError('LEDGER_QUERY_INVALID', `index ${index.name} declared twice on ${spec.name}`);
    seen.add(index.name);
    if (index.fields.length === 0 || index.fields.length > 4) throw custosError('LEDGER_QUERY_INVALID', `index ${index.name} needs 1 to 4 fields`);
    index.fields.forEach(fieldToJsonPath);
  }
}
