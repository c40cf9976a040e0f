/**
 * A worker thread of the ingest benchmark's Readability baseline: takes its share of the pages
 * once (`workerData.pages`), says `ready`, then runs Readability over them on each `go`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readabilityOnly } from './ingest-readability.js';

export interface ReadabilityWorkerData {
  readonly pages: readonly string[];
}

export type ReadabilityWorkerReport = { readonly type: 'ready' } | { readonly type: 'done'; readonly found: number };

const { pages } = workerData as ReadabilityWorkerData;
const port = parentPort!;
port.on('message', (m: unknown) => {
  if (m !== 'go') return;
  let found = 0;
  for (const html of pages) if (readabilityOnly(html) > 0) found++;
  port.postMessage({ type: 'done', found } satisfies ReadabilityWorkerReport);
});
port.postMessage({ type: 'ready' } satisfies ReadabilityWorkerReport);
