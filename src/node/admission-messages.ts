import type { ErrorCode } from '../errors/codes.ts';
import type { CheckedTransaction } from '../ledger/admission.ts';
import type { TransactionLimits } from '../ledger/transaction.ts';

/** Messages between the main thread and admission workers. */
export interface AdmissionWorkerData {
  suite: string;
  network: string;
  limits: TransactionLimits;
  /** The worker thread's nice value (AdmissionPoolOptions.workerNice). */
  nice: number;
}

export interface AdmissionRequest {
  id: number;
  /** Raw JSON text, or an already parsed value. */
  raws: unknown[];
}

/** An admitted transaction crosses threads as its id and canonical text; its leaf hash travels in the reply's `leafHashes`. */
export type AdmissionOutcome = { ok: true; admitted: CheckedTransaction } | { ok: false; code: ErrorCode; message: string };

export interface AdmissionReply {
  id: number;
  outcomes: AdmissionOutcome[];
  /**
   * The leaf hash of `outcomes[i]`, when admitted, at bytes
   * [i·leafHashLength, (i+1)·leafHashLength). PERF: one transferred buffer per
   * batch; a Uint8Array per transaction cost an ArrayBuffer to copy, create
   * and later free for each of them.
   */
  leafHashes: Uint8Array;
  leafHashLength: number;
}
