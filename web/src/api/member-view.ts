/** A signed-in member as the ledger knows them (GET /v1/auth/me). */
export interface MemberView {
  org: string;
  memberId: string;
  publicKey: string;
  roles: string[];
  attributes: Record<string, string>;
  /** Certificate expiry, ms since the epoch. */
  notAfter: number;
}
