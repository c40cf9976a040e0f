/** The benchmark's other threads and processes: worker pools, pathological inputs, timed child processes. */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { cpuNowMs, type Sample } from './measures.js';
import type { PathologicalKind } from './pathological.js';
import type { WorkerReport, WorkerTask } from './worker.js';

export interface WorkerPool {
  /** One pass over every group at once: wall time from `go` to the last `done`, and the process's CPU time meanwhile. */
  pass(): Promise<Sample>;
  stop(): Promise<void>;
}

/** Starts one worker thread per group for one tool and waits until all have read, loaded and warmed up. */
export async function startWorkers(kind: 'claimtrace' | 'wink', groups: readonly (readonly string[])[]): Promise<WorkerPool> {
  const workers = groups.map((paths) => new Worker(new URL('./worker.js', import.meta.url), { workerData: { kind, paths } satisfies WorkerTask }));
  const next = (w: Worker, type: WorkerReport['type']) =>
    new Promise<WorkerReport>((ok, fail) => {
      const onMessage = (m: WorkerReport) => {
        if (m.type === type) {
          w.off('message', onMessage);
          w.off('error', fail);
          ok(m);
        }
      };
      w.on('message', onMessage);
      w.once('error', fail);
    });
  const stop = async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  try {
    await Promise.all(workers.map((w) => next(w, 'ready')));
  } catch (e) {
    await stop();
    throw e;
  }
  return {
    async pass() {
      const c0 = cpuNowMs();
      const t0 = performance.now();
      const done = Promise.all(workers.map((w) => next(w, 'done')));
      for (const w of workers) w.postMessage('go');
      await done;
      return { ms: performance.now() - t0, cpuMs: cpuNowMs() - c0 };
    },
    stop,
  };
}

export async function runPathological(kind: PathologicalKind, bytes: number, timeoutMs: number): Promise<{ ms: number | null; quotes: number | null }> {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: { kind: 'pathological', spec: { kind, bytes } } satisfies WorkerTask });
  try {
    return await new Promise((ok, fail) => {
      const timer = setTimeout(() => ok({ ms: null, quotes: null }), timeoutMs);
      worker.once('message', (m: WorkerReport) => {
        clearTimeout(timer);
        ok(m.type === 'pathological' ? { ms: m.ms, quotes: m.quotes } : { ms: null, quotes: null });
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        fail(e);
      });
    });
  } finally {
    await worker.terminate();
  }
}

export interface ChildSample extends Sample {
  readonly rssMb: number;
}

/** Runs `node <args>` with stdout to /dev/null; wall time from spawn to exit, and the child's CPU time and peak RSS. */
export async function timeChild(nodeArgs: readonly string[]): Promise<ChildSample> {
  const rssFile = join(tmpdir(), `claimtrace-bench-rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const preload = pathToFileURL(fileURLToPath(new URL('./rss-report.js', import.meta.url))).href;
  const devNull = openSync('/dev/null', 'w');
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', preload, ...nodeArgs], {
    stdio: ['ignore', devNull, 'pipe'],
    env: { ...process.env, CLAIMTRACE_BENCH_RSS_FILE: rssFile },
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((ok) => child.on('close', ok));
  const ms = performance.now() - t0;
  closeSync(devNull);
  if (code !== 0) throw new Error(`Expected \`node ${nodeArgs.join(' ')}\` to exit 0, not ${code}: ${stderr.slice(0, 500)}`);
  const usage = existsSync(rssFile) ? (JSON.parse(readFileSync(rssFile, 'utf8')) as { maxRssKb: number; cpuMs: number }) : null;
  rmSync(rssFile, { force: true });
  return { ms, cpuMs: usage?.cpuMs ?? Number.NaN, rssMb: usage ? usage.maxRssKb / 1024 : Number.NaN };
}
