/**
 * The one place the browser tests start Chromium: Debian's `/usr/bin/chromium` driven by
 * playwright-core (no browser download), with the flags this machine needs. A test file that
 * finds no Chromium skips itself and says how to install it.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
export const ROOT = new URL('../../', import.meta.url).pathname;
/** Screenshots for review; UPDATE_README_SCREENSHOT=1 makes the tests also refresh docs/images/. */
export const SHOTS = join(ROOT, 'test-output/screenshots');

/** Warns once, at load, that `testFile` will be skipped on this machine. */
export function warnIfNoChromium(testFile: string): void {
  if (!HAVE_CHROMIUM) {
    console.warn(`${testFile}: SKIPPED — ${CHROMIUM} is missing. Install it with: apt-get install -y chromium`);
  }
}

/** Starts headless Chromium and makes sure the screenshot folder exists. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  mkdirSync(SHOTS, { recursive: true });
  return browser;
}
