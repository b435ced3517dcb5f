import type { ReactNode } from 'react';
import { GovernancePage } from '../pages/admin/GovernancePage.tsx';
import { MembersPage } from '../pages/admin/MembersPage.tsx';
import { NodesPage } from '../pages/admin/NodesPage.tsx';
import { OrganizationsPage } from '../pages/admin/OrganizationsPage.tsx';
import { ProceduresPage } from '../pages/admin/ProceduresPage.tsx';
import { CaseBoardPage } from '../pages/cases/CaseBoardPage.tsx';
import { CasePage } from '../pages/cases/CasePage.tsx';
import { ExplorerPage } from '../pages/explorer/ExplorerPage.tsx';
import { BlockPage } from '../pages/explorer/BlockPage.tsx';
import { NetworkPage } from '../pages/network/NetworkPage.tsx';
import { SignInPage } from '../pages/sign-in/SignInPage.tsx';
import { TransactionPage } from '../pages/transaction/TransactionPage.tsx';
import { VerifyPage } from '../pages/verify/VerifyPage.tsx';
import { everyone, type Audience } from './audience.ts';
import { DashboardPage } from '../pages/prison/DashboardPage.tsx';
import { InboxPage } from '../pages/prison/InboxPage.tsx';
import { PrisonCasesPage } from '../pages/prison/PrisonCasesPage.tsx';
import { PrisonerPage } from '../pages/prison/PrisonerPage.tsx';
import { PrisonPage } from '../pages/prison/PrisonPage.tsx';
import { ScoreEntryPage } from '../pages/prison/ScoreEntryPage.tsx';
import { admins, bureau, members, officers, prisonStaff, reviewers } from './nav-items.ts';

export interface Route {
  pattern: RegExp;
  audience: Audience;
  render: (params: string[]) => ReactNode;
}

/** `?next=` of the sign-in page, kept to this console's own paths. */
function nextPath(): string {
  const next = new URLSearchParams(window.location.search).get('next') ?? '/';
  return next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * Client routes. The node answers every path outside /v1, /docs and a few
 * others with index.html (src/api/routes/console.ts), so each of these can be
 * opened directly or from a QR code. Member pages add a row with their
 * audience; App shows "please sign in" or "not allowed" for the others.
 */
export const routes: readonly Route[] = [
  { pattern: /^\/$/, audience: everyone, render: () => <ExplorerPage /> },
  { pattern: /^\/blocks\/(\d{1,15})$/, audience: everyone, render: ([height]) => <BlockPage height={Number(height)} /> },
  { pattern: /^\/tx\/([0-9a-f]{64})$/, audience: everyone, render: ([txId]) => <TransactionPage txId={txId ?? ''} /> },
  { pattern: /^\/network$/, audience: everyone, render: () => <NetworkPage /> },
  { pattern: /^\/verify$/, audience: everyone, render: () => <VerifyPage /> },
  { pattern: /^\/sign-in$/, audience: everyone, render: () => <SignInPage next={nextPath()} /> },
  { pattern: /^\/prison\/?$/, audience: bureau, render: () => <DashboardPage /> },
  { pattern: /^\/prison\/scores$/, audience: officers, render: () => <ScoreEntryPage /> },
  { pattern: /^\/prison\/cases$/, audience: prisonStaff, render: () => <PrisonCasesPage /> },
  { pattern: /^\/prison\/prisons\/([A-Za-z0-9_-]{1,40})$/, audience: members, render: ([id]) => <PrisonPage prisonId={id ?? ''} /> },
  { pattern: /^\/prison\/prisoners\/([A-Za-z0-9_-]{1,40})$/, audience: members, render: ([id]) => <PrisonerPage prisonerId={id ?? ''} /> },
  { pattern: /^\/inbox$/, audience: reviewers, render: () => <InboxPage /> },
  { pattern: /^\/cases$/, audience: members, render: () => <CaseBoardPage /> },
  { pattern: /^\/cases\/([0-9a-zA-Z_-]{1,128})$/, audience: members, render: ([caseId]) => <CasePage caseId={caseId ?? ''} /> },
  { pattern: /^\/admin\/?$/, audience: admins, render: () => <OrganizationsPage /> },
  { pattern: /^\/admin\/organizations$/, audience: admins, render: () => <OrganizationsPage /> },
  { pattern: /^\/admin\/members$/, audience: admins, render: () => <MembersPage /> },
  { pattern: /^\/admin\/governance$/, audience: admins, render: () => <GovernancePage /> },
  { pattern: /^\/admin\/procedures$/, audience: admins, render: () => <ProceduresPage /> },
  { pattern: /^\/admin\/nodes$/, audience: admins, render: () => <NodesPage /> },
];

export function matchRoute(path: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match !== null) return { route, params: match.slice(1).map((p) => p ?? '') };
  }
  return null;
}
