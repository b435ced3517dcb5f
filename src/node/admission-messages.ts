import type { ErrorCode } from '../errors/codes.ts';
import type { AdmittedTransaction } from '../ledger/admission.ts';
import type { TransactionLimits } from '../ledger/transaction.ts';

/** Messages between the main thread and admission workers. */
export interface AdmissionWorkerData {
  suite: string;
  network: string;
  limits: TransactionLimits;
}

export interface AdmissionRequest {
  id: number;
  /** Raw JSON text, or an already parsed value. */
  raws: unknown[];
}

export type AdmissionOutcome = { ok: true; admitted: AdmittedTransaction } | { ok: false; code: ErrorCode; message: string };

export interface AdmissionReply {
  id: number;
  outcomes: AdmissionOutcome[];
}
