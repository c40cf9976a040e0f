import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { articlesFromWarc } from './warc/articles-from-warc.js';
import { formatWarcRecord, httpResponseBlock, type WarcRecordToWrite } from './warc/write-warc.js';
import { isArticleLocation, listArticleLocations, readArticleAt, type ArticleLocation } from './locate-articles.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-locate-'));
const text = (title: string) => `${title}: the council approved the plan on Tuesday, the mayor said. `.repeat(10);
const record = (n: number): WarcRecordToWrite => ({
  type: 'response',
  targetUri: `https://news.example/${n}`,
  block: httpResponseBlock({ status: 200, headers: [['Content-Type', 'text/html']], body: `<html><head><title>Story ${n}</title></head><body><article><p>${text(`Story ${n}`)}</p></article></body></html>` }),
});
const info: WarcRecordToWrite = { type: 'warcinfo', block: 'software: test\r\n' };

async function list(path: string): Promise<ArticleLocation[]> {
  const out: ArticleLocation[] = [];
  for await (const l of listArticleLocations(path)) out.push(l);
  return out;
}

describe('listArticleLocations and readArticleAt', () => {
  it('locates each page of a .warc.gz by its gzip member and reads it back alone', async () => {
    const members = [info, record(1), record(2), record(3)].map((r) => formatWarcRecord(r, { gzip: true }).bytes);
    const broken = Buffer.from(members[2]!);
    broken.fill(0, 12, 40);
    const path = join(dir, 'cc.warc.gz');
    writeFileSync(path, Buffer.concat([members[0]!, members[1]!, broken, members[3]!]));
    const found = await list(path);
    expect(found.map((l) => `${l.kind}:${l.location.slice(path.length)}`)).toEqual([
      `article:#offset=${members[0]!.length}`,
      `failure:#offset=${members[0]!.length + members[1]!.length}`,
      `article:#offset=${members[0]!.length + members[1]!.length + broken.length}`,
    ]);
    const third = await readArticleAt(found[2]!.location);
    expect(third.text).toContain('Story 3: the council approved');
    expect(third.meta.url).toBe('https://news.example/3');
    expect(third.source.path).toBe(found[2]!.location);
    await expect(readArticleAt(found[1]!.location)).rejects.toMatchObject({ code: 'E_WARC_CORRUPT' });
    expect(isArticleLocation(found[0]!.location)).toBe(true);
    expect(isArticleLocation('/a/b.html#offset=3')).toBe(false);
  });

  it('gives the same articles as articlesFromWarc for a plain WARC', async () => {
    const path = join(dir, 'plain.warc');
    writeFileSync(path, Buffer.concat([info, record(1), record(2)].map((r) => formatWarcRecord(r).bytes)));
    const found = await list(path);
    const streamed = [];
    for await (const a of articlesFromWarc(path)) streamed.push(a);
    const located = await Promise.all(found.map((l) => readArticleAt(l.location)));
    expect(located.map((a) => a.text)).toEqual(streamed.map((a) => ('input' in a ? a.input.text : null)));
  });

  it('stops at the second record of a WARC gzipped as one whole file', async () => {
    const path = join(dir, 'whole.warc.gz');
    writeFileSync(path, zlib.gzipSync(Buffer.concat([record(1), record(2)].map((r) => formatWarcRecord(r).bytes))));
    // The first record starts the only member, so it can be read alone; the second cannot.
    expect(await list(path)).toEqual([
      { kind: 'article', location: `${path}#offset=0`, url: 'https://news.example/1' },
      { kind: 'failure', location: path, code: 'E_WARC_UNSEEKABLE', message: expect.stringContaining('warcio recompress') },
    ]);
  });

  it('locates feed items: full text to read, links to fetch', async () => {
    const path = join(dir, 'news.rss');
    writeFileSync(path, `<rss><channel><link>https://news.example/</link>
      <item><title>Full</title><link>/full</link><content:encoded><![CDATA[<p>${text('Full')}</p>]]></content:encoded></item>
      <item><title>Link</title><link>/link</link><description>Teaser.</description></item>
    </channel></rss>`);
    const found = await list(path);
    expect(found).toEqual([
      { kind: 'article', location: `${path}#item=1`, url: 'https://news.example/full' },
      { kind: 'failure', location: `${path}#item=2`, code: 'E_NEEDS_FETCH', message: expect.stringContaining('https://news.example/link') },
    ]);
    expect((await readArticleAt(`${path}#item=1`)).meta.title).toBe('Full');
    expect(await list(join(dir, 'missing.xml'))).toEqual([{ kind: 'failure', location: join(dir, 'missing.xml'), code: 'E_NOT_FOUND', message: expect.any(String) }]);
  });
});
