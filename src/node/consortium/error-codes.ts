/**
 * Stable error codes of consortium mode (NATS ordering, checkpoints,
 * finality, snapshots), in the shape of the registry in `src/errors/codes.ts`
 * (to be merged there). A code, once published, keeps its meaning.
 */
import { errorCodes, type ErrorCode } from '../../errors/codes.ts';

export type ConsortiumErrorCode = Extract<ErrorCode, `ORDERING_${string}` | `CONSORTIUM_${string}`>;

/** The view of the ORDERING_ and CONSORTIUM_ entries of the shared registry in src/errors/codes.ts. */
export const consortiumErrorCodes = Object.fromEntries(Object.entries(errorCodes).filter(([code]) => code.startsWith('ORDERING_') || code.startsWith('CONSORTIUM_'))) as {
  readonly [Code in ConsortiumErrorCode]: (typeof errorCodes)[Code];
};
