/** Where a time falls relative to a certificate's validity period. */
export type CertificateTimeStatus = 'not-yet-valid' | 'valid' | 'expired';

/** The validity period of a certificate; both ends belong to it (RFC 5280 §4.1.2.5). */
export interface ValidityPeriod {
  readonly notBefore: Date;
  readonly notAfter: Date;
}

const dayMilliseconds = 86_400_000;

/** Whether the certificate is valid `at` — block time at commit, never the wall clock. */
export function certificateStatusAt(certificate: ValidityPeriod, at: Date): CertificateTimeStatus {
  if (at.getTime() < certificate.notBefore.getTime()) return 'not-yet-valid';
  if (at.getTime() > certificate.notAfter.getTime()) return 'expired';
  return 'valid';
}

/**
 * Certificates whose `notAfter` falls before `at` + `days` days — those
 * already expired included, since they need the same attention — ordered by
 * `notAfter`, earliest first (ties keep input order).
 */
export function certificatesExpiringWithin<T extends ValidityPeriod>(certificates: readonly T[], at: Date, days: number): T[] {
  const horizon = at.getTime() + days * dayMilliseconds;
  return certificates
    .filter((certificate) => certificate.notAfter.getTime() < horizon)
    .sort((a, b) => a.notAfter.getTime() - b.notAfter.getTime());
}
