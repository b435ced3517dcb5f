import { concatBytes, transientBytesAndUtf8, utf8ToBytes } from './bytes.ts';

/**
 * Every hashed or signed byte string in Custos starts with one of these tags,
 * followed by a zero byte, so a signature or hash made for one purpose can
 * never be taken for another (a transaction signature is never a valid block
 * signature). Adding a purpose means adding a tag here and to docs/FORMATS.md;
 * changing one breaks every stored ledger.
 */
export const domainTags = {
  transaction: 'custos/v1/transaction',
  blockHeader: 'custos/v1/block-header',
  checkpoint: 'custos/v1/checkpoint',
  genesis: 'custos/v1/genesis',
  txLeaf: 'custos/v1/tx-leaf',
  resultLeaf: 'custos/v1/result-leaf',
  stateEntry: 'custos/v1/state-entry',
  stateRoot: 'custos/v1/state-root',
  procedureDefinition: 'custos/v1/procedure-definition',
  keyPossession: 'custos/v1/key-possession',
} as const;

export type DomainTag = keyof typeof domainTags;

const tagPrefixes = new Map<DomainTag, Uint8Array>(
  (Object.keys(domainTags) as DomainTag[]).map((tag) => [tag, concatBytes(utf8ToBytes(domainTags[tag]), new Uint8Array([0]))]),
);

/** `tag || 0x00 || payload` — the only way a purpose-bound byte string is built. */
export function taggedBytes(tag: DomainTag, payload: Uint8Array): Uint8Array {
  return concatBytes(tagPrefixes.get(tag)!, payload);
}

/** `tag || 0x00`, for building a tagged byte string in one piece (see `transientTaggedText`). */
export function domainTagPrefix(tag: DomainTag): Uint8Array {
  return tagPrefixes.get(tag)!;
}

/** `taggedBytes(tag, UTF-8(text))` in the shared transient buffer (`transientBytesAndUtf8`): valid until the next transient call. */
export function transientTaggedText(tag: DomainTag, text: string): Uint8Array {
  return transientBytesAndUtf8([tagPrefixes.get(tag)!], text);
}
