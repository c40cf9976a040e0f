import { describe, expect, it } from 'vitest';
import { HostLimiter } from './host-limiter.js';
import { isUrl, parseUrlList } from './read-url-list.js';

describe('parseUrlList', () => {
  it('reads one URL a line, skips blanks and # comments, keeps fragments, reports bad lines by number', () => {
    const text = '\uFEFF# my list\r\nhttps://example.org/a  the first\r\n\r\n   http://Example.org/b#part\nftp://example.org/c\nnot a url\n';
    expect(parseUrlList(text)).toEqual([
      { kind: 'url', url: 'https://example.org/a', line: 2 },
      { kind: 'url', url: 'http://example.org/b#part', line: 4 },
      { kind: 'bad', text: 'ftp://example.org/c', line: 5, message: 'Line 5 is `ftp://example.org/c`, not an http: or https: URL.' },
      { kind: 'bad', text: 'not', line: 6, message: 'Line 6 is `not`, not an http: or https: URL.' },
    ]);
  });

  it.each([
    ['https://example.org', true],
    ['HTTP://example.org/x', true],
    ['example.org/x', false],
    ['./https:/x', false],
  ])('isUrl(%s) is %s', (text, expected) => {
    expect(isUrl(text)).toBe(expected);
  });
});

describe('HostLimiter', () => {
  it('keeps to the overall limit across hosts and to the per-host limit', async () => {
    const limiter = new HostLimiter({ perHost: 2, total: 3, delayMs: 0 });
    let inFlight = 0;
    let most = 0;
    const perHost = new Map<string, number>();
    let mostPerHost = 0;
    const task = (host: string) =>
      limiter.run(host, async () => {
        inFlight++;
        perHost.set(host, (perHost.get(host) ?? 0) + 1);
        most = Math.max(most, inFlight);
        mostPerHost = Math.max(mostPerHost, perHost.get(host)!);
        await new Promise((ok) => setTimeout(ok, 5));
        inFlight--;
        perHost.set(host, perHost.get(host)! - 1);
      });
    await Promise.all(['a', 'b', 'c', 'a', 'b', 'c', 'a', 'a', 'a', 'b'].map(task));
    expect(most).toBe(3);
    expect(mostPerHost).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('refuses limits that are not whole numbers above zero', () => {
    expect(() => new HostLimiter({ perHost: 0, total: 1, delayMs: 0 })).toThrow(/perHost/);
    expect(() => new HostLimiter({ perHost: 1, total: 1, delayMs: -1 })).toThrow(/delayMs/);
  });
});
