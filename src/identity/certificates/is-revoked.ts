import { normalizeSerial } from './serial-number.ts';

/**
 * Whether `serial` is on a revocation list. Serials are unique only per
 * issuing CA, so `revokedSerials` must be the list of the CA that issued the
 * certificate (the ledger keeps one per organization). Spellings are
 * normalized on both sides (`00AB` = `ab`); entries that are not serials are
 * ignored.
 * PERF: linear; organization revocation lists are short. Keep a Set of
 * normalized serials and call `normalizeSerial` yourself if one grows.
 */
export function isRevoked(serial: string, revokedSerials: Iterable<string>): boolean {
  const wanted = normalizeSerial(serial);
  if (wanted === undefined) return false;
  for (const revoked of revokedSerials) if (normalizeSerial(revoked) === wanted) return true;
  return false;
}
