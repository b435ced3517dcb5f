import { createContext, useContext } from 'react';
import type { MemberView } from '../api/member-view.ts';

/**
 * Who is using the console, as navigation and page audiences see it.
 * `name` is what the member menu shows (the member id: names of people are
 * not on the ledger); `organization` is the organization id.
 */
export interface Member {
  name: string;
  organization: string;
  /** Role names from the member's certificate, e.g. "prison.officer". */
  roles: readonly string[];
}

/** A signed-in member: what the audience needs plus the ledger's record of them. */
export interface SignedInMember extends Member {
  view: MemberView;
}

export interface Session {
  member: Member | null;
}

export const publicSession: Session = { member: null };

export function memberFromView(view: MemberView): SignedInMember {
  return { name: view.memberId, organization: view.org, roles: view.roles, view };
}

export const SessionContext = createContext<Session>(publicSession);

export function useSession(): Session {
  return useContext(SessionContext);
}

/** The signed-in member's ledger record, or null for a public visitor. */
export function useSignedInMember(): MemberView | null {
  const { member } = useSession();
  return member !== null && 'view' in member ? (member as SignedInMember).view : null;
}
