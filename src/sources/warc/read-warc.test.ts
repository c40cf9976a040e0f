import { createWriteStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { articlesFromWarc } from './articles-from-warc.js';
import { readWarc, type WarcRecord } from './read-warc.js';
import { formatWarcRecord, httpRequestBlock, httpResponseBlock, sha1Base32, warcFieldsBlock, writeWarcRecord, type WarcRecordToWrite } from './write-warc.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-warc-'));
const date = new Date('2025-09-04T10:00:00.123Z');

function page(title: string, body = `${title} reported on Tuesday that the council had approved the plan. `.repeat(12)): string {
  return `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1><p>${body}</p></article></body></html>`;
}

function response(url: string, body: Uint8Array | string, headers: [string, string][] = [['Content-Type', 'text/html; charset=utf-8']], status = 200): WarcRecordToWrite {
  return { type: 'response', targetUri: url, date, block: httpResponseBlock({ status, headers, body }) };
}

function warc(records: readonly WarcRecordToWrite[], gzip = false): Buffer {
  return Buffer.concat(records.map((r) => formatWarcRecord(r, { gzip }).bytes));
}

function save(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function collect(source: string | AsyncIterable<Uint8Array>): Promise<WarcRecord[]> {
  const out: WarcRecord[] = [];
  for await (const r of readWarc(source)) out.push(r);
  return out;
}

/** `kind:url` (or `kind:code`) per item: the shape of a read at a glance. */
function summary(records: readonly WarcRecord[]): string[] {
  return records.map((r) => (r.kind === 'failure' ? `failure:${r.code}` : r.kind === 'skipped' ? `skipped:${r.reason}:${r.header.targetUri}` : r.kind === 'page' ? `page:${r.header.targetUri}` : `other:${r.header.type}`));
}

function chunked(bytes: Buffer, size: number): AsyncIterable<Uint8Array> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

const html = page('Council approves plan');
const mixed: WarcRecordToWrite[] = [
  { type: 'warcinfo', date, block: warcFieldsBlock({ software: 'claimtrace test', format: 'WARC File Format 1.0' }) },
  { type: 'request', targetUri: 'https://news.example/a', date, block: httpRequestBlock('https://news.example/a') },
  response('https://news.example/a', html),
  response('https://news.example/gzip', zlib.gzipSync(page('Gzipped')), [['Content-Type', 'text/html'], ['Content-Encoding', 'gzip']]),
  response('https://news.example/deflate', zlib.deflateSync(page('Deflated')), [['Content-Type', 'text/html'], ['Content-Encoding', 'deflate']]),
  response('https://news.example/br', zlib.brotliCompressSync(page('Brotli')), [['Content-Type', 'text/html'], ['Content-Encoding', 'br']]),
  response('https://news.example/chunked', chunk(page('Chunked')), [['Content-Type', 'text/html'], ['Transfer-Encoding', 'chunked']]),
  response('https://news.example/cafe', windows1252(page('Caf\u00e9 society', 'The caf\u00e9\u2019s owner said \u201cno\u201d to the plan. '.repeat(20))), [['Content-Type', 'text/html; charset=windows-1252']]),
  response('https://news.example/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), [['Content-Type', 'image/png']]),
  response('https://news.example/missing', page('Not found'), [['Content-Type', 'text/html']], 404),
];

/** Latin-1 plus the Windows-1252 quotes this test uses. */
function windows1252(text: string): Buffer {
  const quotes: Record<string, number> = { '\u2019': 0x92, '\u201c': 0x93, '\u201d': 0x94 };
  return Buffer.from([...text].map((c) => quotes[c] ?? c.charCodeAt(0)));
}

function chunk(text: string): Buffer {
  const bytes = Buffer.from(text);
  const half = Math.floor(bytes.length / 2);
  return Buffer.concat([Buffer.from(`${half.toString(16)}\r\n`), bytes.subarray(0, half), Buffer.from(`\r\n${(bytes.length - half).toString(16)};ext=1\r\n`), bytes.subarray(half), Buffer.from('\r\n0\r\n\r\n')]);
}

const expectedMixed = [
  'other:warcinfo',
  'other:request',
  'page:https://news.example/a',
  'page:https://news.example/gzip',
  'page:https://news.example/deflate',
  'page:https://news.example/br',
  'page:https://news.example/chunked',
  'page:https://news.example/cafe',
  'skipped:not-html:https://news.example/logo.png',
  'skipped:not-2xx:https://news.example/missing',
];

describe('readWarc', () => {
  it('reads back what the writer wrote: headers, digests, blocks and decoded bodies', async () => {
    const records = await collect(save('mixed.warc', warc(mixed)));
    expect(summary(records)).toEqual(expectedMixed);
    const info = records[0]!;
    expect(info.kind === 'other' && Buffer.from(info.block!).toString()).toContain('software: claimtrace test');
    const first = records[2]!;
    if (first.kind !== 'page') throw new Error('expected a page');
    expect(first.header).toMatchObject({ version: 'WARC/1.0', type: 'response', date: '2025-09-04T10:00:00Z', targetUri: 'https://news.example/a' });
    expect(first.header.recordId).toMatch(/^<urn:uuid:[0-9a-f-]{36}>$/);
    expect(first.header.headers.find((h) => h.name === 'WARC-Payload-Digest')?.value).toBe(sha1Base32(Buffer.from(html)));
    expect(Buffer.from(first.body).toString()).toBe(html);
    for (const r of records.slice(3, 7)) {
      expect(r.kind === 'page' && Buffer.from(r.body).toString()).toMatch(/^<!doctype html>.*<\/html>$/);
    }
    expect(records[7]).toMatchObject({ kind: 'page', charset: 'windows-1252' });
  });

  it('reads the same from .warc.gz with one gzip member per record, in any chunking', async () => {
    const gz = warc(mixed, true);
    expect(summary(await collect(save('mixed.warc.gz', gz)))).toEqual(expectedMixed);
    expect(summary(await collect(chunked(gz, 97)))).toEqual(expectedMixed);
    expect(summary(await collect(chunked(warc(mixed), 13)))).toEqual(expectedMixed);
    // One member for the whole file (`gzip file.warc`) reads too.
    expect(summary(await collect(chunked(zlib.gzipSync(warc(mixed)), 1000)))).toEqual(expectedMixed);
  });

  it('reports a corrupt gzip member and goes on with the next', async () => {
    const members = mixed.slice(2, 5).map((r) => formatWarcRecord(r, { gzip: true }).bytes);
    const broken = Buffer.from(members[1]!);
    broken.fill(0xff, 20, 40);
    const records = await collect(save('corrupt.warc.gz', Buffer.concat([members[0]!, broken, members[2]!])));
    expect(summary(records)).toEqual(['page:https://news.example/a', 'failure:E_WARC_CORRUPT', 'page:https://news.example/deflate']);
    // Damage the deflate data can still decode (caught by the CRC) and damage it cannot: one failure each.
    const worse = Buffer.from(members[1]!);
    worse.fill(0x00, 12, 30);
    const again = await collect(Readable.from([Buffer.concat([members[0]!, worse, members[2]!])]));
    expect(summary(again)).toEqual(['page:https://news.example/a', 'failure:E_WARC_CORRUPT', 'page:https://news.example/deflate']);
  });

  it('reports bytes that are no gzip member between members and goes on', async () => {
    const [a, b] = mixed.slice(2, 4).map((r) => formatWarcRecord(r, { gzip: true }).bytes);
    const records = await collect(Readable.from([Buffer.concat([a!, Buffer.from('garbage between members'), b!])]));
    expect(summary(records)).toEqual(['page:https://news.example/a', 'failure:E_WARC_CORRUPT', 'page:https://news.example/gzip']);
  });

  it('stops cleanly at a truncated final record, plain or gzipped', async () => {
    const plain = warc(mixed.slice(2, 4));
    expect(summary(await collect(save('cut.warc', plain.subarray(0, plain.length - 200))))).toEqual(['page:https://news.example/a', 'failure:E_WARC_TRUNCATED']);
    const gz = warc(mixed.slice(2, 4), true);
    expect(summary(await collect(save('cut.warc.gz', gz.subarray(0, gz.length - 50))))).toEqual(['page:https://news.example/a', 'failure:E_WARC_TRUNCATED']);
    // Cut inside the next record's header.
    const a = formatWarcRecord(mixed[2]!).bytes;
    expect(summary(await collect(Readable.from([Buffer.concat([a, Buffer.from('WARC/1.0\r\nWARC-Type: resp')])])))).toEqual(['page:https://news.example/a', 'failure:E_WARC_TRUNCATED']);
  });

  it('reads hand-written WARC/1.1 records, skips one whose Content-Length is wrong, and goes on', async () => {
    const body = page('By hand');
    const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    const record = (uri: string, length: number) =>
      `WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: <${uri}>\r\nWARC-Date: 2025-09-04T10:00:00.5Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: ${length}\r\n\r\n${http}\r\n\r\n`;
    const bytes = Buffer.from(record('https://news.example/hand', Buffer.byteLength(http)) + record('https://news.example/bad-length', Buffer.byteLength(http) - 10) + record('https://news.example/after', Buffer.byteLength(http)));
    const records = await collect(chunked(bytes, 50));
    expect(summary(records)).toEqual(['page:https://news.example/hand', 'failure:E_WARC_CORRUPT', 'page:https://news.example/after']);
    expect(records[0]).toMatchObject({ header: { version: 'WARC/1.1', recordId: '<urn:uuid:00000000-0000-4000-8000-000000000001>', date: '2025-09-04T10:00:00.5Z' } });
    expect(records[1]).toMatchObject({ message: expect.stringContaining('Content-Length') });
  });

  it('reports a body whose content encoding cannot be undone, and an unknown one', async () => {
    const records = await collect(Readable.from([warc([
      response('https://news.example/bad-br', Buffer.from('not brotli at all'), [['Content-Type', 'text/html'], ['Content-Encoding', 'br']]),
      response('https://news.example/zstd', Buffer.from('x'), [['Content-Type', 'text/html'], ['Content-Encoding', 'zstd']]),
      response('https://news.example/a', html),
    ])]));
    expect(summary(records)).toEqual(['failure:E_WARC_ENCODING', 'failure:E_WARC_ENCODING', 'page:https://news.example/a']);
  });

  it('passes over a large non-HTML body without holding it, and refuses a page over maxBytes', async () => {
    const size = 32 * 1024 * 1024;
    const http = 'HTTP/1.1 200 OK\r\nContent-Type: video/mp4\r\n\r\n';
    const head = Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/video\r\nContent-Type: application/http;msgtype=response\r\nContent-Length: ${size + http.length}\r\n\r\n${http}`);
    const piece = Buffer.alloc(64 * 1024);
    async function* lazily(): AsyncGenerator<Uint8Array> {
      yield head;
      for (let sent = 0; sent < size; sent += piece.length) yield piece;
      yield Buffer.from('\r\n\r\n');
      yield formatWarcRecord(mixed[2]!).bytes;
    }
    const before = process.memoryUsage().arrayBuffers;
    const records = await collect(lazily());
    expect(summary(records)).toEqual(['skipped:not-html:https://news.example/video', 'page:https://news.example/a']);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(size / 2);

    const small: WarcRecord[] = [];
    for await (const r of readWarc(Readable.from([warc(mixed.slice(2, 4))]), { maxBytes: 200 })) small.push(r);
    expect(summary(small)).toEqual(['failure:E_TOO_LARGE', 'failure:E_TOO_LARGE']);
  });

  it('writes records to a stream with writeWarcRecord, gzipped, and reads them back', async () => {
    const path = join(dir, 'written.warc.gz');
    const out = createWriteStream(path);
    const ids = [];
    for (const record of mixed.slice(0, 3)) ids.push(await writeWarcRecord(out, record, { gzip: true }));
    await new Promise((resolve) => out.end(resolve));
    const records = await collect(path);
    expect(summary(records)).toEqual(['other:warcinfo', 'other:request', 'page:https://news.example/a']);
    expect(records.map((r) => (r.kind === 'failure' ? null : r.header.recordId))).toEqual(ids);
    expect(records[1]!.kind === 'other' && Buffer.from((records[1] as { block: Uint8Array }).block).toString()).toBe('GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n');
    expect(() => formatWarcRecord({ type: 'response', block: 'x' })).toThrow(/Expected a targetUri/);
  });

  it('throws for a path that does not exist, and for a wrong argument', async () => {
    await expect(collect(join(dir, 'nope.warc'))).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    await expect(collect(42 as unknown as string)).rejects.toThrow(/Expected a WARC path/);
  });
});

describe('articlesFromWarc', () => {
  it('turns pages into ArticleInput with the target URI and the HTTP charset, and failures into errors', async () => {
    const gz = Buffer.concat([warc(mixed, true), formatWarcRecord(mixed[2]!, { gzip: true }).bytes.subarray(0, 60)]);
    const path = save('articles.warc.gz', gz);
    const items = [];
    for await (const item of articlesFromWarc(path)) items.push(item);
    expect(items.map((i) => ('input' in i ? `ok:${i.url}` : `error:${i.error.code}`))).toEqual([
      'ok:https://news.example/a',
      'ok:https://news.example/gzip',
      'ok:https://news.example/deflate',
      'ok:https://news.example/br',
      'ok:https://news.example/chunked',
      'ok:https://news.example/cafe',
      'error:E_WARC_TRUNCATED',
    ]);
    const cafe = items[5]!;
    if (!('input' in cafe)) throw new Error('expected an article');
    expect(cafe.input.text).toContain('The caf\u00e9\u2019s owner said \u201cno\u201d');
    expect(cafe.input.source).toMatchObject({ format: 'html', encoding: 'windows-1252' });
    expect(cafe.input.meta.url).toBe('https://news.example/cafe');
    expect(cafe.id).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#<urn:uuid:`));
  });
});
