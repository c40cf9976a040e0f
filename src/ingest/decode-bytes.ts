import { diagnostic, type Diagnostic } from '../core/diagnostics.js';
import { guessBomlessUtf16, isControlByte, sniffBinaryFormat } from './detect-binary.js';
import { inputError } from './input-error-codes.js';
import { decodeWindows1252, isUndefinedInWindows1252 } from './windows-1252.js';

export interface DecodeOptions {
  /** How to name the input in messages (a path, `-` for stdin). */
  readonly name?: string;
  /**
   * The charset an HTML page declares (`<meta charset>`); used only when the bytes are not
   * valid UTF-8, since a wrong declaration is common and valid UTF-8 is almost never an accident.
   */
  readonly declaredCharset?: string | null;
}

export interface DecodedText {
  /** The decoded content, exactly: only a byte-order mark is removed (and reported). */
  readonly text: string;
  /** WHATWG encoding name: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, … */
  readonly encoding: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Above this share of control bytes, the input is binary rather than text with a stray byte. */
const MAX_CONTROL_SHARE = 0.01;
/** Share of non-ASCII bytes allowed in runs of three or more before Windows-1252 is implausible. */
const MAX_HIGH_RUN_SHARE_CP1252 = 0.3;

/**
 * Turns the bytes of a text or HTML file into a string, without changing anything in it but a
 * byte-order mark, so that offsets into `text` point into the file as the user sees it.
 * Throws `E_EMPTY`, `E_BINARY` or `E_ENCODING` (see INPUT_ERROR_CODES).
 */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const name = options.name ?? 'the input';
  const shown = name === '-' ? 'standard input' : `\`${name}\``;
  if (bytes.length === 0) throw inputError('E_EMPTY', `${shown} is empty (0 bytes): there is no article to read.`);

  const bom = detectBom(bytes);
  if (bom) {
    const body = bytes.subarray(bom.length);
    let text: string;
    try {
      text = new TextDecoder(bom.encoding, { fatal: true, ignoreBOM: true }).decode(body);
    } catch (cause) {
      throw inputError('E_ENCODING', `${shown} starts with a ${bom.encoding.toUpperCase()} byte-order mark, but its bytes are not valid ${bom.encoding.toUpperCase()} (truncated or mixed encodings).`, cause);
    }
    return finish(text, bom.encoding, [
      diagnostic('input/bom-stripped', `Removed the ${bom.encoding.toUpperCase()} byte-order mark at the start of ${shown}; offsets count from the character after it.`, { severity: 'info' }),
    ], shown);
  }

  const format = sniffBinaryFormat(bytes);
  if (format) throw inputError('E_BINARY', `${shown} is ${format}, not a text or HTML article.`);

  if (bytes.includes(0)) {
    const utf16 = guessBomlessUtf16(bytes);
    if (utf16) {
      try {
        const text = new TextDecoder(utf16, { fatal: true, ignoreBOM: true }).decode(bytes);
        return finish(text, utf16, [
          diagnostic('input/encoding-guessed', `${shown} has no byte-order mark; decoded it as ${utf16.toUpperCase()} from the pattern of zero bytes.`),
        ], shown);
      } catch {
        // fall through: NUL bytes that are not UTF-16 mean binary
      }
    }
    const at = bytes.indexOf(0);
    throw inputError('E_BINARY', `${shown} looks binary (a zero byte at offset ${at}), not a text or HTML article.`);
  }
  const controls = countControlBytes(bytes);
  if (controls / bytes.length > MAX_CONTROL_SHARE) {
    throw inputError('E_BINARY', `${shown} looks binary (${controls} control bytes in ${bytes.length}), not a text or HTML article.`);
  }

