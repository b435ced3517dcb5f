import type { ReactNode } from 'react';
import { ExplorerPage } from '../pages/explorer/ExplorerPage.tsx';
import { BlockPage } from '../pages/explorer/BlockPage.tsx';
import { NetworkPage } from '../pages/network/NetworkPage.tsx';
import { TransactionPage } from '../pages/transaction/TransactionPage.tsx';
import { VerifyPage } from '../pages/verify/VerifyPage.tsx';
import { everyone, type Audience } from './audience.ts';

export interface Route {
  pattern: RegExp;
  audience: Audience;
  render: (params: string[]) => ReactNode;
}

/**
 * Client routes. The node answers every path outside /v1, /docs and a few
 * others with index.html (src/api/routes/console.ts), so each of these can be
 * opened directly or from a QR code. Member pages add a row with their audience.
 */
export const routes: readonly Route[] = [
  { pattern: /^\/$/, audience: everyone, render: () => <ExplorerPage /> },
  { pattern: /^\/blocks\/(\d{1,15})$/, audience: everyone, render: ([height]) => <BlockPage height={Number(height)} /> },
  { pattern: /^\/tx\/([0-9a-f]{64})$/, audience: everyone, render: ([txId]) => <TransactionPage txId={txId ?? ''} /> },
  { pattern: /^\/network$/, audience: everyone, render: () => <NetworkPage /> },
  { pattern: /^\/verify$/, audience: everyone, render: () => <VerifyPage /> },
];

export function matchRoute(path: string): { route: Route; params: string[] } | null {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match !== null) return { route, params: match.slice(1).map((p) => p ?? '') };
  }
  return null;
}
