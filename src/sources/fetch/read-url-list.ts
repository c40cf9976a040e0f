import { readFile } from 'node:fs/promises';
import { inputError } from '../../ingest/input-error-codes.js';

/** A URL list names its file `*.urls` (or is given with `--urls`). */
export const URL_LIST_FILE = /\.urls$/i;

/** `http://` or `https://` at the start: a URL argument, not a path. */
export function isUrl(text: string): boolean {
  return /^https?:\/\//i.test(text);
}

export type UrlListLine =
  | { readonly kind: 'url'; readonly url: string; readonly line: number }
  | { readonly kind: 'bad'; readonly text: string; readonly line: number; readonly message: string };

/**
 * The URLs of a list: one per line, the first word of the line; blank lines and lines starting
 * with `#` are skipped (so a URL's own `#fragment` is kept). A line that is not an http(s) URL is
 * a `bad` line (`E_FETCH_URL`), the others are still read. Throws `E_NOT_FOUND` / `E_UNREADABLE`
 * when the file cannot be read.
 */
export async function readUrlList(path: string): Promise<UrlListLine[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw inputError(code === 'ENOENT' ? 'E_NOT_FOUND' : code === 'EISDIR' ? 'E_IS_DIRECTORY' : 'E_UNREADABLE', `\`${path}\` ${code === 'ENOENT' ? 'does not exist' : 'could not be read as a URL list'}.`, e);
  }
  return parseUrlList(text);
}

export function parseUrlList(text: string): UrlListLine[] {
  const out: UrlListLine[] = [];
  for (const [index, raw] of text.replace(/^\uFEFF/, '').split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const word = line.split(/\s+/)[0]!;
    let url: URL | null = null;
    try {
      url = new URL(word);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      out.push({ kind: 'bad', text: word, line: index + 1, message: `Line ${index + 1} is \`${word.slice(0, 80)}\`, not an http: or https: URL.` });
      continue;
    }
    out.push({ kind: 'url', url: url.href, line: index + 1 });
  }
  return out;
}
