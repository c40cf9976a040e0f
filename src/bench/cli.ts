/**
 * `npm run bench`: speed of the whole analysis on the 840 PolNeAR train texts, beside
 * wink-nlp's bare tokenise + tag pass over the same texts in the same run (EVAL.md §4), so
 * that the figure is a ratio that survives a noisy machine.
 *
 *   in process, 1 core       texts in memory, analyzer and wink loaded, median of --rounds passes
 *   in process, all cores    one worker thread per core (os.availableParallelism()), texts split by size;
 *                            each worker warms up on 50 texts and stays alive across the rounds
 *   end to end               `node bin/claimtrace.js analyze <dir> --format jsonl > /dev/null` versus
 *                            `node dist/bench/wink-pass.js <dir>`, as child processes: counts process start
 *   stages                   time in each pipeline stage (1-core passes), to say which dominates
 *   pathological             1 MB of `"`, of `(`, and one 1 MB line, at growing sizes (linear or not)
 *
 * Options: --corpus DIR (default ../shared/datasets/polnear/train/text), --rounds N (3),
 * --limit N (first N files), --json, --write-json FILE (also save the figures), --skip-parallel, --skip-e2e, --skip-pathological,
 * --timeout S (per pathological input, 60).
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createAnalyzer, defaultStages } from '../analyze.js';
import { balance, listTextFiles, readCorpus, utf8Bytes } from './corpus.js';
import { PATHOLOGICAL_KINDS, type PathologicalKind } from './pathological.js';
import { timeStages } from './timed-stages.js';
import { createWinkTagger } from './wink-tag.js';
import type { WorkerReport, WorkerTask } from './worker.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;

interface Throughput {
  readonly ms: number;
  /** CPU time (user + system, all threads of the process) of the same pass: less sensitive to other load than wall time. */
  readonly cpuMs: number;
  readonly articlesPerS: number;
  readonly mbPerS: number;
}

interface Sample {
  readonly ms: number;
  readonly cpuMs: number;
}

const cpuNowMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The median pass by wall time, and the median CPU time (taken separately). */
function throughput(samples: readonly Sample[], articles: number, bytes: number): Throughput {
  const ms = median(samples.map((x) => x.ms));
  return { ms, cpuMs: median(samples.map((x) => x.cpuMs)), articlesPerS: articles / (ms / 1000), mbPerS: bytes / MB / (ms / 1000) };
}

export interface BenchResult {
  readonly corpus: { readonly dir: string; readonly articles: number; readonly mb: number };
  /** `loadAvg`: the 1-minute load average at the start and at the end (other processes compete for the cores). */
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string; readonly loadAvg: readonly [number, number] };
  readonly commit: string;
  readonly rounds: number;
  /** `readMs`: reading and decoding the corpus with claimtrace's readArticle (not part of the passes). */
  readonly load: { readonly readMs: number; readonly analyzerMs: number; readonly winkMs: number };
  /** `ratio` is claimtrace's speed over wink's (wink wall time / claimtrace wall time); `cpuRatio` the same with CPU time. */
  readonly inProcess: { readonly claimtrace: Throughput; readonly wink: Throughput; readonly ratio: number; readonly cpuRatio: number; readonly peakRssMb: number };
  readonly parallel: { readonly claimtrace: Throughput; readonly wink: Throughput; readonly workers: number; readonly ratio: number; readonly cpuRatio: number; readonly peakRssMb: number | null } | null;
  readonly endToEnd: { readonly claimtrace: Throughput & { rssMb: number }; readonly wink: Throughput & { rssMb: number }; readonly ratio: number; readonly cpuRatio: number } | null;
  /** Mean per 1-core pass; `share` of the analysis by wall time, `cpuShare` by CPU time. */
  readonly stages: readonly { readonly stage: string; readonly ms: number; readonly cpuMs: number; readonly share: number; readonly cpuShare: number }[];
  readonly pathological: readonly { readonly kind: PathologicalKind; readonly bytes: number; readonly ms: number | null; readonly quotes: number | null }[];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

