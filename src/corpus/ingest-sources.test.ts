import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { html, startTestServer, type TestServer } from '../sources/fetch/test-server.js';
import { formatWarcRecord, httpResponseBlock } from '../sources/warc/write-warc.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import type { CorpusStore } from '../store/types.js';
import { ingestPaths } from './ingest.js';
import { runCorpusCli } from './run-corpus-cli.js';

let dir: string;
const stores: CorpusStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-ingest-sources-'));
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const story = (n: number) =>
  `<html><head><title>Story ${n}</title></head><body><article><p>“The plan is sound,” said Mayor Ann Lee ${n}. ` +
  'The council approved it on Tuesday after a long debate, according to the minutes. '.repeat(8) + '</p></article></body></html>';

function writeSources(): { warc: string; feed: string } {
  const warc = join(dir, 'crawl.warc.gz');
  const records = [1, 2, 3].map((n) => formatWarcRecord({ type: 'response', targetUri: `https://news.example/${n}`, block: httpResponseBlock({ status: 200, headers: [['Content-Type', 'text/html']], body: story(n) }) }, { gzip: true }).bytes);
  writeFileSync(warc, Buffer.concat([...records, records[0]!.subarray(0, 40)]));
  const feed = join(dir, 'news.rss');
  writeFileSync(feed, `<rss><channel><link>https://feed.example/</link><item><title>Full</title><link>/full</link><content:encoded><![CDATA[${story(4)}]]></content:encoded></item><item><link>/only-link</link></item></channel></rss>`);
  return { warc, feed };
}

describe('ingestPaths over WARC archives and feeds', () => {
  it.each([['in this thread', { analyzer: createAnalyzer() }], ['in a worker', { jobs: 1 }]])('stores each page and full-text item, %s, once', async (_, how) => {
    const { warc, feed } = writeSources();
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const first = await ingestPaths([warc, feed], { store, ...how });
    expect(first).toMatchObject({ files: 4, ingested: 4 });
    expect(first.failed.map((f) => f.code)).toEqual(['E_WARC_TRUNCATED', 'E_NEEDS_FETCH']);
    const again = await ingestPaths([warc, feed], { store, ...how });
    expect(again).toMatchObject({ files: 4, ingested: 0, unchanged: 4 });
  });
});

describe('ingestPaths over directories and globs', () => {
  it('finds WARCs and feeds inside directories (not other .xml files), and expands quoted globs', async () => {
    const { warc, feed } = writeSources();
    mkdirSync(join(dir, 'tree', 'deep'), { recursive: true });
    renameSync(warc, join(dir, 'tree', 'deep', 'crawl.warc.gz'));
    renameSync(feed, join(dir, 'tree', 'news.rss'));
    writeFileSync(join(dir, 'tree', 'sitemap.xml'), '<urlset/>');
    writeFileSync(join(dir, 'tree', 'page.html'), story(5));
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const summary = await ingestPaths([join(dir, 'tree')], { store, analyzer: createAnalyzer() });
    expect(summary).toMatchObject({ files: 5, ingested: 5 });
    // Failures inside a directory do not fail the command.
    expect(summary.failed.map((f) => [f.code, f.named])).toEqual([
      ['E_WARC_TRUNCATED', false],
      ['E_NEEDS_FETCH', false],
    ]);

    const globbed = await ingestPaths([join(dir, 'tree', '**', '*.{html,warc.gz}'), join(dir, 'nothing', '*.html')], { store, analyzer: createAnalyzer() });
    expect(globbed).toMatchObject({ files: 4, unchanged: 4 });
    expect(globbed.failed.map((f) => [f.path, f.code, f.named])).toEqual([
      [expect.stringContaining('crawl.warc.gz#offset='), 'E_WARC_TRUNCATED', false],
      [join(dir, 'nothing', '*.html'), 'E_NOT_FOUND', true],
    ]);
  });
});

