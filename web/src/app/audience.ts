import type { Session } from './session.ts';

/** Who may see a page: anyone, or signed-in members holding one of the roles (none listed: any member). */
export type Audience = { kind: 'public' } | { kind: 'member'; roles: readonly string[] };

export const everyone: Audience = { kind: 'public' };

export function canSee(audience: Audience, session: Session): boolean {
  if (audience.kind === 'public') return true;
  const member = session.member;
  if (member === null) return false;
  return audience.roles.length === 0 || audience.roles.some((role) => member.roles.includes(role));
}