  // A few stray control bytes (a form feed from a PDF copy, an ANSI colour code) stay in the text,
  // so offsets remain true, and are reported.
  const notes: Diagnostic[] = controls > 0
    ? [diagnostic('input/control-characters', `${shown} holds ${controls} control character(s); they were kept in the text.`, { severity: 'info' })]
    : [];
  const scan = scanUtf8(bytes);
  if (scan.firstInvalid < 0) {
    return finish(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), 'utf-8', notes, shown);
  }
  const where = `byte 0x${bytes[scan.firstInvalid]!.toString(16).toUpperCase().padStart(2, '0')} at offset ${scan.firstInvalid}`;

  const declared = normaliseCharset(options.declaredCharset);
  if (declared && declared !== 'utf-8') {
    const text = declared === 'windows-1252' ? decodeWindows1252(bytes) : tryDecode(bytes, declared);
    if (text !== null) {
      return finish(text, declared, [
        ...notes,
        diagnostic('input/encoding-declared', `${shown} is not valid UTF-8 (${where}); decoded it as ${declared}, the charset the page declares.`),
      ], shown);
    }
  }

  // Mostly UTF-8 with a few stray bytes (a pasted Windows-1252 quote): decoding all of it as
  // Windows-1252 would turn every “ into â€œ, so keep UTF-8 and replace the stray bytes.
  if (scan.multibyte > 0 && scan.multibyte >= scan.invalid * 4) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return finish(text, 'utf-8', [
      ...notes,
      diagnostic('input/encoding-guessed', `${shown} is UTF-8 with ${scan.invalid} invalid byte(s) (first: ${where}); each was replaced by U+FFFD.`),
    ], shown);
  }

  if (isPlausibleWindows1252(bytes)) {
    return finish(decodeWindows1252(bytes), 'windows-1252', [
      ...notes,
      diagnostic('input/encoding-guessed', `${shown} is not valid UTF-8 (${where}); decoded it as Windows-1252. Convert the file to UTF-8 if characters look wrong.`),
    ], shown);
  }
  throw inputError('E_ENCODING', `${shown} is not valid UTF-8 (${where}) and does not look like Windows-1252 text either; convert it to UTF-8 (for example \`iconv -f <encoding> -t UTF-8\`).`);
}

function finish(text: string, encoding: string, diagnostics: Diagnostic[], shown: string): DecodedText {
  if (text.trim() === '') throw inputError('E_EMPTY', `${shown} holds only white space: there is no article to read.`);
  return { text, encoding, diagnostics };
}

function detectBom(b: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function countControlBytes(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) if (isControlByte(bytes[i]!)) n++;
  return n;
}

/** Counts well-formed multi-byte UTF-8 sequences and invalid bytes (overlongs and surrogates count as invalid). */
export function scanUtf8(bytes: Uint8Array): { firstInvalid: number; invalid: number; multibyte: number } {
  let firstInvalid = -1;
  let invalid = 0;
  let multibyte = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) { i++; continue; }
    let need = 0;
    let min = 0;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    let cp = need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) { multibyte++; i += need + 1; }
    else { if (firstInvalid < 0) firstInvalid = i; invalid++; i++; }
  }
  return { firstInvalid, invalid, multibyte };
}

function isPlausibleWindows1252(bytes: Uint8Array): boolean {
  // Western text has its non-ASCII letters one at a time between ASCII ones ("café", "“Hi”");
  // Cyrillic or Greek single-byte text has whole words of high bytes, which we refuse to guess.
  let high = 0;
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : 0;
    if (b >= 0x80) {
      if (isUndefinedInWindows1252(b)) return false;
      high++;
      run++;
    } else {
      if (run >= 3) inRuns += run;
      run = 0;
    }
  }
  return inRuns <= high * MAX_HIGH_RUN_SHARE_CP1252;
}

/** Maps a charset label to the name we decode with; Latin-1 labels mean Windows-1252 (as in browsers). */
function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase();
  if (['iso-8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252', 'windows-1252', 'x-cp1252', 'iso8859-1', 'iso_8859-1'].includes(l)) return 'windows-1252';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
