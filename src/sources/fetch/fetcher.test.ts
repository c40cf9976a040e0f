import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWarc, type WarcRecord } from '../warc/read-warc.js';
import { createFetcher, parseRetryAfter, type Fetcher, type FetcherOptions } from './fetcher.js';
import { html, startTestServer, storyPage, type Route, type TestServer } from './test-server.js';
import { WarcOutput } from './warc-output.js';

let dir: string;
let server: TestServer | null = null;
const fetchers: Fetcher[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-fetch-'));
});
afterEach(async () => {
  for (const f of fetchers.splice(0)) f.close();
  await server?.close();
  server = null;
  rmSync(dir, { recursive: true, force: true });
});

// Fast settings for tests: no politeness delay, short backoff.
async function setup(routes: Record<string, Route>, options: FetcherOptions = {}): Promise<{ origin: string; fetcher: Fetcher; server: TestServer }> {
  server = await startTestServer(routes);
  const fetcher = createFetcher({ hostDelayMs: 0, backoffMs: 10, ...options });
  fetchers.push(fetcher);
  return { origin: server.origin, fetcher, server };
}

const paths = (s: TestServer, path: string) => s.seen.filter((r) => r.path === path);

// A self-signed certificate for 127.0.0.1, made for these tests only (test/fixtures/tls/README.md).
const tlsDir = new URL('../../../test/fixtures/tls/', import.meta.url);
const TLS = { key: readFileSync(new URL('localhost-key.pem', tlsDir)), cert: readFileSync(new URL('localhost-cert.pem', tlsDir)) };

