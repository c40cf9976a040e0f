/**
 * An analysis worker thread: builds one analyzer, then reads and analyses the files the main
 * thread sends, one at a time. It never touches the store: it asks the main thread whether a
 * text is already stored, and sends back the provenance map for the main thread to write.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PutArticleResult } from '../store/types.js';
import { analyzeFile, type ArticleAnalyzer } from './analyze-file.js';
import type { FromWorker, ToWorker, WorkerSetup } from './worker-messages.js';

if (!parentPort) throw new Error('Expected to run as a worker thread (src/corpus/worker-pool.ts starts it)');
const port = parentPort;
const setup = workerData as WorkerSetup;

const module_ = (setup.analyzerModule ? await import(setup.analyzerModule) : await import('../analyze.js')) as {
  createAnalyzer(options?: { rhetoric?: WorkerSetup['rhetoric'] }): ArticleAnalyzer;
};
const analyzer = setup.rhetoric === undefined ? module_.createAnalyzer() : module_.createAnalyzer({ rhetoric: setup.rhetoric });
const waiting = new Map<number, (result: PutArticleResult | null) => void>();
const send = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'known') {
    waiting.get(message.id)?.(message.result);
    waiting.delete(message.id);
    return;
  }
  const { id, path, maxBytes } = message;
  const checkUnchanged: Parameters<typeof analyzeFile>[1]['checkUnchanged'] = (ref) =>
    new Promise((resolve) => {
      waiting.set(id, resolve);
      send({ type: 'check', id, ref });
    });
  void analyzeFile(path, { maxBytes, analyzer, checkUnchanged, sourceMap: setup.sourceMap === true }).then((outcome) =>
    send({ type: 'outcome', id, outcome: setup.serialize === 'json' && outcome.kind === 'map' ? { kind: 'json', json: JSON.stringify(outcome.map) } : outcome }),
  );
});
send({ type: 'ready' });