async function main(argv: readonly string[]): Promise<number> {
  const { values: args } = parseArgs({
    args: [...argv],
    options: {
      corpus: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      'write-json': { type: 'string' },
      'skip-parallel': { type: 'boolean', default: false },
      'skip-e2e': { type: 'boolean', default: false },
      'skip-pathological': { type: 'boolean', default: false },
      timeout: { type: 'string', default: '60' },
    },
    strict: true,
  });
  const shared = resolve(process.env.CLAIMTRACE_SHARED ?? resolve(repoRoot, '..', 'shared'));
  const dir = resolve(args.corpus ?? join(shared, 'datasets', 'polnear', 'train', 'text'));
  if (!existsSync(dir)) {
    process.stderr.write(`claimtrace bench: corpus not found at ${dir} (pass --corpus DIR or set CLAIMTRACE_SHARED). Skipped.\n`);
    return 1;
  }
  const rounds = Math.max(1, Number(args.rounds));
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

  let paths = await listTextFiles(dir);
  if (args.limit) paths = paths.slice(0, Number(args.limit));
  let t0 = performance.now();
  const articles = await readCorpus(paths);
  const readMs = performance.now() - t0;
  const bytes = utf8Bytes(articles);
  const n = articles.length;
  const cores = availableParallelism();
  const loadAtStart = loadavg()[0]!;
  log(`${n} texts, ${(bytes / MB).toFixed(2)} MB, ${cores} cores`);

  // --- in process, one core ------------------------------------------------------------
  t0 = performance.now();
  const clock = timeStages(defaultStages);
  const analyzer = createAnalyzer({ stages: clock.stages });
  const analyzerLoadMs = performance.now() - t0;
  t0 = performance.now();
  const tag = createWinkTagger();
  const winkLoadMs = performance.now() - t0;

  const runClaimtrace = (list = articles) => {
    for (const a of list) analyzer.analyze(a);
  };
  const runWink = (list = articles) => {
    for (const a of list) tag(a.text);
  };
  // Warm-up: let both reach optimised code before the clock runs.
  runClaimtrace(articles.slice(0, 50));
  runWink(articles.slice(0, 50));
  for (const k of clock.ms.keys()) clock.ms.set(k, 0);
  for (const k of clock.cpuMs.keys()) clock.cpuMs.set(k, 0);
  let analyzeMs = 0;
  let analyzeCpuMs = 0;
  const single = { claimtrace: [] as Sample[], wink: [] as Sample[] };
  const timed = (run: () => void): Sample => {
    const c0 = cpuNowMs();
    const w0 = performance.now();
    run();
    return { ms: performance.now() - w0, cpuMs: cpuNowMs() - c0 };
  };
  for (let r = 0; r < rounds; r++) {
    const c = timed(() => runClaimtrace());
    analyzeMs += c.ms;
    analyzeCpuMs += c.cpuMs;
    single.claimtrace.push(c);
    single.wink.push(timed(() => runWink()));
    log(`round ${r + 1}: claimtrace ${c.ms.toFixed(0)} ms (cpu ${c.cpuMs.toFixed(0)}), wink ${single.wink.at(-1)!.ms.toFixed(0)} ms (cpu ${single.wink.at(-1)!.cpuMs.toFixed(0)})`);
  }
  const singleRss = maxRssMb();
  const stageMs = [...clock.ms.entries()].map(([stage, ms]) => ({ stage, ms: ms / rounds, cpuMs: clock.cpuMs.get(stage)! / rounds }));
  const stagesTotal = stageMs.reduce((s, x) => s + x.ms, 0);
  const stagesCpuTotal = stageMs.reduce((s, x) => s + x.cpuMs, 0);
  stageMs.push({ stage: '(rest of analyze: serialise)', ms: analyzeMs / rounds - stagesTotal, cpuMs: analyzeCpuMs / rounds - stagesCpuTotal });
  const inProcess = {
    claimtrace: throughput(single.claimtrace, n, bytes),
    wink: throughput(single.wink, n, bytes),
  };

  // --- in process, all cores -----------------------------------------------------------
  let parallel: { claimtrace: Throughput; wink: Throughput; workers: number } | null = null;
  let parallelRss: number | null = null;
  if (!args['skip-parallel']) {
    const size = new Map(paths.map((p, i) => [p, articles[i]!.text.length]));
    const groups = balance(paths, (p) => size.get(p)!, cores);
    // Alternating rounds, as on one core, so that both tools meet the same background load;
    // the workers of both tools stay alive (and warm) across rounds.
    const pools = { claimtrace: await startWorkers('claimtrace', groups), wink: await startWorkers('wink', groups) };
    const times = { claimtrace: [] as Sample[], wink: [] as Sample[] };
    try {
      for (let r = 0; r < rounds; r++) {
        times.claimtrace.push(await pools.claimtrace.pass());
        times.wink.push(await pools.wink.pass());
        log(`parallel round ${r + 1}: claimtrace ${times.claimtrace.at(-1)!.ms.toFixed(0)} ms, wink ${times.wink.at(-1)!.ms.toFixed(0)} ms`);
      }
    } finally {
      await pools.claimtrace.stop();
      await pools.wink.stop();
    }
    parallel = { claimtrace: throughput(times.claimtrace, n, bytes), wink: throughput(times.wink, n, bytes), workers: cores };
    parallelRss = maxRssMb();
  }

  // --- end to end, counting process start -----------------------------------------------
  let endToEnd: { claimtrace: Throughput & { rssMb: number }; wink: Throughput & { rssMb: number } } | null = null;
  if (!args['skip-e2e']) {
    const cli = join(repoRoot, 'bin', 'claimtrace.js');
    const winkPass = fileURLToPath(new URL('./wink-pass.js', import.meta.url));
    const runs = { claimtrace: [] as ChildSample[], wink: [] as ChildSample[] };
    for (let r = 0; r < rounds; r++) {
      runs.claimtrace.push(await timeChild([cli, 'analyze', dir, '--format', 'jsonl']));
      runs.wink.push(await timeChild([winkPass, dir]));
      log(`end to end ${r + 1}: claimtrace ${runs.claimtrace.at(-1)!.ms.toFixed(0)} ms, wink ${runs.wink.at(-1)!.ms.toFixed(0)} ms`);
    }
    // The children read every file of the directory, not only --limit of them.
    const all = await listTextFiles(dir);
    const allBytes = all.length === n ? bytes : all.reduce((s, p) => s + readFileSync(p).length, 0);
    const pick = (xs: ChildSample[]) => ({ ...throughput(xs, all.length, allBytes), rssMb: Math.max(...xs.map((x) => x.rssMb)) });
    endToEnd = { claimtrace: pick(runs.claimtrace), wink: pick(runs.wink) };
  }

  // --- pathological inputs ---------------------------------------------------------------
  const pathological: { kind: PathologicalKind; bytes: number; ms: number | null; quotes: number | null }[] = [];
  if (!args['skip-pathological']) {
    const timeoutMs = Number(args.timeout) * 1000;
    for (const kind of PATHOLOGICAL_KINDS) {
      for (const size of [MB / 4, MB / 2, MB]) {
        const r = await runPathological(kind, size, timeoutMs);
        pathological.push({ kind, bytes: size, ...r });
        log(`pathological ${kind} ${size / 1024} KB: ${r.ms === null ? `stopped after ${args.timeout} s` : `${r.ms.toFixed(0)} ms`}`);
        if (r.ms === null) break;
      }
    }
  }

  const result: BenchResult = {
    corpus: { dir, articles: n, mb: bytes / MB },
    machine: { cpu: cpus()[0]?.model ?? 'unknown', cores, node: process.version, loadAvg: [loadAtStart, loadavg()[0]!] },
    commit: gitCommit(),
    rounds,
    load: { readMs, analyzerMs: analyzerLoadMs, winkMs: winkLoadMs },
    inProcess: { ...inProcess, ...ratios(inProcess), peakRssMb: singleRss },
    parallel: parallel && { ...parallel, ...ratios(parallel), peakRssMb: parallelRss },
    endToEnd: endToEnd && { ...endToEnd, ...ratios(endToEnd) },
    stages: stageMs.map((s) => ({ ...s, share: s.ms / (analyzeMs / rounds), cpuShare: s.cpuMs / (analyzeCpuMs / rounds) })),
    pathological,
  };
  if (args['write-json']) writeFileSync(args['write-json'], JSON.stringify(result, null, 1) + '\n');
  process.stdout.write(args.json ? JSON.stringify(result, null, 1) + '\n' : formatResult(result) + '\n');
  return 0;
}

