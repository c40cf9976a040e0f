import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { codePointsToUtf16 } from '../core/span.js';
import { spanFeatures, type ArticleContext } from '../stages/rhetoric/features.js';
import { TECHNIQUE_NAMES, type TechniqueName } from '../stages/rhetoric/types.js';
import { SparseRows } from './linear.js';

/** One PTC article with its gold, converted to UTF-16 offsets (the corpus counts code points). */
export interface PtcArticle {
  readonly id: string;
  readonly text: string;
  /** Technique lines (`*-labels-task-flc-tc`), UTF-16. */
  readonly techniques: readonly { readonly technique: string; readonly start: number; readonly end: number }[];
  /** The same lines in code points, as the scorer wants them. */
  readonly techniquesCp: readonly { readonly technique: string; readonly start: number; readonly end: number }[];
  /** Span lines (`*-labels-task-si`), code points. */
  readonly spansCp: readonly (readonly [number, number])[];
}

/** `CLAIMTRACE_SHARED/datasets/ptc`, by default `../shared/datasets/ptc` from the working directory. */
export function ptcDir(): string {
  return resolve(process.env['CLAIMTRACE_SHARED'] ?? '../shared', 'datasets', 'ptc');
}

function readLines(path: string): string[][] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));
}

/** Reads `train` or `dev`: articles sorted by id. */
export function readPtc(split: 'train' | 'dev', dir = ptcDir()): PtcArticle[] {
  const articlesDir = join(dir, `${split}-articles`);
  if (!existsSync(articlesDir)) throw new Error(`Expected PTC articles in ${articlesDir} (set CLAIMTRACE_SHARED)`);
  const out: PtcArticle[] = [];
  for (const file of readdirSync(articlesDir).sort()) {
    const id = /(\d{6,})/.exec(file)?.[1];
    if (!id) continue;
    const text = readFileSync(join(articlesDir, file), 'utf8');
    const conv = codePointsToUtf16(text);
    const techniquesCp = readLines(join(dir, `${split}-labels-task-flc-tc`, `article${id}.task-flc-tc.labels`)).map((p) => ({
      technique: p[1]!,
      start: Number(p[2]),
      end: Number(p[3]),
    }));
    const spansCp = readLines(join(dir, `${split}-labels-task-si`, `article${id}.task-si.labels`)).map(
      (p) => [Number(p[1]), Number(p[2])] as const,
    );
    out.push({
      id,
      text,
      techniquesCp,
      techniques: techniquesCp.map((t) => ({ technique: t.technique, start: conv(t.start), end: conv(t.end) })),
      spansCp,
    });
  }
  return out;
}

/**
 * The technique classifier's rows: one per gold technique line of each article, span features
 * hashed into `2^bits`, labelled by technique; `starts[a]` is article a's first row (one more
 * entry at the end), for k-fold by article.
 */
export function techniqueRows(articles: readonly PtcArticle[], contexts: readonly ArticleContext[], bits: number): { data: SparseRows; starts: number[] } {
  const data = new SparseRows();
  const starts: number[] = [];
  const feats: number[] = [];
  articles.forEach((a, i) => {
    starts.push(data.length);
    for (const t of a.techniques) {
      feats.length = 0;
      spanFeatures(contexts[i]!, t, (1 << bits) - 1, feats);
      data.push(feats, TECHNIQUE_NAMES.indexOf(t.technique as TechniqueName));
    }
  });
  starts.push(data.length);
  return { data, starts };
}
