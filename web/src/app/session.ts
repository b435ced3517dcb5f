import { createContext, useContext } from 'react';

/**
 * Who is using the console. Sign-in (issue 6, with identity) fills this in;
 * until then everyone is a public visitor and sees only public pages.
 */
export interface Member {
  name: string;
  organization: string;
  /** Role names from the member's certificate, e.g. "prison.officer". */
  roles: readonly string[];
}

export interface Session {
  member: Member | null;
}

export const publicSession: Session = { member: null };

export const SessionContext = createContext<Session>(publicSession);

export function useSession(): Session {
  return useContext(SessionContext);
}
