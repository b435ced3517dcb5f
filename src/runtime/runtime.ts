import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import type { TSchema } from '@sinclair/typebox';
import { canonicalize, type JsonObject } from '../crypto/canonical-json.ts';
import { isCustosError, custosError } from '../errors/custos-error.ts';
import type { AdmittedTransaction } from '../ledger/admission.ts';
import type { BlockContext, ExecutionOutcome, StateAccess, StateWrite, TransactionExecutor } from '../ledger/executor.ts';
import { failedResult, type LedgerEvent } from '../ledger/result.ts';
import type { StateDocument } from '../ledger/store/state-store.ts';
import type { Contract, ContractContext } from './contract.ts';
import type { Genesis } from '../ledger/genesis.ts';
import { authorizeAction, resolveSigner } from './system/access.ts';
import { createDirectory, identityEnabledIn, type MemberRecord } from './system/directory.ts';

interface CompiledFunction {
  check: TypeCheck<TSchema>;
  handler: Contract['functions'][string]['handler'];
}

function overlayKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

/**
 * Runs contract functions deterministically. Writes are buffered per
 * transaction and handed to the ledger only when the function returns, so a
 * failing transaction writes nothing.
 */
export interface RuntimeOptions {
  /** With organizations in it, every signer must be an enrolled member and every action needs its policy. */
  genesis?: Genesis;
}

/** Actions anyone may attempt: the certificate presented is the credential. */
const openActions = new Set(['identity.enroll']);

export function createRuntime(contracts: readonly Contract[], options: RuntimeOptions = {}): TransactionExecutor {
  const genesis = options.genesis;
  const functions = new Map<string, CompiledFunction>();
  for (const contract of contracts) {
    for (const collection of contract.collections) {
      if (!collection.name.startsWith(`${contract.name}.`)) {
        throw custosError('LEDGER_QUERY_INVALID', `collection ${collection.name} must be named ${contract.name}.…`);
      }
    }
    for (const [name, fn] of Object.entries(contract.functions)) {
      functions.set(`${contract.name}.${name}`, { check: TypeCompiler.Compile(fn.args), handler: fn.handler });
    }
  }

  // PERF: an open network skips building a directory per transaction.
  const identityEnabled = genesis !== undefined && identityEnabledIn(genesis);

  /** The member behind the signer, checked against the policy for the action; throws the refusal. */
  function authorize(admitted: AdmittedTransaction, block: BlockContext, state: StateAccess): MemberRecord | undefined {
    if (genesis === undefined || !identityEnabled) return undefined;
    const directory = createDirectory(genesis, state.get);
    const action = `${admitted.tx.contract}.${admitted.tx.fn}`;
    if (openActions.has(action)) return undefined;
    const member = resolveSigner(directory, admitted.tx.signer, block.height, block.time);
    authorizeAction(directory, action, member, block.height);
    return member;
  }

  function execute(admitted: AdmittedTransaction, block: BlockContext, state: StateAccess): ExecutionOutcome {
    const { tx, txId } = admitted;
    const fn = functions.get(`${tx.contract}.${tx.fn}`);
    if (fn === undefined) {
      const code = contracts.some((c) => c.name === tx.contract) ? 'LEDGER_TX_UNKNOWN_FUNCTION' : 'LEDGER_TX_UNKNOWN_CONTRACT';
      return { result: failedResult(code, `no function ${tx.contract}.${tx.fn}`), writes: [] };
    }
    let member: MemberRecord | undefined;
    try {
      member = authorize(admitted, block, state);
    } catch (error) {
      if (isCustosError(error)) return { result: failedResult(error.code, error.message), writes: [] };
      return { result: failedResult('RUNTIME_CONTRACT_FAULT', 'access check failed unexpectedly'), writes: [] };
    }
    if (!fn.check.Check(tx.args)) {
      const first = fn.check.Errors(tx.args).First();
      const where = first ? `${first.path || '/'}: ${first.message}` : 'invalid';
      return { result: failedResult('RUNTIME_BAD_ARGS', `args ${where}`), writes: [] };
    }
    const writes = new Map<string, StateWrite>();
    const events: LedgerEvent[] = [];
    const ctx: ContractContext = {
      txId,
      signer: tx.signer,
      member,
      block: { height: block.height, time: block.time, network: block.network },
      get(collection, id) {
        const pending = writes.get(overlayKey(collection, id));
        if (pending === undefined) return state.get(collection, id);
        if (pending.canonical === null) return undefined;
        const previous = state.get(collection, id);
        const doc: StateDocument = { collection, id, doc: JSON.parse(pending.canonical) as JsonObject, version: (previous?.version ?? 0) + 1, height: block.height };
        return doc;
      },
      query: (collection, query) => state.query(collection, query),
      put(collection, id, doc) {
        // Canonical text taken now: later changes to `doc` by the contract cannot leak in.
        writes.set(overlayKey(collection, id), { collection, id, canonical: canonicalize(doc) });
      },
      delete(collection, id) {
        writes.set(overlayKey(collection, id), { collection, id, canonical: null });
      },
      emit(type, data: JsonObject) {
        // Validated (and frozen in form) now, so a bad event fails this transaction, not the block.
        canonicalize(data);
        events.push({ type, data });
      },
    };
    try {
      const value = fn.handler(ctx, tx.args);
      const result = value === undefined ? { status: 'ok' as const, events } : { status: 'ok' as const, value, events };
      return { result, writes: [...writes.values()] };
    } catch (error) {
      if (isCustosError(error)) return { result: failedResult(error.code, error.message), writes: [] };
      // The engine's own message could differ between Node versions, and the
      // result is hashed, so only a fixed text goes on the ledger.
      return { result: failedResult('RUNTIME_CONTRACT_FAULT', 'contract raised an unexpected error'), writes: [] };
    }
  }

  const hooked = [...contracts].filter((contract) => contract.onBlock !== undefined).sort((a, b) => (a.name < b.name ? -1 : 1));

  /** Block hooks in contract-name order; each sees the writes of the ones before it. A failing hook writes nothing. */
  function beginBlock(block: BlockContext, state: StateAccess): StateWrite[] {
    const all: StateWrite[] = [];
    for (const contract of hooked) {
      const writes = new Map<string, StateWrite>();
      const pending = new Map(all.map((write) => [overlayKey(write.collection, write.id), write]));
      const read = (collection: string, id: string): StateDocument | undefined => {
        const write = writes.get(overlayKey(collection, id)) ?? pending.get(overlayKey(collection, id));
        if (write === undefined) return state.get(collection, id);
        if (write.canonical === null) return undefined;
        const previous = state.get(collection, id);
        return { collection, id, doc: JSON.parse(write.canonical) as JsonObject, version: (previous?.version ?? 0) + 1, height: block.height };
      };
      try {
        contract.onBlock!({
          block: { height: block.height, time: block.time, network: block.network },
          get: read,
          query: (collection, query) => state.query(collection, query),
          put: (collection, id, doc) => void writes.set(overlayKey(collection, id), { collection, id, canonical: canonicalize(doc) }),
          delete: (collection, id) => void writes.set(overlayKey(collection, id), { collection, id, canonical: null }),
        });
        all.push(...writes.values());
      } catch {
        // Deterministic on every node: the hook's writes are dropped, the block goes on.
      }
    }
    return all;
  }

  return {
    beginBlock,
    collections: () => contracts.flatMap((contract) => contract.collections),
    hasFunction: (contract, fn) => functions.has(`${contract}.${fn}`),
    execute,
    precheck(admitted, block, state) {
      authorize(admitted, block, state);
    },
  };
}
