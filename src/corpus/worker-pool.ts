import { Worker } from 'node:worker_threads';
import { ClaimtraceError } from '../core/diagnostics.js';
import type { ArticleRef, PutArticleResult } from '../store/types.js';
import type { FileOutcome } from './analyze-file.js';
import type { FromWorker, ToWorker, WorkerOutcome, WorkerSetup } from './worker-messages.js';

/** One file taking longer than this in a worker is skipped with `E_TIMEOUT`. */
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface WorkerPoolOptions {
  readonly size: number;
  readonly maxBytes: number;
  readonly analyzerModule: string | null;
  /** Answers a worker's "is this text stored?"; a rejection fails that job (and so the run). */
  readonly checkUnchanged: (ref: ArticleRef) => Promise<PutArticleResult | null>;
  /** A worker busy longer than this on one file is stopped and the file fails with `E_TIMEOUT`. */
  readonly timeoutMs: number;
  /** What each worker's analyzer and reader are built with (see {@link WorkerSetup}). */
  readonly rhetoric?: WorkerSetup['rhetoric'];
  readonly sourceMap?: boolean;
  readonly serialize?: WorkerSetup['serialize'];
}

export interface AnalysisPool {
  analyze(path: string): Promise<WorkerOutcome>;
  close(): Promise<void>;
}

interface Job {
  readonly id: number;
  readonly path: string;
  readonly resolve: (outcome: WorkerOutcome) => void;
  readonly reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

/**
 * A fixed number of analysis worker threads, one file each at a time. A worker that crashes or
 * hangs fails only its file (`E_WORKER_CRASHED`, `E_TIMEOUT`) and is replaced; a worker that
 * cannot even start (the analyzer failed to load) fails every job with `E_WORKER_START`.
 */
export function createWorkerPool(options: WorkerPoolOptions): AnalysisPool {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let broken: unknown = null;

  function spawn(slot?: Slot): Slot {
    const worker = startWorker({
      analyzerModule: options.analyzerModule,
      ...(options.rhetoric === undefined ? {} : { rhetoric: options.rhetoric }),
      ...(options.sourceMap ? { sourceMap: true } : {}),
      ...(options.serialize ? { serialize: options.serialize } : {}),
    });
    const s: Slot = slot ?? { worker, ready: false, job: null, timer: null };
    Object.assign(s, { worker, ready: false, job: null, timer: null });
    worker.on('message', (m: FromWorker) => onMessage(s, worker, m));
    worker.on('error', (e) => onExit(s, worker, e));
    worker.on('exit', (code) => onExit(s, worker, new Error(`the analysis worker exited with status ${code}`)));
    return s;
  }

  function onMessage(s: Slot, worker: Worker, m: FromWorker): void {
    if (s.worker !== worker) return;
    if (m.type === 'ready') {
      s.ready = true;
      pump();
    } else if (m.type === 'check') {
      const job = s.job;
      options.checkUnchanged(m.ref).then(
        (result) => worker.postMessage({ type: 'known', id: m.id, result } satisfies ToWorker),
        (e) => finish(s, (j) => j.reject(e), job),
      );
    } else if (m.type === 'outcome') {
      finish(s, (j) => j.resolve(m.outcome));
      pump();
    }
  }

  function finish(s: Slot, settle: (job: Job) => void, only: Job | null = s.job): void {
    const job = s.job;
    if (!job || job !== only) return;
    if (s.timer) clearTimeout(s.timer);
    s.job = null;
    s.timer = null;
    settle(job);
  }

  function onExit(s: Slot, worker: Worker, e: unknown): void {
    if (s.worker !== worker || closed) return;
    if (!s.ready && !s.job) {
      // Died while loading the analyzer: no job can succeed, so fail them all at once.
      broken = new ClaimtraceError('E_WORKER_START', `The analysis worker could not start: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
      for (const j of queue.splice(0)) j.reject(broken);
      void Promise.all(slots.map((x) => x.worker.terminate()));
      return;
    }
    const message = e instanceof Error ? e.message : String(e);
    finish(s, (j) => j.resolve({ kind: 'failed', code: 'E_WORKER_CRASHED', message: `analysing this file stopped its worker: ${message}` }));
    void worker.terminate();
    spawn(s);
  }

  function pump(): void {
    for (const s of slots) {
      if (!s.ready || s.job || queue.length === 0) continue;
      const job = queue.shift()!;
      s.job = job;
      s.timer = setTimeout(() => {
        const worker = s.worker;
        finish(s, (j) => j.resolve({ kind: 'failed', code: 'E_TIMEOUT', message: `analysis took longer than ${Math.round(options.timeoutMs / 1000)} s; skipped` }));
        void worker.terminate();
        spawn(s);
      }, options.timeoutMs);
      s.worker.postMessage({ type: 'job', id: job.id, path: job.path, maxBytes: options.maxBytes } satisfies ToWorker);
    }
  }

  for (let i = 0; i < options.size; i++) slots.push(spawn());

  return {
    analyze(path: string): Promise<WorkerOutcome> {
      if (closed) return Promise.reject(new Error('Expected an open analysis pool, not a closed one'));
      if (broken) return Promise.reject(broken);
      return new Promise((resolve, reject) => {
        queue.push({ id: nextId++, path, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const s of slots) if (s.timer) clearTimeout(s.timer);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/**
 * Starts `analyze-worker`: the compiled `.js` next to this file, or, when running from the
 * TypeScript sources (tests, `tsx`), the `.ts` file through tsx, which Node 20 workers cannot
 * load with `--import` alone.
 */
function startWorker(setup: WorkerSetup): Worker {
  const own = import.meta.url;
  if (!/\.ts$/.test(new URL(own).pathname)) {
    return new Worker(new URL('./analyze-worker.js', own), { workerData: setup });
  }
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL('./analyze-worker.ts', own).href;
  const code = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)}));`;
  return new Worker(code, { eval: true, workerData: setup });
}
