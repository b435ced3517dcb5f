import { custosError, isCustosError, type CustosError } from '../errors/custos-error.ts';
import type { ErrorCode } from '../errors/codes.ts';
import type { AdmittedTransaction } from '../ledger/admission.ts';
import type { TransactionExecutor } from '../ledger/executor.ts';
import type { Genesis } from '../ledger/genesis.ts';
import type { Ledger } from '../ledger/ledger.ts';
import type { Contract } from '../runtime/contract.ts';
import type { AdmissionPool } from './admission-pool.ts';

export interface AdmissionCheckContext {
  genesis: Genesis;
  ledger: Ledger;
  executor: TransactionExecutor;
  contracts: readonly Contract[];
  /** Admitted and not yet committed here (a resubmission while waiting). */
  isPending(txId: string): boolean;
}

/**
 * What a node checks after the worker admitted a transaction and before it
 * orders it: time window against the node's clock, replay, the function
 * exists, and who may do it (the runtime's access precheck against the
 * state now). Execution checks window, replay and access again at its block;
 * these early answers save ordering transactions bound to fail.
 * Throws the refusal; `onRefuse` counts it.
 */
export function checkBeforeOrdering(context: AdmissionCheckContext, admitted: AdmittedTransaction, time: number, onRefuse: (code: ErrorCode) => void): void {
  const { tx, txId } = admitted;
  const refuse = (code: ErrorCode, message: string, details: Record<string, unknown> = {}): never => {
    onRefuse(code);
    throw custosError(code, message, { ...details, txId });
  };
  const window = context.genesis.txWindow;
  if (tx.ts < time - window.maxAgeMs || tx.ts > time + window.maxSkewMs) {
    refuse('LEDGER_TX_TS_OUT_OF_WINDOW', `ts must be within ${window.maxAgeMs} ms before and ${window.maxSkewMs} ms after the node's time`, { ts: tx.ts, now: time });
  }
  if (context.isPending(txId) || context.ledger.hasTransaction(txId)) refuse('LEDGER_TX_DUPLICATE', 'transaction was already submitted');
  if (!context.executor.hasFunction(tx.contract, tx.fn)) {
    const known = context.contracts.some((contract) => contract.name === tx.contract);
    refuse(known ? 'LEDGER_TX_UNKNOWN_FUNCTION' : 'LEDGER_TX_UNKNOWN_CONTRACT', `no function ${tx.contract}.${tx.fn}`);
  }
  try {
    const { ledger } = context;
    context.executor.precheck(admitted, { network: context.genesis.network, height: ledger.head().height + 1, time }, { get: ledger.state.get, query: ledger.state.query });
  } catch (error) {
    if (isCustosError(error)) refuse(error.code, error.message, { ...error.details });
    throw error;
  }
}

export interface TransactionIntakeModules {
  pool: AdmissionPool;
  context: AdmissionCheckContext;
  /** Counts refusals by code (custos_transactions_rejected_total). */
  countRefusal(code: ErrorCode): void;
  now(): number;
  maxPending: number;
  pendingCount(): number;
  isAccepting(): boolean;
}

/** Hears how intake went: the coded refusal, or the admitted transaction and the node time it was judged at. Must not throw. */
export type IntakeCallback = (error: unknown, admitted: AdmittedTransaction | undefined, time: number) => void;

/**
 * A node's front door, the same for solo and consortium nodes: refuse when
 * stopped or overloaded, admit on a worker (form, signature), then the
 * checks before ordering. `admitThen(raw, done)` calls `done` exactly
 * once, maybe before it returns; `admit(raw)` is the same as a promise.
 */
export function createTransactionIntake(modules: TransactionIntakeModules) {
  const refusal = (code: ErrorCode, message: string): CustosError => {
    modules.countRefusal(code);
    return custosError(code, message);
  };

  function afterAdmission(done: IntakeCallback, error: Error | undefined, admitted: AdmittedTransaction | undefined): void {
    if (error !== undefined) {
      if (isCustosError(error)) modules.countRefusal(error.code);
      done(error, undefined, 0);
      return;
    }
    const time = modules.now();
    try {
      checkBeforeOrdering(modules.context, admitted!, time, modules.countRefusal);
    } catch (refused) {
      done(refused, undefined, time);
      return;
    }
    done(undefined, admitted, time);
  }

  function admitThen(raw: unknown, done: IntakeCallback): void {
    if (!modules.isAccepting()) return done(refusal('LEDGER_NODE_STOPPED', 'node is not accepting transactions'), undefined, 0);
    if (modules.pendingCount() >= modules.maxPending) return done(refusal('LEDGER_OVERLOADED', `more than ${modules.maxPending} transactions wait for a block`), undefined, 0);
    modules.pool.admitThen(raw, (error, admitted) => afterAdmission(done, error, admitted));
  }

  function admit(raw: unknown): Promise<{ admitted: AdmittedTransaction; time: number }> {
    return new Promise((resolve, reject) => admitThen(raw, (error, admitted, time) => (error === undefined ? resolve({ admitted: admitted!, time }) : reject(error))));
  }

  // Not named `then`: an object with a then method is a thenable, and awaiting it would call it.
  return { admitThen, admit };
}

export type TransactionIntake = ReturnType<typeof createTransactionIntake>;
