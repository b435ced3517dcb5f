// No imports: pure, so it runs under Node's test runner as well (test/browser-key-console.test.ts).

/** Why the browser key the member chose cannot sign now; the console asks what to do instead. */
export type SigningNotice = 'keyMissing' | 'revoked' | 'expired' | 'notEnrolled';

/** The ledger's record of a key (`identity.members/<publicKey>`), as far as signing cares. */
export interface LedgerMember {
  memberId: string;
  org: string;
  notAfter: number;
  revokedFrom: number | null;
}

/** What the ledger's record (undefined: no record) says of a stored key for this member at `now`: null when it may sign. */
export function noticeForLedgerMember(key: { org: string; memberId: string }, doc: LedgerMember | undefined, now: number): SigningNotice | null {
  if (doc === undefined || doc.org !== key.org || doc.memberId !== key.memberId) return 'notEnrolled';
  // A revocation is in force from the block after it; a key about to stop is not worth signing with either.
  if (doc.revokedFrom !== null) return 'revoked';
  if (doc.notAfter <= now) return 'expired';
  return null;
}

/** A browser-key transaction refused at admission because the key no longer stands, as a notice; null for any other failure. */
export function noticeForSubmitError(error: unknown): SigningNotice | null {
  // A CustosApiError (the node's problem+json) carries the stable code.
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  if (code === 'IDENTITY_CERT_REVOKED') return 'revoked';
  if (code === 'IDENTITY_CERT_EXPIRED') return 'expired';
  if (code === 'IDENTITY_UNKNOWN_MEMBER') return 'notEnrolled';
  return null;
}
