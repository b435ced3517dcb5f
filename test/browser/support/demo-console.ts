import type { Page } from 'playwright-core';
import { demoPassword, demoPeople } from '../../../src/node/demo/demo-people.ts';
import { startDemoTestNode, type createTestClock, type DemoTestNode } from '../../support/demo-node.ts';
import { launchChromium, type LaunchedBrowser } from './chromium.ts';

export interface DemoConsole {
  node: DemoTestNode;
  url: string;
  browser: LaunchedBrowser;
  page: Page;
  /** Signs in through the sign-in page and waits for the member menu. */
  signIn(memberId: string, password?: string): Promise<void>;
  /** Forgets the session cookie (as another person at the same browser would start). */
  forgetSession(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The seeded demo consortium (five organizations, their admins and people)
 * behind a listening API that serves the built console, and a browser on it.
 */
export async function openDemoConsole(options: { viewport?: { width: number; height: number }; maxFailedAttempts?: number; clock?: ReturnType<typeof createTestClock> } = {}): Promise<DemoConsole> {
  const node = await startDemoTestNode({ accounts: { maxFailedAttempts: options.maxFailedAttempts ?? 3 }, ...(options.clock === undefined ? {} : { clock: options.clock }) });
  let browser: LaunchedBrowser | undefined;
  try {
    const url = await node.app.listen({ host: '127.0.0.1', port: 0 });
    browser = await launchChromium(options.viewport === undefined ? {} : { viewport: options.viewport });
    const page = await browser.context.newPage();
    page.setDefaultTimeout(20_000);
    const opened = browser;
    return {
      node,
      url,
      browser: opened,
      page,
      async signIn(memberId, password = demoPassword) {
        const person = demoPeople.find((p) => p.memberId === memberId);
        if (person === undefined) throw new TypeError(`no demo person ${memberId}`);
        if (!page.url().includes('/sign-in')) await page.goto(`${url}/sign-in`);
        const form = page.locator('[data-testid="sign-in-form"]');
        await form.locator(`select[name="org"] option[value="${person.org}"]`).waitFor({ state: 'attached' });
        await form.locator('select[name="org"]').selectOption(person.org);
        await form.locator('input[name="memberId"]').fill(memberId);
        await form.locator('input[name="password"]').fill(password);
        await form.locator('button[type="submit"]').click();
        await page.locator('[data-testid="member-menu"]').waitFor();
      },
      async forgetSession() {
        await opened.context.clearCookies();
      },
      async close() {
        await opened.close();
        await node.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await node.close();
    throw error;
  }
}
