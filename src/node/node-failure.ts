import { isCustosError } from '../errors/custos-error.ts';

/** Why a node stopped working: shown on /healthz and in the log. */
export interface NodeFailure {
  /** The stable error code, when the cause has one (e.g. ORDERING_BLOCKS_TRIMMED). */
  code?: string;
  message: string;
}

export function describeFailure(fatal: unknown): NodeFailure | undefined {
  if (fatal === undefined) return undefined;
  const message = fatal instanceof Error ? fatal.message : String(fatal);
  return isCustosError(fatal) ? { code: fatal.code, message } : { message };
}
