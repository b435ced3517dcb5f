import { canSee, everyone, type Audience } from './audience.ts';
import type { Session } from './session.ts';

export interface NavItem {
  id: string;
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  audience: Audience;
}

/**
 * The console's navigation, as data. A page for members is added by one row
 * here (with its audience) and one in routes.tsx; the shell shows each item
 * only to sessions that `canSee` it. E.g. when sign-in lands:
 *   { id: 'prison-dashboard', path: '/prison', labelKey: 'nav.prisonDashboard',
 *     audience: { kind: 'member', roles: ['bureau.official'] } }
 */
export const navItems: readonly NavItem[] = [
  { id: 'explorer', path: '/', labelKey: 'nav.explorer', audience: everyone },
  { id: 'verify', path: '/verify', labelKey: 'nav.verify', audience: everyone },
  { id: 'network', path: '/network', labelKey: 'nav.network', audience: everyone },
];

export function visibleNavItems(items: readonly NavItem[], session: Session): NavItem[] {
  return items.filter((item) => canSee(item.audience, session));
}

/** The nav item a path belongs to: the longest path prefix ("/" only for the explorer's own pages). */
export function activeNavItem(items: readonly NavItem[], path: string, ownedByRoot: readonly string[] = ['/blocks/', '/tx/', '/search']): NavItem | undefined {
  const rootOwns = path === '/' || ownedByRoot.some((prefix) => path.startsWith(prefix));
  if (rootOwns) return items.find((item) => item.path === '/');
  return [...items].filter((item) => item.path !== '/' && path.startsWith(item.path)).sort((a, b) => b.path.length - a.path.length)[0];
}
