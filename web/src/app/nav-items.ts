import { canSee, everyone, type Audience } from './audience.ts';
import type { Session } from './session.ts';

export interface NavItem {
  id: string;
  path: string;
  /** i18n key of the label. */
  labelKey: string;
  audience: Audience;
}

/** Organization administrators: the `admin` role of any organization. */
export const admins: Audience = { kind: 'member', roles: ['admin'] };
/** Any signed-in member. */
export const members: Audience = { kind: 'member', roles: [] };

/** The bureau's officials, and administrators (who see the dashboard too). */
export const bureau: Audience = { kind: 'member', roles: ['bureau.official', 'admin'] };
/** Supervising officers: they enter the daily scores of their own prison. */
export const officers: Audience = { kind: 'member', roles: ['prison.officer'] };
/** Prison staff and the bureau: the prison case board. */
export const prisonStaff: Audience = {
  kind: 'member',
  roles: ['bureau.official', 'prison.officer', 'prison.section-head', 'prison.penalty-execution', 'prison.review-committee', 'prison.head'],
};
/** The procuratorate and the court: cases waiting for their roles. */
export const reviewers: Audience = { kind: 'member', roles: ['procuratorate.prosecutor', 'court.judge', 'court.clerk'] };

/**
 * The console's navigation, as data. A page for members is added by one row
 * here (with its audience) and one in routes.tsx; the shell shows each item
 * only to sessions that `canSee` it.
 */
export const navItems: readonly NavItem[] = [
  { id: 'explorer', path: '/', labelKey: 'nav.explorer', audience: everyone },
  { id: 'verify', path: '/verify', labelKey: 'nav.verify', audience: everyone },
  { id: 'network', path: '/network', labelKey: 'nav.network', audience: everyone },
  { id: 'prison-dashboard', path: '/prison', labelKey: 'nav.prisonDashboard', audience: bureau },
  { id: 'prison-scores', path: '/prison/scores', labelKey: 'prison.nav.scores', audience: officers },
  { id: 'prison-cases', path: '/prison/cases', labelKey: 'prison.nav.cases', audience: prisonStaff },
  { id: 'inbox', path: '/inbox', labelKey: 'nav.inbox', audience: reviewers },
  { id: 'cases', path: '/cases', labelKey: 'nav.caseBoard', audience: members },
  { id: 'admin', path: '/admin', labelKey: 'nav.administration', audience: admins },
];

/** The administration pages' tabs (all for `admins`). */
export const adminTabs: readonly NavItem[] = [
  { id: 'admin-organizations', path: '/admin/organizations', labelKey: 'admin.tabs.organizations', audience: admins },
  { id: 'admin-members', path: '/admin/members', labelKey: 'admin.tabs.members', audience: admins },
  { id: 'admin-governance', path: '/admin/governance', labelKey: 'admin.tabs.governance', audience: admins },
  { id: 'admin-procedures', path: '/admin/procedures', labelKey: 'admin.tabs.procedures', audience: admins },
  { id: 'admin-nodes', path: '/admin/nodes', labelKey: 'admin.tabs.nodes', audience: admins },
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
