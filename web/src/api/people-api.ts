import { requestJson } from './http.ts';

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

export interface SignInRequest {
  org: string;
  memberId: string;
  password: string;
  totp?: string;
}

/** People's sign-in to this node; the session itself is the HttpOnly cookie the node sets. */
export const peopleApi = {
  signIn: (request: SignInRequest) => requestJson<{ expiresAt: number; member: MemberView }>('/v1/auth/sign-in', { method: 'POST', body: request }),
  signOut: () => requestJson<null>('/v1/auth/sign-out', { method: 'POST' }),
  me: () => requestJson<MemberView>('/v1/auth/me'),
};
