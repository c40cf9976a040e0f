/**
 * The HTML report in a real browser (Debian's Chromium through playwright-core): it loads with
 * no errors and no network, layers switch, the keyboard reaches highlights and switches, every
 * layer has a mark that is not colour, hostile articles run no script, and it prints.
 * Screenshots go to test-output/screenshots/ for review (UPDATE_README_SCREENSHOT=1 also
 * refreshes docs/images/report.png).
 *
 * Skipped, with a message, where /usr/bin/chromium is missing: `apt-get install -y chromium`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAVE_CHROMIUM, ROOT, SHOTS, launchChromium, warnIfNoChromium } from './chromium.js';
import { createAnalyzer, readArticle } from '../../src/index.js';
import { HOSTILE_PLACES, hostileMap, sampleMap, type HostilePlace } from '../../src/report/example-maps.js';
import { renderReport, type ReportMap } from '../../src/report/index.js';

warnIfNoChromium('test/browser/report.test.ts');

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  readonly requests: string[];
  readonly dialogs: string[];
  close(): Promise<void>;
}

describe.skipIf(!HAVE_CHROMIUM)('HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'claimtrace-report-'));
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the report of `map` from a file, recording errors, requests (all blocked) and dialogs. */
  async function open(map: ReportMap, name: string, options: { bypassCSP?: boolean; width?: number; javaScriptEnabled?: boolean } = {}): Promise<Opened> {
    const file = join(dir, `${name}.html`);
    writeFileSync(file, renderReport(map));
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({
      bypassCSP: options.bypassCSP ?? false,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      viewport: { width: options.width ?? 1280, height: 900 },
    });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    await page.addInitScript(() => {
      const w = window as unknown as { __pwned: string[]; __violations: string[] };
      w.__pwned = [];
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(url);
    return { page, errors, requests, dialogs, close: () => context.close() };
  }

  it('loads with no console errors, no network requests, and its script running under the CSP', async () => {
    const r = await open(sampleMap(), 'sample');
    try {
      expect(await r.page.evaluate(() => document.documentElement.classList.contains('js'))).toBe(true);
      expect(await r.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(r.requests).toEqual([]);
      await r.page.screenshot({ path: join(SHOTS, 'report-sample.png'), fullPage: true });
    } finally {
      await r.close();
    }
  });

  it('switches a layer off and on: highlights, markers and tab stops follow', async () => {
    const r = await open(sampleMap(), 'toggle');
    const { page } = r;
    try {
      const quoteOnly = page.locator('#ct-article mark.l-quote:not(.l-claim):not(.l-marked):not(.l-hedge):not(.l-technique)').first();
      const decoration = () => quoteOnly.evaluate((el) => getComputedStyle(el).textDecorationLine);
      expect(await decoration()).toContain('underline');
      const box = page.getByRole('checkbox', { name: /Quotations, by speaker/ });
      await box.uncheck();
      expect(await decoration()).toBe('none');
      expect(await quoteOnly.evaluate((el) => el.classList.contains('hl'))).toBe(false);
      expect(await page.locator('#ct-article .mk-quote').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length)).toBe(0);
      // A quotation that is only a quotation is no longer a tab stop.
      const stops = await page.locator('#ct-article mark.l-quote[data-s="quote-1"], #ct-article mark.l-quote[data-s="quote-3"]').evaluateAll((els) => els.map((e) => e.getAttribute('tabindex')));
      expect(stops.every((t) => t === null)).toBe(true);
      await box.check();
      expect(await decoration()).toContain('underline');
      expect(await page.locator('#ct-article .mk-quote').first().isVisible()).toBe(true);
      expect(r.errors).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it('lets the keyboard reach the highlights and the layer switches, and shows what a highlight is on focus', async () => {
    const r = await open(sampleMap(), 'keyboard');
    const { page } = r;
    try {
      const seen = { highlight: 0, toggle: 0, described: 0 };
      for (let i = 0; i < 120 && seen.toggle < 2; i++) {
        await page.keyboard.press('Tab');
        const state = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return null;
          const details = document.getElementById('ct-details')?.textContent ?? '';
          const described = (el.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && document.getElementById(id));
          return {
            highlight: el.matches('#ct-article mark.seg'),
            toggle: el.matches('input[data-layer]'),
            firstTitle: (el.getAttribute('title') ?? '').split('\n')[0] ?? '',
            details,
            described: described.length,
            outline: getComputedStyle(el).outlineStyle,
          };
        });
        if (!state) continue;
        if (state.highlight) {
          seen.highlight++;
          expect(state.details).toContain(state.firstTitle);
          expect(state.described).toBeGreaterThan(0);
          expect(state.outline).not.toBe('none'); // focus is visible
          if (state.described > 0) seen.described++;
        }
        if (state.toggle) seen.toggle++;
      }
      expect(seen.highlight).toBeGreaterThan(5);
      expect(seen.toggle).toBeGreaterThan(0);
      // Space on the focused switch toggles its layer.
      const key = await page.evaluate(() => document.activeElement?.getAttribute('data-layer'));
      expect(key).toBeTruthy();
      await page.keyboard.press('Space');
      expect(await page.evaluate((k) => document.getElementById('ct-article')!.classList.contains(`on-${k}`), key!)).toBe(false);
      await page.keyboard.press('Space');
      expect(await page.evaluate((k) => document.getElementById('ct-article')!.classList.contains(`on-${k}`), key!)).toBe(true);
      expect(r.errors).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it('shows what a highlight is when the pointer rests on it', async () => {
    const r = await open(sampleMap(), 'hover');
    const { page } = r;
    try {
      const citation = page.locator('#ct-article mark.l-citation').first();
      await citation.hover();
      expect(await page.locator('#ct-details').textContent()).toContain('Citation, note [1]');
      expect(await citation.getAttribute('title')).toContain('Citation, note [1]');
    } finally {
      await r.close();
    }
  });

  it('reads in full with scripts off: every layer drawn and described, no dead switches', async () => {
    const r = await open(sampleMap(), 'no-script', { javaScriptEnabled: false });
    const { page } = r;
    try {
      const state = await page.evaluate(() => ({
        highlights: document.querySelectorAll('#ct-article mark.seg.hl[title][aria-describedby]').length,
        marks: document.querySelectorAll('#ct-article mark.seg').length,
        switches: [...document.querySelectorAll('input[data-layer]')].filter((e) => getComputedStyle(e).display !== 'none').length,
      }));
      expect(state.highlights).toBe(state.marks);
      expect(state.switches).toBe(0);
      expect(r.errors).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it('marks every layer with something other than colour', async () => {
    const r = await open(sampleMap(), 'signals');
    const { page } = r;
    // [layer, the non-colour property that marks it, what it must be]
    const checks: readonly (readonly [string, string, RegExp])[] = [
      ['quote', 'textDecorationLine', /underline/],
      ['cue', 'borderBottomStyle', /dotted/],
      ['cue', 'fontStyle', /italic/],
      ['speaker', 'outlineStyle', /solid/],
      ['citation', 'borderBottomStyle', /dashed/],
      ['outlet', 'fontVariantCaps', /small-caps/],
      ['marked', 'textDecorationLine', /overline/],
      ['claim', 'boxShadow', /inset/],
      ['hedge', 'outlineStyle', /dotted/],
      ['anonymous', 'borderBottomStyle', /double/],
      ['technique', 'backgroundImage', /repeating-linear-gradient/],
    ];
    try {
      for (const [layer, property, expected] of checks) {
        const value = await page.locator(`#ct-article mark.l-${layer}`).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)), property);
        expect(value, `${layer} ${property}`).toMatch(expected);
      }
      // Labelled layers show their label: speaker initials, claim status, technique name, scare.
      const labels = await page.locator('#ct-article .mk').evaluateAll((els) =>
        els.filter((e) => getComputedStyle(e).display !== 'none').map((e) => `${e.className.split(' ')[1]}:${getComputedStyle(e, '::before').content}`),
      );
      expect(labels).toEqual(expect.arrayContaining(['mk-quote:"DO"', 'mk-claim:"? unsourced"', 'mk-claim:"✓"', 'mk-marked:"scare"', 'mk-anonymous:"anon."', 'mk-technique:"Loaded language"']));
      // Two speakers differ in underline style, not only in colour.
      const styles = await page.locator('#ct-article mark.l-quote').evaluateAll((els) => [...new Set(els.map((e) => getComputedStyle(e).textDecorationStyle))]);
      expect(styles.length).toBeGreaterThan(1);
      // The note number is a link to the note, and the note links back.
      await page.locator('#ct-article a#ref-1').click();
      expect(await page.evaluate(() => location.hash)).toBe('#note-1');
      await page.locator('#note-1 a.back').click();
      expect(await page.evaluate(() => location.hash)).toBe('#ref-1');
    } finally {
      await r.close();
    }
  });

  /** Loads a hostile report, gives every handler a payload could have planted its chance, and returns what ran. */
  async function attack(places: readonly HostilePlace[], bypassCSP: boolean) {
    const r = await open(hostileMap(places), `hostile-${places.join('-')}-${bypassCSP}`, { bypassCSP });
    const { page } = r;
    try {
      for (const el of await page.locator('#ct-article mark.seg, aside a, aside summary, h1, header a, header span').all()) {
        await el.hover({ force: true, timeout: 2000 }).catch(() => undefined);
      }
      for (const el of await page.locator('#ct-article mark.seg[tabindex]').all()) await el.focus();
      for (const box of await page.locator('input[data-layer]').all()) {
        await box.click({ timeout: 2000 }).catch(() => undefined);
        await box.click({ timeout: 2000 }).catch(() => undefined);
      }
      await page.locator('aside details.graph-list summary').click({ timeout: 2000 }).catch(() => undefined);
      await page.waitForTimeout(50);
      const state = await page.evaluate(() => {
        const w = window as unknown as { __pwned: string[]; __violations: string[] };
        return {
          pwned: w.__pwned,
          violations: w.__violations,
          scripts: document.scripts.length,
          injected: document.querySelectorAll('img, iframe, object, embed, body > svg, #ct-article svg, #ct-article script').length,
          unsafeLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^(#|https?:|mailto:)/.test(a.getAttribute('href')!)).length,
          title: document.querySelector('h1')?.textContent ?? '',
        };
      });
      return { ...state, dialogs: r.dialogs, requests: r.requests, errors: r.errors };
    } finally {
      await r.close();
    }
  }

  const SAFE = { pwned: [], violations: [], scripts: 2, injected: 0, unsafeLinks: 0, dialogs: [], requests: [], errors: [] };

  it('runs no script from a hostile article, with its CSP (payloads in every place at once)', async () => {
    const { title, ...state } = await attack(HOSTILE_PLACES, false);
    expect(state).toEqual(SAFE); // no violations either: nothing even tried to run or load
    expect(title).toContain("<script>window.__pwned&&window.__pwned.push('title')</script>"); // shown, as text
  });

  it.each(HOSTILE_PLACES)('runs no script from a payload in place "%s", by escaping alone (CSP bypassed)', async (place) => {
    const { title: _title, ...state } = await attack([place], true);
    expect(state).toEqual(SAFE);
  });

  it('prints the panel after the text, with the legend and without the interactive chrome', async () => {
    const r = await open(sampleMap(), 'print');
    const { page } = r;
    try {
      await page.emulateMedia({ media: 'print' });
      const layout = await page.evaluate(() => {
        const main = document.getElementById('ct-article')!.getBoundingClientRect();
        const aside = document.getElementById('ct-panel')!.getBoundingClientRect();
        const shown = (sel: string) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== 'none');
        return { asideBelow: aside.top >= main.bottom, details: shown('#ct-details'), inputs: shown('input[data-layer]'), legend: shown('.legend li') };
      });
      expect(layout).toEqual({ asideBelow: true, details: false, inputs: false, legend: true });
      await page.screenshot({ path: join(SHOTS, 'report-print.png'), fullPage: true });
      await page.pdf({ path: join(SHOTS, 'report-print.pdf'), format: 'A4', printBackground: true });
    } finally {
      await r.close();
    }
  });

  it('shows the real analysis of examples/darvan-opinion.txt cleanly', async () => {
    const analysed = createAnalyzer().analyze(await readArticle(join(ROOT, 'examples/darvan-opinion.txt')));
    const map = { ...analysed, source: { ...analysed.source, path: 'examples/darvan-opinion.txt' } }; // no machine path in the picture
    const r = await open(map, 'darvan', { width: 1200 });
    const { page } = r;
    try {
      expect(r.errors).toEqual([]);
      expect(r.requests).toEqual([]);
      expect(await page.locator('#ct-article mark.l-quote').count()).toBeGreaterThan(0);
      await page.locator('#ct-article mark.l-quote[tabindex]').first().focus();
      await page.screenshot({ path: join(SHOTS, 'report-darvan.png') });
      if (process.env.UPDATE_README_SCREENSHOT === '1') {
        mkdirSync(join(ROOT, 'docs/images'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'docs/images/report.png'), clip: { x: 0, y: 0, width: 1200, height: 760 } });
      }
    } finally {
      await r.close();
    }
  });
});
