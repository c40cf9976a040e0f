/** The benchmark corpus: articles read into memory before any timing starts. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleInput } from '../core/document.js';
import { readArticle } from '../ingest/read-article.js';

/** The `.txt` files of a directory, sorted by name (PolNeAR's `text/` folders are flat). */
export async function listTextFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort().map((f) => join(dir, f));
}

/** Reads every file the way `claimtrace analyze` does, so both passes see the same decoded text. */
export async function readCorpus(paths: readonly string[]): Promise<ArticleInput[]> {
  const out: ArticleInput[] = [];
  for (const p of paths) out.push(await readArticle(p));
  return out;
}

export function utf8Bytes(articles: readonly ArticleInput[]): number {
  let n = 0;
  for (const a of articles) n += Buffer.byteLength(a.text, 'utf8');
  return n;
}

/** Splits paths into `n` groups of about equal size in bytes (largest first, into the lightest group). */
export function balance<T>(items: readonly T[], size: (t: T) => number, n: number): T[][] {
  const groups = Array.from({ length: n }, () => ({ items: [] as T[], bytes: 0 }));
  const sorted = [...items].sort((a, b) => size(b) - size(a));
  for (const item of sorted) {
    let lightest = groups[0]!;
    for (const g of groups) if (g.bytes < lightest.bytes) lightest = g;
    lightest.items.push(item);
    lightest.bytes += size(item);
  }
  return groups.map((g) => g.items);
}
