/**
 * `npm run bench`: speed of the whole analysis on the 840 PolNeAR train texts, beside
 * wink-nlp's bare tokenise + tag pass over the same texts in the same run (EVAL.md §4), so
 * that the figure is a ratio that survives a noisy machine.
 *
 *   in process, 1 core       texts in memory, analyzer and wink loaded, median of --rounds passes
 *   in process, all cores    one worker thread per core (os.availableParallelism()), texts split by size;
 *                            each worker warms up on 50 texts and stays alive across the rounds
 *   end to end               `node bin/claimtrace.js analyze <dir> --format jsonl --jobs 1 > /dev/null` versus
 *                            `node dist/bench/wink-pass.js <dir>`, as child processes: counts process start
 *   techniques off           the 1-core and end-to-end passes again with the rhetoric stage left out
 *                            (`rhetoric: false`, CLI `--techniques off`), in the same alternating rounds
 *   stages                   time in each pipeline stage (1-core passes), to say which dominates
 *   pathological             1 MB of `"`, of `(`, and one 1 MB line, at growing sizes (linear or not)
 *
 * Options: --corpus DIR (default ../shared/datasets/polnear/train/text), --rounds N (3),
 * --limit N (first N files), --json, --write-json FILE (also save the figures), --skip-parallel, --skip-e2e, --skip-pathological,
 * --skip-off (no `--techniques off` passes),
 * --timeout S (per pathological input, 60).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAnalyzer } from '../analyze.js';
import { balance, listTextFiles, readCorpus, utf8Bytes } from './corpus.js';
import { formatResult } from './format-bench.js';
import { cpuNowMs, maxRssMb, ratios, throughput, type BenchResult, type Sample, type Throughput } from './measures.js';
import { PATHOLOGICAL_KINDS, type PathologicalKind } from './pathological.js';
import { runPathological, startWorkers, timeChild, type ChildSample } from './processes.js';
import { timeStages } from './timed-stages.js';
import { createWinkTagger } from './wink-tag.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;

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
      'skip-off': { type: 'boolean', default: false },
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
  // The default analyzer's own stages, whatever they are (the CLI and the workers use the same),
  // each wrapped with a clock.
  const plain = createAnalyzer();
  const analyzerLoadMs = performance.now() - t0;
  const clock = timeStages(plain.pipeline.stages);
  const analyzer = createAnalyzer({ stages: clock.stages });
  // The same analysis without persuasion techniques (CLI `--techniques off`), no clocks.
  const withOff = !args['skip-off'];
  const analyzerOff = withOff ? createAnalyzer({ rhetoric: false }) : null;
  t0 = performance.now();
  const tag = createWinkTagger();
  const winkLoadMs = performance.now() - t0;

  const runClaimtrace = (list = articles) => {
    for (const a of list) analyzer.analyze(a);
  };
  const runClaimtraceOff = (list = articles) => {
    for (const a of list) analyzerOff!.analyze(a);
  };
  const runWink = (list = articles) => {
    for (const a of list) tag(a.text);
  };
  // Warm-up: let both reach optimised code before the clock runs.
  runClaimtrace(articles.slice(0, 50));
  if (withOff) runClaimtraceOff(articles.slice(0, 50));
  runWink(articles.slice(0, 50));
  for (const k of clock.ms.keys()) clock.ms.set(k, 0);
  for (const k of clock.cpuMs.keys()) clock.cpuMs.set(k, 0);
  let analyzeMs = 0;
  let analyzeCpuMs = 0;
  const single = { claimtrace: [] as Sample[], claimtraceOff: [] as Sample[], wink: [] as Sample[] };
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
    if (withOff) single.claimtraceOff.push(timed(() => runClaimtraceOff()));
    single.wink.push(timed(() => runWink()));
    const off = withOff ? `, techniques off ${single.claimtraceOff.at(-1)!.ms.toFixed(0)} ms (cpu ${single.claimtraceOff.at(-1)!.cpuMs.toFixed(0)})` : '';
    log(`round ${r + 1}: claimtrace ${c.ms.toFixed(0)} ms (cpu ${c.cpuMs.toFixed(0)})${off}, wink ${single.wink.at(-1)!.ms.toFixed(0)} ms (cpu ${single.wink.at(-1)!.cpuMs.toFixed(0)})`);
  }
  const singleRss = maxRssMb();
  const stageMs = [...clock.ms.entries()].map(([stage, ms]) => ({ stage, ms: ms / rounds, cpuMs: clock.cpuMs.get(stage)! / rounds }));
  const stagesTotal = stageMs.reduce((s, x) => s + x.ms, 0);
  const stagesCpuTotal = stageMs.reduce((s, x) => s + x.cpuMs, 0);
  stageMs.push({ stage: '(rest of analyze, after the stages)', ms: analyzeMs / rounds - stagesTotal, cpuMs: analyzeCpuMs / rounds - stagesCpuTotal });
  const inProcess = {
    claimtrace: throughput(single.claimtrace, n, bytes),
    wink: throughput(single.wink, n, bytes),
  };
  const inProcessOff = withOff ? { claimtrace: throughput(single.claimtraceOff, n, bytes), wink: inProcess.wink } : null;

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
  type ChildThroughput = Throughput & { rssMb: number };
  let endToEnd: { claimtrace: ChildThroughput; wink: ChildThroughput } | null = null;
  let endToEndOff: { claimtrace: ChildThroughput; wink: ChildThroughput } | null = null;
  let endToEndAllCores: { claimtrace: ChildThroughput; jobs: number } | null = null;
  if (!args['skip-e2e']) {
    const cli = join(repoRoot, 'bin', 'claimtrace.js');
    const winkPass = fileURLToPath(new URL('./wink-pass.js', import.meta.url));
    const runs = { claimtrace: [] as ChildSample[], claimtraceOff: [] as ChildSample[], claimtraceAll: [] as ChildSample[], wink: [] as ChildSample[] };
    // `--jobs 1`: one thread, as wink's pass; one worker per core (`--jobs <cores>`) is measured
    // beside it unless --skip-parallel.
    const withAll = !args['skip-parallel'] && cores > 1;
    for (let r = 0; r < rounds; r++) {
      runs.claimtrace.push(await timeChild([cli, 'analyze', dir, '--format', 'jsonl', '--jobs', '1']));
      if (withOff) runs.claimtraceOff.push(await timeChild([cli, 'analyze', dir, '--format', 'jsonl', '--jobs', '1', '--techniques', 'off']));
      if (withAll) runs.claimtraceAll.push(await timeChild([cli, 'analyze', dir, '--format', 'jsonl', '--jobs', String(cores)]));
      runs.wink.push(await timeChild([winkPass, dir]));
      const off = withOff ? `, techniques off ${runs.claimtraceOff.at(-1)!.ms.toFixed(0)} ms` : '';
      const allCores = withAll ? `, all cores ${runs.claimtraceAll.at(-1)!.ms.toFixed(0)} ms` : '';
      log(`end to end ${r + 1}: claimtrace ${runs.claimtrace.at(-1)!.ms.toFixed(0)} ms${off}${allCores}, wink ${runs.wink.at(-1)!.ms.toFixed(0)} ms`);
    }
    // The children read every file of the directory, not only --limit of them.
    const all = await listTextFiles(dir);
    const allBytes = all.length === n ? bytes : all.reduce((s, p) => s + readFileSync(p).length, 0);
    const pick = (xs: ChildSample[]) => ({ ...throughput(xs, all.length, allBytes), rssMb: Math.max(...xs.map((x) => x.rssMb)) });
    endToEnd = { claimtrace: pick(runs.claimtrace), wink: pick(runs.wink) };
    if (withOff) endToEndOff = { claimtrace: pick(runs.claimtraceOff), wink: endToEnd.wink };
    if (withAll) endToEndAllCores = { claimtrace: pick(runs.claimtraceAll), jobs: cores };
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
    inProcessOff: inProcessOff && { ...inProcessOff, ...ratios(inProcessOff) },
    parallel: parallel && { ...parallel, ...ratios(parallel), peakRssMb: parallelRss },
    endToEnd: endToEnd && { ...endToEnd, ...ratios(endToEnd) },
    endToEndOff: endToEndOff && { ...endToEndOff, ...ratios(endToEndOff) },
    endToEndAllCores: endToEndAllCores && endToEnd && { ...endToEndAllCores, ...ratios({ claimtrace: endToEndAllCores.claimtrace, wink: endToEnd.wink }) },
    stages: stageMs.map((s) => ({ ...s, share: s.ms / (analyzeMs / rounds), cpuShare: s.cpuMs / (analyzeCpuMs / rounds) })),
    pathological,
  };
  if (args['write-json']) writeFileSync(args['write-json'], JSON.stringify(result, null, 1) + '\n');
  process.stdout.write(args.json ? JSON.stringify(result, null, 1) + '\n' : formatResult(result) + '\n');
  return 0;
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`claimtrace bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
