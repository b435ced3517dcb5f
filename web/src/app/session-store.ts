import { useSyncExternalStore } from 'react';
import { onSessionLost } from '../api/http.ts';
import { peopleApi, type SignInRequest } from '../api/people-api.ts';
import { memberFromView, type SignedInMember } from './session.ts';

/** Why the console last left a session, for the sign-in page to say so. */
export type SessionNotice = 'expired' | 'signedOut' | null;

export interface SessionState {
  /** True until GET /v1/auth/me has answered once after the page loaded. */
  restoring: boolean;
  member: SignedInMember | null;
  notice: SessionNotice;
}

let state: SessionState = { restoring: true, member: null, notice: null };
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionState(): SessionState {
  return useSyncExternalStore(subscribe, () => state);
}

/**
 * The browser's session lives in the node's HttpOnly cookie, so a reload
 * asks the node who is signed in; any "not signed in" answer means a public visitor.
 */
export async function restoreSession(): Promise<void> {
  try {
    set({ restoring: false, member: memberFromView(await peopleApi.me()), notice: null });
  } catch {
    set({ restoring: false, member: null, notice: state.notice });
  }
}

export async function signIn(request: SignInRequest): Promise<SignedInMember> {
  const { member } = await peopleApi.signIn(request);
  const signedIn = memberFromView(member);
  set({ restoring: false, member: signedIn, notice: null });
  return signedIn;
}

export async function signOut(): Promise<void> {
  try {
    await peopleApi.signOut();
  } finally {
    set({ restoring: false, member: null, notice: 'signedOut' });
  }
}

/** The node said the session is gone while the console thought it was signed in. */
onSessionLost(() => {
  if (state.member === null) return;
  set({ restoring: false, member: null, notice: 'expired' }); // expired or forgotten by a restarted node: either way, sign in again
});
