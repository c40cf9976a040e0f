/**
 * A benchmark worker thread: reads its share of the corpus, loads one tool, warms it up, says
 * `ready`, and on each `go` runs the tool over its share and reports how long that took.
 * Also times pathological inputs, one per worker, so that a runaway one can be stopped.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createAnalyzer } from '../analyze.js';
import type { ArticleInput } from '../core/document.js';
import { readCorpus } from './corpus.js';
import { createWinkTagger } from './wink-tag.js';
import { analyzePathological, type PathologicalSpec } from './pathological.js';

export type WorkerTask =
  | { readonly kind: 'claimtrace' | 'wink'; readonly paths: readonly string[] }
  | { readonly kind: 'pathological'; readonly spec: PathologicalSpec };

export type WorkerReport =
  | { readonly type: 'ready' }
  | { readonly type: 'done'; readonly ms: number; readonly articles: number }
  | { readonly type: 'pathological'; readonly ms: number; readonly quotes: number };

const port = parentPort;
if (!port) throw new Error('Expected to run as a worker thread (src/bench/worker.ts), not as a main script.');
const task = workerData as WorkerTask;

if (task.kind === 'pathological') {
  const result = analyzePathological(task.spec);
  port.postMessage({ type: 'pathological', ...result } satisfies WorkerReport);
} else {
  const articles = await readCorpus(task.paths);
  let pass: (list: readonly ArticleInput[]) => void;
  if (task.kind === 'claimtrace') {
    const analyzer = createAnalyzer();
    pass = (list) => {
      for (const a of list) analyzer.analyze(a);
    };
  } else {
    const tag = createWinkTagger();
    pass = (list) => {
      for (const a of list) tag(a.text);
    };
  }
  // Warm-up, as in the 1-core pass: let the tool reach optimised code before the clock runs.
  pass(articles.slice(0, 50));
  // One pass over this worker's share per `go`; the worker stays alive between rounds.
  port.on('message', () => {
    const t0 = performance.now();
    pass(articles);
    port.postMessage({ type: 'done', ms: performance.now() - t0, articles: articles.length } satisfies WorkerReport);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerReport);
}
