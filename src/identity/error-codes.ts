import { errorCodes, type ErrorCode } from '../errors/codes.ts';

/** The codes of the identity layer: the `IDENTITY_…` part of the registry in `src/errors/codes.ts`. */
export type IdentityErrorCode = Extract<ErrorCode, `IDENTITY_${string}`>;

/**
 * The identity entries of the registry, as a view: the registry is the one
 * source of statuses and titles. Status choice: a certificate is a
 * credential, so every way it fails to authenticate its holder (bad
 * signature, expired, not yet valid, revoked, issued by a CA we do not
 * trust) is 401, like LEDGER_TX_BAD_SIGNATURE; input broken whoever sends it
 * (unparseable or off-profile certificate, bad policy text, bad names) is 400.
 */
export const identityErrorCodes = Object.fromEntries(Object.entries(errorCodes).filter(([code]) => code.startsWith('IDENTITY_'))) as {
  readonly [Code in IdentityErrorCode]: (typeof errorCodes)[Code];
};
