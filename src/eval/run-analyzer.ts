/**
 * Runs the real analyzer over a directory of articles, in process, the way
 * `claimtrace analyze <dir> --format jsonl` does (same reader, same analyzer).
 */
import { createAnalyzer } from '../analyze.js';
import type { ProvenanceMap } from '../contract/schema.js';
import { listArticleFiles } from '../ingest/list-article-files.js';
import { readArticle } from '../ingest/read-article.js';

export interface AnalyzerRun {
  readonly maps: ProvenanceMap[];
  /** Files the analyzer threw on (scored as predicting nothing). */
  readonly failures: { readonly path: string; readonly message: string }[];
  readonly files: number;
  /** Wall time of reading and analysing, in milliseconds. */
  readonly ms: number;
}

export async function analyzeDirectory(dir: string): Promise<AnalyzerRun> {
  const analyzer = createAnalyzer();
  const started = performance.now();
  const files = await listArticleFiles(dir);
  const maps: ProvenanceMap[] = [];
  const failures: { path: string; message: string }[] = [];
  for (const path of files) {
    try {
      maps.push(analyzer.analyze(await readArticle(path)));
    } catch (e) {
      failures.push({ path, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return { maps, failures, files: files.length, ms: performance.now() - started };
}