describe('createFetcher', () => {
  it('fetches a page with an honest User-Agent and takes robots.txt once per host', async () => {
    const { origin, fetcher, server } = await setup({ '/a': html(storyPage(1)), '/b': html(storyPage(2)), '/robots.txt': html('User-agent: *\nAllow: /\n') });
    const [a, b] = await Promise.all([fetcher.fetch(`${origin}/a`), fetcher.fetch(`${origin}/b`)]);
    expect(a).toMatchObject({ ok: true, status: 200, mediaType: 'text/html', charset: 'utf-8', finalUrl: `${origin}/a` });
    expect(b).toMatchObject({ ok: true });
    expect(paths(server, '/robots.txt')).toHaveLength(1);
    expect(server.seen[1]!.headers['user-agent']).toMatch(/^claimtrace\/\d+\.\d+\.\d+ \(\+https?:\/\/\S+\)$/);
  });

  it('obeys robots.txt: a disallowed path is never requested', async () => {
    // The group naming claimtrace is the one that applies (not `*`).
    const robots = 'User-agent: *\nDisallow: /\n\nUser-agent: claimtrace\nDisallow: /private\nDisallow: /not-for-us\n';
    const { origin, fetcher, server } = await setup({ '/robots.txt': (_q, res) => void res.writeHead(200, { 'Content-Type': 'text/plain' }).end(robots), '/private/x': html(storyPage(1)), '/not-for-us': html(storyPage(2)), '/ok': html(storyPage(3)) });
    const out = await Promise.all(['/private/x', '/not-for-us', '/ok'].map((p) => fetcher.fetch(origin + p)));
    expect(out.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['E_FETCH_ROBOTS', 'E_FETCH_ROBOTS', 'ok']);
    expect(out[0]).toMatchObject({ message: expect.stringContaining('robots.txt does not allow claimtrace') });
    expect(server.seen.map((r) => r.path).sort()).toEqual(['/ok', '/robots.txt']);
  });

  it('takes a robots.txt that answers 5xx as a full disallow (RFC 9309), and a 404 as none', async () => {
    const { origin, fetcher } = await setup({ '/robots.txt': html('down', 500), '/a': html(storyPage(1)) }, { retries: 0 });
    expect(await fetcher.fetch(`${origin}/a`)).toMatchObject({ ok: false, code: 'E_FETCH_ROBOTS', message: expect.stringContaining('answered 500') });
    await server!.close();
    const second = await setup({ '/a': html(storyPage(1)) });
    expect(await second.fetcher.fetch(`${second.origin}/a`)).toMatchObject({ ok: true });
  });

  it('never has more than perHost requests in flight to one host', async () => {
    const slow: Route = (_q, res) => void setTimeout(() => res.writeHead(200, { 'Content-Type': 'text/html' }).end(storyPage(0)), 40);
    const routes: Record<string, Route> = {};
    for (let i = 0; i < 12; i++) routes[`/p${i}`] = slow;
    const { origin, fetcher, server } = await setup(routes, { perHost: 2, concurrency: 16 });
    const out = await Promise.all(Object.keys(routes).map((p) => fetcher.fetch(origin + p)));
    expect(out.every((o) => o.ok)).toBe(true);
    // robots.txt (404) first, then the pages two at a time.
    expect(server.maxInFlight()).toBe(2);
  });

  it('waits the politeness delay between requests to one host', async () => {
    const { origin, fetcher, server } = await setup({ '/a': html(storyPage(1)), '/b': html(storyPage(2)) }, { hostDelayMs: 150, perHost: 1 });
    await Promise.all([fetcher.fetch(`${origin}/a`), fetcher.fetch(`${origin}/b`)]);
    const starts = server.seen.map((r) => r.at);
    expect(starts).toHaveLength(3);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(140);
  });

  it('retries a 5xx with backoff, then succeeds', async () => {
    const flaky: Route = (_q, res, nth) => void (nth < 3 ? res.writeHead(503).end('busy') : res.writeHead(200, { 'Content-Type': 'text/html' }).end(storyPage(1)));
    const { origin, fetcher, server } = await setup({ '/a': flaky }, { retries: 2 });
    expect(await fetcher.fetch(`${origin}/a`)).toMatchObject({ ok: true, status: 200 });
    expect(paths(server, '/a')).toHaveLength(3);
  });

  it('gives up after the retries with E_FETCH_HTTP', async () => {
    const { origin, fetcher, server } = await setup({ '/a': html('oops', 502) }, { retries: 1 });
    expect(await fetcher.fetch(`${origin}/a`)).toMatchObject({ ok: false, code: 'E_FETCH_HTTP', message: expect.stringMatching(/answered 502 .*after 2 tries/) });
    expect(paths(server, '/a')).toHaveLength(2);
  });

  it('does not retry a 404', async () => {
    const { origin, fetcher, server } = await setup({ '/robots.txt': html('', 404) }, { retries: 3 });
    expect(await fetcher.fetch(`${origin}/gone`)).toMatchObject({ ok: false, code: 'E_FETCH_HTTP', message: expect.stringContaining('answered 404') });
    expect(paths(server, '/gone')).toHaveLength(1);
  });

  it('honours Retry-After on a 429 (and fails at once when it asks for too long)', async () => {
    const limited: Route = (_q, res, nth) => void (nth === 1 ? res.writeHead(429, { 'Retry-After': '1' }).end() : res.writeHead(200, { 'Content-Type': 'text/html' }).end(storyPage(1)));
    const { origin, fetcher, server } = await setup({ '/a': limited, '/long': (_q, res) => void res.writeHead(429, { 'Retry-After': '3600' }).end() }, { retries: 2, maxWaitMs: 10_000 });
    expect(await fetcher.fetch(`${origin}/a`)).toMatchObject({ ok: true });
    const [first, second] = paths(server, '/a');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
    expect(await fetcher.fetch(`${origin}/long`)).toMatchObject({ ok: false, code: 'E_FETCH_HTTP', message: expect.stringContaining('asks to wait 3600 s') });
    expect(paths(server, '/long')).toHaveLength(1);
  });

  it('times out a server that does not answer, and goes on', async () => {
    const { origin, fetcher } = await setup({ '/hang': () => undefined, '/a': html(storyPage(1)) }, { timeoutMs: 300, retries: 0 });
    const started = Date.now();
    expect(await fetcher.fetch(`${origin}/hang`)).toMatchObject({ ok: false, code: 'E_FETCH_TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await fetcher.fetch(`${origin}/a`)).toMatchObject({ ok: true });
  });

  it('stops a request in flight when the signal aborts', async () => {
    const controller = new AbortController();
    const { origin } = await setup({ '/hang': () => undefined });
    const fetcher = createFetcher({ hostDelayMs: 0, signal: controller.signal });
    fetchers.push(fetcher);
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    expect(await fetcher.fetch(`${origin}/hang`)).toMatchObject({ ok: false, code: 'E_INTERRUPTED' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await fetcher.fetch(`${origin}/other`)).toMatchObject({ ok: false, code: 'E_INTERRUPTED', message: expect.stringContaining('Stopped before') });
  });

  it('says E_WRITE when the WARC cannot be written where asked', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    await expect(WarcOutput.open(join(dir, 'a-file', 'out.warc.gz'))).rejects.toMatchObject({ code: 'E_WRITE', message: expect.stringContaining('--warc-out') });
  });

  it('follows redirects up to a limit and stops loops', async () => {
    const to = (location: string): Route => (_q, res) => void res.writeHead(301, { Location: location }).end();
    const { origin, fetcher } = await setup({ '/old': to('/mid'), '/mid': to('/new'), '/new': html(storyPage(1)), '/loop1': to('/loop2'), '/loop2': to('/loop1'), '/nowhere': (_q, res) => void res.writeHead(302).end() });
    expect(await fetcher.fetch(`${origin}/old`)).toMatchObject({ ok: true, url: `${origin}/old`, finalUrl: `${origin}/new` });
    expect(await fetcher.fetch(`${origin}/loop1`)).toMatchObject({ ok: false, code: 'E_FETCH_REDIRECTS', message: expect.stringContaining('loop') });
    expect(await fetcher.fetch(`${origin}/nowhere`)).toMatchObject({ ok: false, code: 'E_FETCH_REDIRECTS' });
    const limited = createFetcher({ hostDelayMs: 0, maxRedirects: 1 });
    fetchers.push(limited);
    expect(await limited.fetch(`${origin}/old`)).toMatchObject({ ok: false, code: 'E_FETCH_REDIRECTS', message: expect.stringContaining('more than 1 times') });
  });

  it('refuses what is not HTML, what is too large, bad URLs and unreachable hosts, with their codes', async () => {
    const png: Route = (_q, res) => void res.writeHead(200, { 'Content-Type': 'image/png' }).end(Buffer.alloc(100));
    const big: Route = (_q, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end('x'.repeat(5000));
    const streamed: Route = (_q, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    };
    const { origin, fetcher } = await setup({ '/png': png, '/big': big, '/streamed': streamed, '/feed': (_q, res) => void res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end('<rss/>') }, { maxBytes: 2000, retries: 0 });
    const codes = async (url: string, expect?: 'page' | 'page-or-feed') => {
      const o = await fetcher.fetch(url, expect);
      return o.ok ? 'ok' : o.code;
    };
    expect(await codes(`${origin}/png`)).toBe('E_FETCH_NOT_HTML');
    expect(await codes(`${origin}/feed`)).toBe('E_FETCH_NOT_HTML');
    expect(await codes(`${origin}/feed`, 'page-or-feed')).toBe('ok');
    expect(await codes(`${origin}/big`)).toBe('E_FETCH_TOO_LARGE');
    expect(await codes(`${origin}/streamed`)).toBe('E_FETCH_TOO_LARGE');
    expect(await codes('ftp://example.org/x')).toBe('E_FETCH_URL');
    expect(await codes('not a url')).toBe('E_FETCH_URL');
    const closed = await freePort();
    expect(await fetcher.fetch(`http://127.0.0.1:${closed}/a`)).toMatchObject({ ok: false, code: 'E_FETCH_NETWORK', message: expect.stringMatching(/refused the connection.*robots\.txt/) });
    const noRobots = createFetcher({ robots: false, retries: 0 });
    fetchers.push(noRobots);
    expect(await noRobots.fetch(`http://127.0.0.1:${closed}/a`)).toMatchObject({ ok: false, code: 'E_FETCH_NETWORK', message: expect.stringContaining('refused the connection') });
  });

  it('fetches over HTTPS from a server whose authority it is told to trust, and keeps the https: page in the WARC', async () => {
    server = await startTestServer({ '/a': html(storyPage('tls')) }, TLS);
    const warc = await WarcOutput.open(join(dir, 'tls.warc.gz'));
    const fetcher = createFetcher({ hostDelayMs: 0, retries: 0, ca: TLS.cert, warc });
    fetchers.push(fetcher);
    const outcome = await fetcher.fetch(`${server.origin}/a`);
    await warc.close();
    expect(server.origin).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(outcome).toMatchObject({ ok: true, status: 200, finalUrl: `${server.origin}/a` });
    const pages: string[] = [];
    for await (const r of readWarc(join(dir, 'tls.warc.gz'))) if (r.kind === 'page') pages.push(`${r.header.targetUri} ${Buffer.from(r.body).toString('utf8') === storyPage('tls')}`);
    expect(pages).toEqual([`${server.origin}/a true`]);
  });

  it('fails a certificate that does not verify with E_FETCH_TLS, at once and without a request', async () => {
    server = await startTestServer({ '/a': html(storyPage('tls')) }, TLS);
    const fetcher = createFetcher({ hostDelayMs: 0, backoffMs: 10, retries: 2 });
    fetchers.push(fetcher);
    const outcome = await fetcher.fetch(`${server.origin}/a`);
    expect(outcome).toMatchObject({ ok: false, code: 'E_FETCH_TLS', message: expect.stringMatching(/certificate of 127\.0\.0\.1:\d+ did not verify \(\w+\).*NODE_EXTRA_CA_CERTS/) });
    expect(server.seen).toEqual([]);
  });

  it('writes every response, with its request, to the WARC; bodies kept as sent', async () => {
    const gzipped: Route = (_q, res) => void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(storyPage('gz')));
    const { origin } = await setup({ '/old': (_q, res) => void res.writeHead(302, { Location: '/gz' }).end(), '/gz': gzipped });
    const warc = await WarcOutput.open(join(dir, 'out', 'fetched.warc.gz'));
    const fetcher = createFetcher({ hostDelayMs: 0, warc });
    fetchers.push(fetcher);
    const outcome = await fetcher.fetch(`${origin}/old`);
    await warc.close();
    expect(outcome).toMatchObject({ ok: true, finalUrl: `${origin}/gz`, written: { location: expect.stringMatching(/fetched\.warc\.gz#offset=\d+$/) } });
    const records: WarcRecord[] = [];
    for await (const r of readWarc(join(dir, 'out', 'fetched.warc.gz'))) records.push(r);
    expect(records.map((r) => `${r.kind}:${r.kind === 'failure' ? r.code : `${r.header.type} ${r.header.targetUri ?? ''}`}`)).toEqual([
      'other:warcinfo ',
      `skipped:response ${origin}/robots.txt`,
      `other:request ${origin}/robots.txt`,
      `skipped:response ${origin}/old`,
      `other:request ${origin}/old`,
      `page:response ${origin}/gz`,
      `other:request ${origin}/gz`,
    ]);
    const page = records[5]!;
    if (page.kind !== 'page') throw new Error('expected a page');
    expect(Buffer.from(page.body).toString('utf8')).toBe(storyPage('gz'));
    const field = (name: string) => page.header.headers.find((h) => h.name === name)?.value;
    expect(field('WARC-Payload-Digest')).toMatch(/^sha1:[A-Z2-7]{32}$/);
    expect(field('WARC-Date')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(field('WARC-IP-Address')).toBe('127.0.0.1');
    expect(field('Claimtrace-Requested-URI')).toBe(`${origin}/old`);
    expect(outcome.ok && outcome.written!.offset).toBe(page.header.fileOffset);
    const request = records[6]!;
    expect(request.kind === 'other' && Buffer.from(request.block!).toString('latin1')).toMatch(/^GET \/gz HTTP\/1\.1\r\nHost: 127\.0\.0\.1:\d+\r\nUser-Agent: claimtrace\//);
    expect(request.header!.headers.find((h) => h.name === 'WARC-Concurrent-To')?.value).toBe(page.header.recordId);
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['120', 120_000],
    ['Wed, 21 Oct 2015 07:28:30 GMT', 30_000],
    ['soon', null],
    [null, null],
  ])('%s → %s ms', (value, ms) => {
    expect(parseRetryAfter(value, Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(ms);
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}
