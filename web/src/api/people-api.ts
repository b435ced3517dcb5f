import { requestJson } from './http.ts';
import type { MemberView } from './member-view.ts';

export type { MemberView };

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
