import { describe, expect, it } from 'vitest';
import { ClaimtraceError } from '../core/diagnostics.js';
import { decodeBytes, scanUtf8 } from './decode-bytes.js';

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'utf8')] : p)));
const utf16 = (s: string, le: boolean) => {
  const b = Buffer.from(s, 'utf16le');
  if (!le) b.swap16();
  return [...b];
};

describe('decodeBytes', () => {
  it.each<[string, Uint8Array, string, string, string[]]>([
    ['plain UTF-8', bytes('“Yes,” she said.\r\n  Trailing  \n'), '“Yes,” she said.\r\n  Trailing  \n', 'utf-8', []],
    ['UTF-8 with BOM (stripped, reported)', bytes([0xef, 0xbb, 0xbf], 'Hi “there”'), 'Hi “there”', 'utf-8', ['input/bom-stripped']],
    ['UTF-16LE with BOM', bytes([0xff, 0xfe], utf16('Ça “va” 😀', true)), 'Ça “va” 😀', 'utf-16le', ['input/bom-stripped']],
    ['UTF-16BE with BOM', bytes([0xfe, 0xff], utf16('Ça “va”', false)), 'Ça “va”', 'utf-16be', ['input/bom-stripped']],
    ['UTF-16LE without BOM (guessed from zero bytes)', bytes(utf16('Plain old text here', true)), 'Plain old text here', 'utf-16le', ['input/encoding-guessed']],
    ['Windows-1252 smart quotes 0x93/0x94', bytes('He said ', [0x93], 'no', [0x94], ' ', [0x96], ' caf', [0xe9]), 'He said “no” – café', 'windows-1252', ['input/encoding-guessed']],
    ['UTF-8 with one stray Windows-1252 byte', bytes('“One” and “two” and ', [0x93], 'three'), '“One” and “two” and \ufffdthree', 'utf-8', ['input/encoding-guessed']],
    ['a few control characters kept', bytes('Page one\fPage two \x1b[0m'), 'Page one\fPage two \x1b[0m', 'utf-8', []],
    ['a stray control byte kept and reported', bytes(`${'Plain text. '.repeat(20)}\x01`), `${'Plain text. '.repeat(20)}\x01`, 'utf-8', ['input/control-characters']],
  ])('%s', (_label, input, text, encoding, codes) => {
    const r = decodeBytes(input, { name: 'a.txt' });
    expect(r.text).toBe(text);
    expect(r.encoding).toBe(encoding);
    expect(r.diagnostics.map((d) => d.code)).toEqual(codes);
  });

  it('keeps the text exactly: no trimming, no newline or quote normalisation', () => {
    const original = '\n\n  "Straight" and ‘curly’\r\n\tend\r';
    expect(decodeBytes(bytes(original)).text).toBe(original);
  });

  it('uses the charset an HTML page declares when the bytes are not UTF-8', () => {
    const r = decodeBytes(bytes('<meta charset="iso-8859-1"><p>caf', [0xe9], '</p>'), { declaredCharset: 'iso-8859-1' });
    expect(r.text).toBe('<meta charset="iso-8859-1"><p>café</p>');
    expect(r.encoding).toBe('windows-1252');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['input/encoding-declared']);
  });

  it('ignores a declared charset when the bytes are valid UTF-8', () => {
    expect(decodeBytes(bytes('<p>café</p>'), { declaredCharset: 'iso-8859-1' }).text).toBe('<p>café</p>');
  });

  it.each<[string, Uint8Array, string, RegExp]>([
    ['empty', new Uint8Array(0), 'E_EMPTY', /`a\.txt` is empty/],
    ['only a BOM', bytes([0xef, 0xbb, 0xbf]), 'E_EMPTY', /only white space/],
    ['only white space', bytes(' \n\t\r\n'), 'E_EMPTY', /only white space/],
    ['NUL bytes', bytes('abc', [0, 1, 2, 0xff, 0], 'def', [0, 0, 7, 8]), 'E_BINARY', /zero byte at offset 3/],
    ['a PDF', bytes('%PDF-1.7\n%âãÏÓ\n'), 'E_BINARY', /PDF document/],
    ['a ZIP', bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'E_BINARY', /ZIP archive/],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'E_BINARY', /PNG image/],
    ['unexpected gzip', bytes([0x1f, 0x8b, 0x08, 0, 0, 0]), 'E_BINARY', /gzip/],
    ['many control characters', bytes('ab\x01\x02\x03\x04cd\x05\x06\x07\x08'), 'E_BINARY', /control bytes/],
    ['bytes undefined in Windows-1252', bytes('abc ', [0x81, 0x8d, 0x8f], ' def'), 'E_ENCODING', /not valid UTF-8 \(byte 0x81 at offset 4\)/],
    ['mostly high bytes (not Western text)', bytes([0xc8, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xec, 0xe8, 0xf0]), 'E_ENCODING', /iconv/],
    ['a broken UTF-16 BOM file', bytes([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42]), 'E_ENCODING', /UTF-16LE/],
  ])('rejects %s', (_label, input, code, message) => {
    let error: unknown;
    try {
      decodeBytes(input, { name: 'a.txt' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ClaimtraceError);
    expect((error as ClaimtraceError).code).toBe(code);
    expect((error as ClaimtraceError).message).toMatch(message);
  });

  it.each<[string, number[], number]>([
    ['overlong slash', [0xc0, 0xaf], 0],
    ['surrogate half', [0x41, 0xed, 0xa0, 0x80], 1],
    ['truncated sequence at end', [0x41, 0x42, 0xe2, 0x80], 2],
    ['above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('finds the first invalid UTF-8 byte: %s', (_label, input, first) => {
    expect(scanUtf8(Uint8Array.from(input)).firstInvalid).toBe(first);
  });
});
