import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths } from '../corpus/ingest.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import { formatIngestBench, listBenchPages, writeBenchWarc, type BenchPage, type IngestBenchResult } from './ingest-bench.js';
import { readabilityOnly } from './ingest-readability.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-ingest-bench-test-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A page we made up: a headline and enough paragraphs for Readability to trust. */
function page(i: number): BenchPage {
  const paragraphs = Array.from(
    { length: 6 },
    (_, k) => `<p>"The ferry to the island number ${i} will run again from May," said Ana Sousa, the harbour master, in paragraph ${k}. Crews have repaired the pier, and tickets go on sale next week, she added.</p>`,
  ).join('');
  const html = `<!DOCTYPE html><html><head><title>Ferry ${i} returns</title></head><body><nav><a href="/">Home</a></nav><article><h1>Ferry ${i} returns</h1>${paragraphs}</article><footer>© Herald</footer></body></html>`;
  return { set: 'aeb', id: `p${i}`, url: `https://herald.example/ferry-${i}`, html: Buffer.from(html) };
}

describe('ingest bench', () => {
  it('writes a WARC that claimtrace ingests page for page', async () => {
    const pages = [page(1), page(2), page(3)];
    const warc = join(dir, 'pages.warc.gz');
    await writeBenchWarc(pages, warc);
    const store = await openSqliteStore(join(dir, 'c.db'));
    const summary = await ingestPaths([warc], { store, jobs: 1 });
    expect(summary).toMatchObject({ files: 3, processed: 3, ingested: 3, failed: [] });
    const urls: (string | null)[] = [];
    for await (const a of store.exportArticles()) urls.push(a.url);
    expect(urls).toEqual(pages.map((p) => p.url));
    expect((await store.stats()).quotes).toBeGreaterThanOrEqual(3);
    await store.close();
  });

  it('runs Readability alone on a page, finding its article text', () => {
    const html = page(7).html.toString();
    const found = readabilityOnly(html);
    expect(found).toBeGreaterThan(500);
    expect(found).toBeLessThan(html.length);
    expect(readabilityOnly('<html><body><script>x()</script></body></html>')).toBe(0);
  });

  it('prints the table with the ratios', () => {
    const p = { pages: 10, ms: 2000, cpuMs: 1800, pagesPerS: 5, mbPerS: 0.5, peakRssMb: 300 };
    const r: IngestBenchResult = {
      commit: 'abc1234',
      version: '0.1.0',
      machine: { cpu: 'cpu', cores: 2, node: 'v20', loadAvg: [1, 1] },
      pages: { aeb: 4, wcxb: 6, htmlMb: 1, warcMb: 0.2, warcBuildMs: 10 },
      ingest: { oneWorker: { ...p, jobs: 1, stored: 10, unchanged: 0, newVersions: 0, failed: 1, failures: { E_NO_ARTICLE: 1 }, quotes: 40 }, allCores: null },
      readability: { rounds: 1, oneCore: { ...p, ms: 500, cpuMs: 450, pagesPerS: 20 }, allCores: null, articlesFound: 9 },
      ratios: { oneCore: { wall: 4, cpu: 4 }, allCores: null },
    };
    const text = formatIngestBench(r);
    expect(text).toContain('4 aeb + 6 wcxb dev = 10');
    expect(text).toContain('1 failed (E_NO_ARTICLE 1)');
    expect(text).toMatch(/claimtrace ingest, 1 worker +5\.0 +0\.50 +2\.0 +1\.8 +300/);
    expect(text).toContain('Readability alone is 4.0× as fast as ingest on 1 core');
  });

  const shared = resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
  it.skipIf(!existsSync(join(shared, 'datasets', 'aeb', 'html')))('lists the aeb and wcxb pages with their URLs (needs ../shared)', () => {
    const pages = listBenchPages(shared, 3);
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      expect(p.url).toMatch(/^https?:\/\//);
      expect(p.html.toString('latin1')).toMatch(/<html|<!doctype/i);
    }
  });
});
