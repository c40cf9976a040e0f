import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { ClaimtraceError } from '../core/diagnostics.js';
import { INPUT_ERROR_CODES } from './input-error-codes.js';
import { readArticle } from './read-article.js';

const dir = mkdtempSync(join(tmpdir(), 'claimtrace-read-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const ARTICLE = `<html><head><title>Storm</title><meta property="article:published_time" content="2025-01-02"></head><body><article><p>${'The storm passed over the town at night. '.repeat(20)}</p></article></body></html>`;

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ClaimtraceError);
    return (e as ClaimtraceError).code;
  }
  return 'no error';
}

afterAll(() => {
  try {
    chmodSync(join(dir, 'secret.txt'), 0o644);
  } catch {
    // not created on this platform
  }
});

describe('readArticle', () => {
  it('reads plain text exactly as decoded, with source info', async () => {
    const content = '\uFEFF  “Quote,” he said.\r\n\r\nSecond paragraph.  \n';
    const a = await readArticle(file('a.txt', content));
    expect(a.text).toBe(content.slice(1));
    expect(a.source).toEqual({ path: join(dir, 'a.txt'), format: 'text', encoding: 'utf-8', bytes: Buffer.byteLength(content) });
    expect(a.diagnostics?.map((d) => d.code)).toEqual(['input/bom-stripped']);
    expect(a.blocks).toBeUndefined();
  });

  it('extracts HTML by extension, by content, and through gzip (named .gz or not)', async () => {
    const gzipped = [file('b.html.gz', gzipSync(ARTICLE)), file('b.htm.gz', gzipSync(ARTICLE)), file('b2.html', gzipSync(ARTICLE)), file('b3.page', gzipSync(ARTICLE))];
    for (const path of [file('b.html', ARTICLE), file('b.page', ARTICLE), ...gzipped]) {
      const a = await readArticle(path);
      expect(a.source.format).toBe('html');
      expect(a.text.startsWith('The storm passed over the town at night.')).toBe(true);
      expect(a.meta.published).toBe('2025-01-02');
      expect(a.blocks?.length).toBe(1);
    }
  });

  it('reads `-` from the given stdin, gunzipping when the bytes say so', async () => {
    const a = await readArticle('-', { stdin: Readable.from([Buffer.from('Hello '), Buffer.from('world.')]) });
    expect(a.text).toBe('Hello world.');
    expect(a.source.path).toBe('-');
    const z = await readArticle('-', { stdin: Readable.from([gzipSync(ARTICLE)]) });
    expect(z.source.format).toBe('html');
  });

  it('decodes Windows-1252 with a diagnostic', async () => {
    const a = await readArticle(file('c.txt', Uint8Array.from([0x93, 0x48, 0x69, 0x94])));
    expect(a.text).toBe('“Hi”');
    expect(a.source.encoding).toBe('windows-1252');
    expect(a.diagnostics?.map((d) => d.code)).toEqual(['input/encoding-guessed']);
  });

  it.each<[string, () => Promise<unknown>, string]>([
    ['a missing path', () => readArticle(join(dir, 'nope.txt')), 'E_NOT_FOUND'],
    ['a directory', () => readArticle(dir), 'E_IS_DIRECTORY'],
    ['an empty file', () => readArticle(file('empty.txt', '')), 'E_EMPTY'],
    ['a PDF named .txt', () => readArticle(file('doc.txt', '%PDF-1.4\n...')), 'E_BINARY'],
    ['a file over the limit', () => readArticle(file('big.txt', 'x'.repeat(2000)), { maxBytes: 1000 }), 'E_TOO_LARGE'],
    ['stdin over the limit', () => readArticle('-', { maxBytes: 10, stdin: Readable.from(['0123456789', 'abc']) }), 'E_TOO_LARGE'],
    ['a gzip bomb over the limit', () => readArticle(file('bomb.html.gz', gzipSync('a'.repeat(100_000))), { maxBytes: 10_000 }), 'E_TOO_LARGE'],
    ['a truncated gzip', () => readArticle(file('cut.html.gz', gzipSync(ARTICLE).subarray(0, 60))), 'E_GZIP'],
    ['a .gz that is not gzip', () => readArticle(file('fake.html.gz', ARTICLE)), 'E_GZIP'],
    ['a script-only page', () => readArticle(file('app.html', '<html><body><script>x()</script></body></html>')), 'E_NO_ARTICLE'],
  ])('fails with a stable code on %s', async (_label, run, code) => {
    expect(await codeOf(run())).toBe(code);
    expect(Object.keys(INPUT_ERROR_CODES)).toContain(code);
  });

  it('names the limit and the size in E_TOO_LARGE', async () => {
    await expect(readArticle(file('big2.txt', 'x'.repeat(300_000)), { maxBytes: 100 * 1024 })).rejects.toThrow(/big2\.txt` is 293 KiB \(300000 bytes\), over the 100 KiB \(102400 bytes\) limit/);
  });

  it('reports an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads everything
    const path = file('secret.txt', 'text');
    chmodSync(path, 0o000);
    expect(await codeOf(readArticle(path))).toBe('E_UNREADABLE');
  });

  it('throws on misuse at once', async () => {
    await expect(readArticle('')).rejects.toThrow(TypeError);
    await expect(readArticle(file('ok.txt', 'ok'), { maxBytes: -1 })).rejects.toThrow(/positive number of bytes, not `-1`/);
  });
});

describe('INPUT_ERROR_CODES', () => {
  it('documents every code in one line', () => {
    for (const [code, meaning] of Object.entries(INPUT_ERROR_CODES)) {
      expect(code).toMatch(/^E_[A-Z_]+$/);
      expect(meaning).not.toContain('\n');
    }
    expect(Object.isFrozen(INPUT_ERROR_CODES)).toBe(true);
  });
});

