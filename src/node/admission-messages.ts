import type { ErrorCode } from '../errors/codes.ts';
import type { AdmittedTransaction } from '../ledger/admission.ts';
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

/** An admitted transaction as it crosses threads: its leaf hash travels in the reply's `leafHashes`. */
export type AdmittedWithoutLeaf = Omit<AdmittedTransaction, 'leafHash'>;

export type AdmissionOutcome = { ok: true; admitted: AdmittedWithoutLeaf } | { ok: false; code: ErrorCode; message: string };

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