function ratios(x: { claimtrace: Throughput; wink: Throughput }): { ratio: number; cpuRatio: number } {
  return { ratio: x.wink.ms / x.claimtrace.ms, cpuRatio: x.wink.cpuMs / x.claimtrace.cpuMs };
}

interface WorkerPool {
  /** One pass over every group at once: wall time from `go` to the last `done`, and the process's CPU time meanwhile. */
  pass(): Promise<Sample>;
  stop(): Promise<void>;
}

/** Starts one worker thread per group for one tool and waits until all have read, loaded and warmed up. */
async function startWorkers(kind: 'claimtrace' | 'wink', groups: readonly (readonly string[])[]): Promise<WorkerPool> {
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

async function runPathological(kind: PathologicalKind, bytes: number, timeoutMs: number): Promise<{ ms: number | null; quotes: number | null }> {
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

interface ChildSample extends Sample {
  readonly rssMb: number;
}

/** Runs `node <args>` with stdout to /dev/null; wall time from spawn to exit, and the child's CPU time and peak RSS. */
async function timeChild(nodeArgs: readonly string[]): Promise<ChildSample> {
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

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'data', 'bin'], { cwd: repoRoot, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}

function formatResult(r: BenchResult): string {
  const row = (label: string, t: Throughput, extra = '') =>
    `  ${label.padEnd(44)}${t.articlesPerS.toFixed(1).padStart(10)}${t.mbPerS.toFixed(2).padStart(9)}${(t.ms / 1000).toFixed(2).padStart(9)}${(t.cpuMs / 1000).toFixed(2).padStart(9)}${extra}`;
  const head = `  ${''.padEnd(44)}${'articles/s'.padStart(10)}${'MB/s'.padStart(9)}${'wall s'.padStart(9)}${'cpu s'.padStart(9)}`;
  const ratio = (x: { ratio: number; cpuRatio: number }) =>
    `  speed ratio claimtrace / wink: ${x.ratio.toFixed(2)} by wall time, ${x.cpuRatio.toFixed(2)} by CPU time (target ≥ 0.5: ${Math.min(x.ratio, x.cpuRatio) >= 0.5 ? 'met' : 'NOT met'})`;
  const lines = [
    `claimtrace bench: ${r.corpus.articles} texts, ${r.corpus.mb.toFixed(2)} MB (UTF-8), ${r.corpus.dir}`,
    `machine: ${r.machine.cpu}, ${r.machine.cores} cores (availableParallelism), node ${r.machine.node}; load average ${r.machine.loadAvg[0].toFixed(1)} at start, ${r.machine.loadAvg[1].toFixed(1)} at end; commit ${r.commit}`,
    `load: reading the corpus (readArticle) ${r.load.readMs.toFixed(0)} ms; analyzer ${r.load.analyzerMs.toFixed(0)} ms, wink-nlp + model ${r.load.winkMs.toFixed(0)} ms`,
    '',
    `In process, texts in memory (median of ${r.rounds} passes after a warm-up)`,
    head,
    row('claimtrace analyze, 1 core', r.inProcess.claimtrace),
    row('wink-nlp readDoc + pos, 1 core', r.inProcess.wink),
    ratio(r.inProcess),
    `  peak RSS of the process after the 1-core passes (both tools loaded): ${r.inProcess.peakRssMb.toFixed(0)} MB`,
  ];
  if (r.parallel) {
    lines.push(
      '',
      `In process, ${r.parallel.workers} worker threads (one per core, warmed up, kept across rounds; median of ${r.rounds} passes)`,
      head,
      row(`claimtrace analyze, ${r.parallel.workers} workers`, r.parallel.claimtrace),
      row(`wink-nlp readDoc + pos, ${r.parallel.workers} workers`, r.parallel.wink),
      ratio(r.parallel),
      `  speed-up over 1 core: claimtrace ${(r.inProcess.claimtrace.ms / r.parallel.claimtrace.ms).toFixed(2)}×, wink ${(r.inProcess.wink.ms / r.parallel.wink.ms).toFixed(2)}×`,
      `  peak RSS of the process after the parallel passes: ${r.parallel.peakRssMb?.toFixed(0)} MB`,
    );
  }
  if (r.endToEnd) {
    lines.push(
      '',
      `End to end, child processes including process start (median of ${r.rounds})`,
      `${head}  peak RSS`,
      row('node bin/claimtrace.js analyze --format jsonl', r.endToEnd.claimtrace, `${r.endToEnd.claimtrace.rssMb.toFixed(0).padStart(7)} MB`),
      row('node dist/bench/wink-pass.js', r.endToEnd.wink, `${r.endToEnd.wink.rssMb.toFixed(0).padStart(7)} MB`),
      ratio(r.endToEnd),
    );
  }
  lines.push('', 'Where claimtrace spends its time (1-core passes, mean per pass)', `  ${''.padEnd(32)}${'wall ms'.padStart(10)}${'share'.padStart(8)}${'cpu ms'.padStart(10)}${'share'.padStart(8)}`);
  for (const s of r.stages) {
    lines.push(`  ${s.stage.padEnd(32)}${s.ms.toFixed(0).padStart(10)}${`${(100 * s.share).toFixed(1)}%`.padStart(8)}${s.cpuMs.toFixed(0).padStart(10)}${`${(100 * s.cpuShare).toFixed(1)}%`.padStart(8)}`);
  }
  if (r.pathological.length) {
    lines.push('', 'Pathological inputs (one analysis each, in a worker thread)');
    for (const p of r.pathological) {
      lines.push(`  ${p.kind.padEnd(16)}${`${p.bytes / 1024} KB`.padStart(9)}  ${p.ms === null ? 'stopped (timeout)' : `${p.ms.toFixed(0).padStart(7)} ms`}${p.quotes === null ? '' : `  ${p.quotes} quotes`}`);
    }
  }
  return lines.join('\n');
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`claimtrace bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