describe('ingestPaths over URLs (servers on 127.0.0.1 only)', () => {
  let server: TestServer;
  afterEach(async () => {
    await server?.close();
  });

  const feedXml = (origin: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Local news</title><link>${origin}/</link>` +
    `<item><title>One</title><link>${origin}/feed/1</link><description>Teaser one.</description></item>` +
    `<item><title>Two</title><link>/feed/2</link></item></channel></rss>`;

  async function serve(): Promise<string> {
    server = await startTestServer({
      '/robots.txt': (_q, res) => void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nDisallow: /private\n'),
      '/a': html(story(10)),
      '/b': html(story(11)),
      '/moved': (_q, res) => void res.writeHead(301, { Location: '/c' }).end(),
      '/c': html(story(12)),
      '/private/d': html(story(13)),
      '/hang': () => undefined,
      '/feed.xml': (_q, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(feedXml(server.origin)),
      '/feed/1': html(story(21)),
      '/feed/2': html(story(22)),
    });
    return server.origin;
  }

  const fetchOptions = (warcPath: string) => ({ warcPath, hostDelayMs: 0, backoffMs: 10, timeoutMs: 2000, retries: 0 });

  it('fetches URLs, URL lists and a feed URL, keeps every page in a WARC, records failures and goes on', async () => {
    const origin = await serve();
    const list = join(dir, 'sources.urls');
    writeFileSync(list, `# pages to read\n${origin}/a\n\n${origin}/moved   redirected to /c\n${origin}/private/d\n${origin}/hang\nnot-a-url\n${origin}/missing\n`);
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const warcPath = join(dir, 'c.warc.gz');
    const summary = await ingestPaths([`${origin}/b`, list, `${origin}/feed.xml`], { store, analyzer: createAnalyzer(), fetch: fetchOptions(warcPath) });
    expect(summary).toMatchObject({ files: 5, ingested: 5 });
    const failures = Object.fromEntries(summary.failed.map((f) => [f.path.replace(origin, '').replace(dir, '<dir>'), [f.code, f.named]]));
    expect(failures).toEqual({
      '<dir>/sources.urls#line=7': ['E_FETCH_URL', false],
      '/private/d': ['E_FETCH_ROBOTS', false],
      '/hang': ['E_FETCH_TIMEOUT', false],
      '/missing': ['E_FETCH_HTTP', false],
    });
    expect((await store.failures()).map((f) => f.code).sort()).toEqual(['E_FETCH_HTTP', 'E_FETCH_ROBOTS', 'E_FETCH_TIMEOUT', 'E_FETCH_URL']);
    const urls: (string | null)[] = [];
    // The store keeps canonical URLs (https).
    for await (const a of store.exportArticles()) urls.push(a.url!.replace(/^https?:/, ''));
    expect(urls.sort()).toEqual(['/a', '/b', '/c', '/feed/1', '/feed/2'].map((p) => origin.replace(/^http:/, '') + p));
    expect(server.seen.filter((r) => r.path === '/private/d')).toHaveLength(0);
    expect(server.seen.filter((r) => r.path === '/robots.txt')).toHaveLength(1);
  });

  it.each([['in this thread', { analyzer: createAnalyzer() }], ['in a worker', { jobs: 1 }]])('stores the same maps when the WARC is ingested again (%s), and a rerun fetches nothing again', async (_, how) => {
    const origin = await serve();
    const warcPath = join(dir, 'c.warc.gz');
    const fetched = await openSqliteStore(join(dir, 'fetched.db'));
    stores.push(fetched);
    const first = await ingestPaths([`${origin}/a`, `${origin}/moved`, `${origin}/feed.xml`], { store: fetched, ...how, fetch: fetchOptions(warcPath) });
    expect(first).toMatchObject({ files: 4, ingested: 4, failed: [] });

    const replayed = await openSqliteStore(join(dir, 'replayed.db'));
    stores.push(replayed);
    const replay = await ingestPaths([warcPath], { store: replayed, ...how });
    expect(replay).toMatchObject({ files: 4, ingested: 4, failed: [] });
    const maps = async (store: CorpusStore) => {
      const out: Record<string, unknown> = {};
      for await (const a of store.exportArticles()) out[a.url!.replace(/^https?:/, '')] = { sourcePath: a.sourcePath, contentHash: a.contentHash, map: a.map };
      return out;
    };
    expect(Object.keys(await maps(replayed)).sort()).toEqual(['/a', '/c', '/feed/1', '/feed/2'].map((p) => origin.replace(/^http:/, '') + p));
    expect(await maps(replayed)).toEqual(await maps(fetched));

    const requests = server.seen.length;
    const again = await ingestPaths([`${origin}/a`, `${origin}/moved`, `${origin}/feed.xml`], { store: fetched, ...how, fetch: fetchOptions(warcPath) });
    expect(again).toMatchObject({ files: 4, ingested: 0, unchanged: 4, failed: [] });
    // Only the feed is asked for again (it changes); its pages and the others come from the WARC.
    expect(server.seen.slice(requests).map((r) => r.path)).toEqual(['/robots.txt', '/feed.xml']);
  });

  it('fails a URL named on the command line (named), and URLs when fetching is off', async () => {
    const origin = await serve();
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const on = await ingestPaths([`${origin}/missing`], { store, analyzer: createAnalyzer(), fetch: fetchOptions(join(dir, 'c.warc.gz')) });
    expect(on.failed).toEqual([{ path: `${origin}/missing`, code: 'E_FETCH_HTTP', message: expect.stringContaining('answered 404'), named: true }]);
    const off = await ingestPaths([`${origin}/a`], { store, analyzer: createAnalyzer() });
    expect(off.failed).toEqual([{ path: `${origin}/a`, code: 'E_NEEDS_FETCH', message: expect.any(String), named: true }]);
  });

  it('stops fetching on the signal; the next run takes what was fetched from the WARC', async () => {
    const origin = await serve();
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const controller = new AbortController();
    const urls = ['/a', '/b', '/c'].map((p) => origin + p);
    // One request at a time, 200 ms apart, so the stop comes before the last pages are asked for.
    const options = { store, analyzer: createAnalyzer(), fetch: { ...fetchOptions(join(dir, 'c.warc.gz')), perHost: 1, hostDelayMs: 200 } };
    const first = await ingestPaths(urls, { ...options, signal: controller.signal, onFetched: () => controller.abort() });
    expect(first).toMatchObject({ stopped: true, processed: 0, failed: [] });
    const fetchedFirst = server.seen.filter((r) => r.path !== '/robots.txt').map((r) => r.path);
    expect(fetchedFirst).toEqual(['/a']);
    const second = await ingestPaths(urls, options);
    expect(second).toMatchObject({ stopped: false, files: 3, ingested: 3, failed: [] });
    const fetchedAll = server.seen.filter((r) => r.path !== '/robots.txt').map((r) => r.path);
    // Nothing fetched twice.
    expect(fetchedAll.sort()).toEqual(['/a', '/b', '/c']);
  });

  it('decodes a page with the charset its HTTP Content-Type names (through the WARC)', async () => {
    // ISO-8859-7 (Greek), no <meta charset>: bytes that are not UTF-8, and that Windows-1252 (the guess) would read as Latin letters.
    const page = story(30).replace('Mayor Ann Lee', 'Mayor Ann Lee of Αθήνα');
    const bytes = Buffer.from([...page].map((c) => (c === '“' || c === '”' ? 0x22 : c >= 'Α' && c <= 'ώ' ? c.charCodeAt(0) - 0x2d0 : c.charCodeAt(0))));
    server = await startTestServer({
      '/greek': (_q, res) => void res.writeHead(200, { 'Content-Type': 'text/html; charset=iso-8859-7' }).end(bytes),
    });
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const summary = await ingestPaths([`${server.origin}/greek`], { store, analyzer: createAnalyzer(), fetch: fetchOptions(join(dir, 'c.warc.gz')) });
    expect(summary).toMatchObject({ ingested: 1, failed: [] });
    let texts = 0;
    for await (const a of store.exportArticles()) {
      texts++;
      expect(a.map.text).toContain('said Mayor Ann Lee of Αθήνα');
    }
    expect(texts).toBe(1);
  });

  it('analyses pages already fetched while slower URLs are still being fetched', async () => {
    let slowAnsweredAt = 0;
    server = await startTestServer({
      '/quick': html(story(40)),
      '/slow': (_q, res) =>
        void setTimeout(() => {
          slowAnsweredAt = Date.now();
          res.writeHead(200, { 'Content-Type': 'text/html' }).end(story(41));
        }, 1500),
    });
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const written: { path: string; at: number }[] = [];
    const summary = await ingestPaths([`${server.origin}/slow`, `${server.origin}/quick`], {
      store,
      analyzer: createAnalyzer(),
      fetch: fetchOptions(join(dir, 'c.warc.gz')),
      onProgress: (p) => written.push({ path: p.path, at: Date.now() }),
    });
    expect(summary).toMatchObject({ files: 2, ingested: 2, failed: [] });
    expect(written).toHaveLength(2);
    expect(written[0]!.at).toBeLessThan(slowAnsweredAt);
    expect(written[1]!.at).toBeGreaterThanOrEqual(slowAnsweredAt);
  });

  it('fetches the links of a feed file when fetching is on', async () => {
    const origin = await serve();
    const feed = join(dir, 'local.rss');
    writeFileSync(feed, feedXml(origin));
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const summary = await ingestPaths([feed], { store, analyzer: createAnalyzer(), fetch: fetchOptions(join(dir, 'c.warc.gz')) });
    expect(summary).toMatchObject({ files: 2, ingested: 2, failed: [] });
  });

  it('claimtrace ingest: URL and --urls list, WARC beside the database, a named URL that fails exits 1 with its code', async () => {
    const origin = await serve();
    const list = join(dir, 'list.txt');
    writeFileSync(list, `${origin}/a\n${origin}/private/d\n`);
    const db = join(dir, 'corpus.db');
    const fast = ['--jobs', '1', '--host-delay', '0', '--fetch-timeout', '1', '--no-progress'];
    const run = await runCorpusCli(['ingest', `${origin}/b`, `${origin}/missing`, '--urls', list, '--db', db, ...fast]);
    expect(run.status).toBe(1);
    expect(run.out).toContain('2 new');
    expect(run.err).toContain(`claimtrace: E_FETCH_HTTP: ${origin}/missing: ${origin}/missing answered 404`);
    expect(run.err).toContain(`claimtrace: E_FETCH_ROBOTS: ${origin}/private/d:`);
    expect(run.err).toContain('E_INPUT_FAILED');
    expect(existsSync(join(dir, 'corpus.warc.gz'))).toBe(true);
    const replay = await runCorpusCli(['ingest', join(dir, 'corpus.warc.gz'), '--db', join(dir, 'replay.db'), ...fast]);
    expect(replay).toMatchObject({ status: 0, out: expect.stringContaining('2 files, 2 new') });
    const off = await runCorpusCli(['ingest', `${origin}/a`, '--no-fetch', '--db', db, ...fast]);
    expect(off.err).toContain('E_NEEDS_FETCH');
    expect((await runCorpusCli(['ingest', '--db', db])).status).toBe(2);
  });
});
