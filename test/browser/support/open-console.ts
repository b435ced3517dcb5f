import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from './chromium.ts';
import { startConsoleNode, type ConsoleNode } from './console-node.ts';

export interface ConsoleSession {
  node: ConsoleNode;
  browser: LaunchedBrowser;
  page: Page;
  close(): Promise<void>;
}

/** A fresh node and a fresh browser on it; `close` stops both (the browser first, so its SSE stream ends). */
export async function openConsole(options: { viewport?: { width: number; height: number } } = {}): Promise<ConsoleSession> {
  const node = await startConsoleNode();
  let browser: LaunchedBrowser | undefined;
  try {
    browser = await launchChromium(options.viewport === undefined ? {} : { viewport: options.viewport });
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    const opened = browser;
    return {
      node,
      browser: opened,
      page,
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
