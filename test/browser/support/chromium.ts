import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = process.env['CUSTOS_CHROMIUM'] ?? '/usr/bin/chromium';

/**
 * Why browser tests cannot run here, or null when they can. Under CI=true a
 * missing browser is a failure (`.ci/run` installs Debian's chromium); on a
 * developer's machine the tests skip with this message.
 */
export function chromiumMissing(): string | null {
  if (existsSync(chromiumPath)) return null;
  const message = `${chromiumPath} not found: apt-get install -y chromium (or set CUSTOS_CHROMIUM)`;
  if (process.env['CI'] === 'true') throw new Error(`browser tests need Chromium under CI: ${message}`);
  return message;
}

// As root in a container: no sandbox; nothing that phones home.
const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface LaunchedBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium with a fresh profile directory, removed on close. */
export async function launchChromium(options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'custos-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: launchArgs,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    locale: options.locale ?? 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
