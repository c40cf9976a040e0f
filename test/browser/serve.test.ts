/**
 * The local web app (`claimtrace serve`) in a real browser (Debian's Chromium through
 * playwright-core), over a small corpus built by ingesting examples/, test/fixtures/ and a
 * hostile HTML page: the main views load with no console errors and no request leaving the
 * server, search finds things, the keyboard alone gets from the search box to a result, and no
 * page runs a script planted in an article. Screenshots go to test-output/screenshots/
 * (UPDATE_README_SCREENSHOT=1 also refreshes docs/images/app.png).
 *
 * Skipped, with a message, where /usr/bin/chromium is missing: `apt-get install -y chromium`.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, ROOT, SHOTS, launchChromium, warnIfNoChromium } from './chromium.js';
import { ingestPaths } from '../../src/corpus/index.js';
import { createAnalyzer } from '../../src/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import type { CorpusStore } from '../../src/store/types.js';
import { hostileHtml, hostileStoredMap } from '../../src/web/hostile-article.js';
import { createApp, isLoopbackHost, listen, type RunningServer } from '../../src/web/index.js';

warnIfNoChromium('test/browser/serve.test.ts');

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly offHost: string[];
  readonly dialogs: string[];
  pwned(): Promise<string[]>;
  close(): Promise<void>;
}

describe.skipIf(!HAVE_CHROMIUM)('claimtrace serve in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let store: CorpusStore;
  let server: RunningServer;
  const serverErrors: unknown[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrace-serve-'));
    const db = join(dir, 'corpus.db');
    writeFileSync(join(dir, 'hostile.html'), hostileHtml());
    const writer = await openSqliteStore(db);
    try {
      const summary = await ingestPaths([join(ROOT, 'examples'), join(ROOT, 'test/fixtures'), join(dir, 'hostile.html')], { store: writer, analyzer: createAnalyzer(), jobs: 1 });
      expect(summary.failed).toEqual([]);
      await writer.putArticle({ map: hostileStoredMap(), sourcePath: join(dir, 'hostile-map.json') });
    } finally {
      await writer.close();
    }
    store = await openSqliteStore(db, { readonly: true });
    server = await listen(createApp(store, { allowHost: isLoopbackHost, onError: (e) => serverErrors.push(e) }), '127.0.0.1', 0);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    expect(serverErrors).toEqual([]);
  });

  /** Opens a page of the app, recording console errors, requests that leave the server (all blocked) and dialogs. */
  async function open(path: string, options: { width?: number; bypassCSP?: boolean } = {}): Promise<Opened> {
    const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: 800 }, bypassCSP: options.bypassCSP ?? false });
    const page = await context.newPage();
    const errors: string[] = [];
    const offHost: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.url}/`)) return route.continue();
      offHost.push(url);
      return route.abort();
    });
    await page.addInitScript(() => {
      (window as unknown as { __pwned: string[] }).__pwned = [];
    });
    const response = await page.goto(`${server.url}${path}`);
    expect(response?.status(), path).toBe(200);
    return {
      page,
      errors,
      offHost,
      dialogs,
      pwned: () => page.evaluate(() => (window as unknown as { __pwned: string[] }).__pwned),
      close: () => context.close(),
    };
  }

  async function samplePaths(): Promise<Record<string, string>> {
    const speaker = (await store.topSpeakers({ limit: 1 }))[0]!;
    const quote = (await store.searchQuotes('deaths', { limit: 1 }))[0]!;
    const outlet = (await store.searchOutlets('ledger', { limit: 1 }))[0]!;
    return {
      home: '/',
      search: '/search?q=ministry',
      article: `/article/${quote.article.articleId}`,
      speaker: `/speaker/${encodeURIComponent(speaker.key)}`,
      outlet: `/outlet/${encodeURIComponent(outlet.key)}`,
      graph: '/graph',
      quote: `/quote/${quote.quoteId}`,
    };
  }

  it('loads the main views with no console errors and no request leaving the server', async () => {
    for (const [name, path] of Object.entries(await samplePaths())) {
      const r = await open(path);
      try {
        expect(r.errors, path).toEqual([]);
        expect(r.offHost, path).toEqual([]);
        expect(await r.page.locator('h1').count(), path).toBeGreaterThan(0);
        await r.page.screenshot({ path: join(SHOTS, `serve-${name}.png`), fullPage: true });
        if (name === 'speaker' && process.env.UPDATE_README_SCREENSHOT === '1') {
          mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
          const file = join(ROOT, 'docs/images/app.png');
          await r.page.screenshot({ path: file, clip: { x: 0, y: 0, width: 1200, height: 760 } });
          expect(statSync(file).size).toBeLessThan(300_000);
        }
      } finally {
        await r.close();
      }
    }
  });

  it('finds quotes, speakers, outlets and articles', async () => {
    const r = await open('/search?q=ministry');
    try {
      for (const section of ['quotes', 'articles']) {
        expect(await r.page.locator(`#r-${section} + ol.results li`).count(), section).toBeGreaterThan(0);
      }
      await r.page.goto(`${server.url}/search?q=ventos&in=speakers`);
      expect(await r.page.locator('ol.results li a').first().textContent()).toMatch(/Ventos/);
      await r.page.goto(`${server.url}/search?q=meridian&in=outlets`);
      await r.page.locator('ol.results li a').first().click();
      await r.page.waitForURL(/\/outlet\//);
      expect(await r.page.locator('h1').textContent()).toMatch(/Meridian Ledger/);
    } finally {
      await r.close();
    }
  });

  it('works from the keyboard: Tab to the search box, type, Enter, Tab to a result, Enter opens it', async () => {
    const r = await open('/');
    const { page } = r;
    const active = () => page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return { id: e?.id ?? '', tag: e?.tagName ?? '', href: e?.getAttribute('href') ?? '', inResults: Boolean(e?.closest('main ol.results')), outline: e ? getComputedStyle(e).outlineStyle : 'none' };
    });
    try {
      let tabs = 0;
      while ((await active()).id !== 'q' && tabs < 6) {
        await page.keyboard.press('Tab');
        tabs++;
      }
      expect((await active()).id).toBe('q');
      await page.keyboard.type('flood');
      await Promise.all([page.waitForURL(/\/search\?q=flood/), page.keyboard.press('Enter')]);
      tabs = 0;
      while (!(await active()).inResults && tabs < 40) {
        await page.keyboard.press('Tab');
        tabs++;
      }
      const target = await active();
      expect(target.inResults).toBe(true);
      expect(target.tag).toBe('A');
      expect(target.outline).not.toBe('none'); // a visible focus ring
      await Promise.all([page.waitForURL((u) => u.pathname === target.href.split('?')[0]), page.keyboard.press('Enter')]);
      expect(r.errors).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it('never runs a script from a hostile article, on any page', async () => {
    const paths = ['/', '/graph', '/search?q=pwned', '/search?q=pwned&in=quotes', '/search?q=script&in=speakers', '/search?q=script&in=outlets', '/search?q=harbour&in=articles'];
    const hostile = [...(await store.searchArticles('pwned', { limit: 10 }))];
    expect(hostile.length).toBe(2);
    for (const a of hostile) {
      paths.push(`/article/${a.articleId}`);
      for (const q of await store.articleQuotes(a.articleId)) {
        paths.push(`/quote/${q.quoteId}`);
        if (q.speaker.key) paths.push(`/speaker/${encodeURIComponent(q.speaker.key)}`);
      }
    }
    for (const o of await store.searchOutlets('pwned', { limit: 10 })) paths.push(`/outlet/${encodeURIComponent(o.key)}`);
    expect(paths.some((p) => p.startsWith('/speaker/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('/outlet/'))).toBe(true);
    // With the Content-Security-Policy bypassed, so escaping alone must hold.
    for (const path of paths) {
      const r = await open(path, { bypassCSP: true });
      try {
        // Hover and focus everything a payload could have hung a handler on.
        for (const el of await r.page.locator('main a, main mark, main span, main td, svg a, h1').all()) {
          await el.hover({ timeout: 500, force: true }).catch(() => undefined);
        }
        expect(await r.pwned(), path).toEqual([]);
        expect(r.dialogs, path).toEqual([]);
        expect(await r.page.locator('a[href^="javascript:" i], a[href^="data:" i], [onerror], [onload], [onmouseover]').count(), path).toBe(0);
        expect(r.offHost, path).toEqual([]);
      } finally {
        await r.close();
      }
    }
  });
});
