import { createHash } from 'node:crypto';

/** The identity of an article's content: SHA-256 of its text as UTF-8, lower-case hex. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
