import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { isClaimtraceError } from '../../core/diagnostics.js';
import { fetchArticle } from './fetch-article.js';
import { startTestServer, type TestServer } from './test-server.js';

const PAGE = (title: string) => `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Harbour Courier"></head><body>
<article><h1>${title}</h1><p>"We will rebuild the pier," Mayor Ana Ruiz said on Monday, standing beside the harbour wall that the storm had broken.</p>
<p>Engineers from the port authority said the work would take a year and cost more than the council had set aside for it in the spring budget.</p>
<p>Fishing crews told the Courier that they would keep working from the south quay until the repairs are done, whatever the weather brings.</p></article></body></html>`;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const quick = { hostDelayMs: 0, retries: 0, timeoutMs: 5000 } as const;

describe('fetchArticle', () => {
  it('reads a gzip-encoded page in the charset its header names, with the URL as meta.url', async () => {
    const body = Buffer.from(PAGE('Caf\u00e9 pier to be rebuilt'), 'latin1');
    server = await startTestServer({
      '/robots.txt': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n'),
      '/news/pier': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html; charset=ISO-8859-1', 'Content-Encoding': 'gzip' }).end(gzipSync(body)),
    });
    const article = await fetchArticle(`${server.origin}/news/pier`, quick);
    expect(article.source.format).toBe('html');
    expect(article.meta.url).toBe(`${server.origin}/news/pier`);
    expect(article.meta.title).toBe('Caf\u00e9 pier to be rebuilt');
    expect(article.text).toContain('"We will rebuild the pier," Mayor Ana Ruiz said');
    expect(server.seen[0]!.headers['user-agent']).toMatch(/^claimtrace\//);
  });

  it('obeys robots.txt: a disallowed page is not fetched and fails with E_FETCH_ROBOTS', async () => {
    server = await startTestServer({
      '/robots.txt': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nDisallow: /private/\n'),
      '/private/page': (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE('Secret')),
    });
    const error = await fetchArticle(`${server.origin}/private/page`, quick).catch((e: unknown) => e);
    expect(isClaimtraceError(error) && error.code).toBe('E_FETCH_ROBOTS');
    expect(server.seen.map((r) => r.path)).toEqual(['/robots.txt']);
  });

  it('fails with a code, not a stack, for a 404 and for a page that is not HTML', async () => {
    server = await startTestServer({
      '/robots.txt': (_req, res) => void res.writeHead(404).end(),
      '/data.json': (_req, res) => void res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'),
    });
    const missing = await fetchArticle(`${server.origin}/gone`, quick).catch((e: unknown) => e);
    expect(isClaimtraceError(missing) && missing.code).toBe('E_FETCH_HTTP');
    const json = await fetchArticle(`${server.origin}/data.json`, quick).catch((e: unknown) => e);
    expect(isClaimtraceError(json) && json.code).toBe('E_FETCH_NOT_HTML');
  });
});
