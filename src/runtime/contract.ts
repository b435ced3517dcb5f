import type { TSchema, Static } from '@sinclair/typebox';
import type { JsonObject, JsonValue } from '../crypto/canonical-json.ts';
import type { CollectionSpec } from '../ledger/store/collections.ts';
import type { MemberRecord } from './system/directory.ts';
import type { StateDocument, StateQuery } from '../ledger/store/state-store.ts';

/**
 * Everything a contract function may touch. Deliberately nothing else: no
 * clock but the block's, no randomness, no IO (DESIGN.md, determinism rules).
 */
export interface ContractContext {
  readonly txId: string;
  /** The signer's public key. */
  readonly signer: string;
  /** The enrolled member behind the key, checked at this block; undefined in open networks and for enrollment. */
  readonly member: MemberRecord | undefined;
  readonly block: { readonly height: number; readonly time: number; readonly network: string };
  get(collection: string, id: string): StateDocument | undefined;
  /** Sees the state before this transaction's own writes (as Fabric does). */
  query(collection: string, query: StateQuery): StateDocument[];
  put(collection: string, id: string, doc: JsonObject): void;
  delete(collection: string, id: string): void;
  emit(type: string, data: JsonObject): void;
}

export interface ContractFunction<S extends TSchema = TSchema> {
  /** TypeBox schema of `args`; checked before the handler runs. */
  args: S;
  handler(ctx: ContractContext, args: Static<S>): JsonValue | void;
}

/** What a block hook may touch: the state and the block, no signer. */
export type BlockHookContext = Omit<ContractContext, 'txId' | 'signer' | 'member' | 'emit'>;

export interface Contract {
  name: string;
  version: string;
  /** Collections this contract owns; names must start with `<name>.`. */
  collections: CollectionSpec[];
  functions: Record<string, ContractFunction>;
  /**
   * Runs at the start of every block, before its transactions (e.g. firing
   * procedure deadlines). Must be cheap when there is nothing to do: query
   * an index of what is due, never scan.
   */
  onBlock?(ctx: BlockHookContext): void;
}

/** Helper that keeps each function's args type tied to its schema. */
export function defineFunction<S extends TSchema>(fn: ContractFunction<S>): ContractFunction {
  return fn as unknown as ContractFunction;
}
