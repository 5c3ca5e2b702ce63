import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's chromium driven by playwright-core, headless, with a fresh temporary profile (playwright makes
 * one per launch) and nothing that phones home (`npx playwright install` cannot download browsers here).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SPRAVKA_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
