import { describe, expect, it } from 'vitest';
import { ClaimtraceError } from '../../core/diagnostics.js';
import { fetchArticles, type UrlToFetch } from './fetch-articles.js';
import type { Fetcher, FetchOutcome } from './fetcher.js';

const page = (url: string, n: number): FetchOutcome => ({
  ok: true,
  url,
  finalUrl: url,
  status: 200,
  headers: [{ name: 'Content-Type', value: 'text/html' }],
  mediaType: 'text/html',
  charset: null,
  body: Buffer.from('<html><body>x</body></html>'),
  written: { offset: n, location: `/w.warc.gz#offset=${n}`, recordId: `<urn:uuid:${n}>` },
});

/** A fetcher answering from a function after a tick, counting the calls in flight. */
function fakeFetcher(answer: (url: string, n: number) => FetchOutcome | Promise<FetchOutcome>): Fetcher & { most: number; calls: string[] } {
  let inFlight = 0;
  const fake = {
    most: 0,
    calls: [] as string[],
    async fetch(url: string) {
      fake.calls.push(url);
      inFlight++;
      fake.most = Math.max(fake.most, inFlight);
      await new Promise((ok) => setTimeout(ok, 1));
      try {
        return await answer(url, fake.calls.length);
      } finally {
        inFlight--;
      }
    },
    close() {},
  };
  return fake;
}

const urls = (n: number): UrlToFetch[] => Array.from({ length: n }, (_, i) => ({ url: `https://example.org/${i}`, expect: 'page', named: false }));

describe('fetchArticles', () => {
  it('works on at most 256 URLs at once, each once, and returns them in order', async () => {
    const fetcher = fakeFetcher((url, n) => page(url, n));
    const found = await fetchArticles([...urls(600), { url: 'HTTPS://example.org/3#again', expect: 'page', named: true }], { fetcher });
    expect(fetcher.calls).toHaveLength(600);
    expect(fetcher.most).toBe(256);
    expect(found.map((f) => (f.kind === 'article' ? f.url : f.code))).toEqual(urls(600).map((u) => u.url));
  });

  it("adds a feed's links to the queue while the runners wait, and takes known pages from the WARC", async () => {
    const feed = '<rss><channel><link>https://example.org/</link><item><link>/a</link></item><item><link>/b</link></item><item><title>no link</title></item></channel></rss>';
    const fetcher = fakeFetcher((url, n) =>
      url.endsWith('/feed')
        ? { ...page(url, n), headers: [{ name: 'Content-Type', value: 'application/rss+xml' }], mediaType: 'application/rss+xml', body: Buffer.from(feed) }
        : page(url, n),
    );
    const found = await fetchArticles([{ url: 'https://example.org/feed', expect: 'page-or-feed', named: true }], {
      fetcher,
      known: new Map([['https://example.org/b', '/old.warc.gz#offset=7']]),
    });
    expect(fetcher.calls).toEqual(['https://example.org/feed', 'https://example.org/a']);
    expect(found).toEqual([
      { kind: 'failure', location: 'https://example.org/feed#item=3', code: 'E_NO_ARTICLE', message: expect.stringContaining('no link'), named: false },
      { kind: 'article', location: expect.stringMatching(/#offset=\d+$/), url: 'https://example.org/a', fromWarc: false, named: false },
      { kind: 'article', location: '/old.warc.gz#offset=7', url: 'https://example.org/b', fromWarc: true, named: false },
    ]);
  });

  it('stops every runner and rejects when a page cannot be written', async () => {
    const fetcher = fakeFetcher((url, n) => {
      if (url.endsWith('/5')) throw new ClaimtraceError('E_WRITE', 'disk full');
      return page(url, n);
    });
    await expect(fetchArticles(urls(1000), { fetcher })).rejects.toMatchObject({ code: 'E_WRITE' });
    // The runners in flight finish; none takes another URL.
    expect(fetcher.calls.length).toBeLessThan(400);
  });
});
