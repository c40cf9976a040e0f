/**
 * `npm run bench:ingest`: how fast `claimtrace ingest` reads a WARC of real article pages into a
 * corpus store, beside Mozilla Readability alone on the same pages in the same run (issue 3,
 * item 7), so the figure is a ratio that survives a noisy machine.
 *
 *   WARC          the pages of ../shared/datasets/aeb/html and ../shared/datasets/wcxb/dev/html,
 *                 written as 200 `text/html` response records (one gzip member each) by the repo's
 *                 WARC writer into a temporary directory (never the repo); the target URI is the
 *                 page's URL from the dataset's ground truth
 *   ingest        `ingestPaths([warc])` into a fresh SQLite store: with 1 analysis worker, then with
 *                 one per core (`os.availableParallelism()`, or --jobs); counts worker start-up,
 *                 reading the WARC, extraction, analysis and every store write
 *   Readability   linkedom parse + `Readability.parse()` (./ingest-readability.ts) over the same
 *                 pages, decoded beforehand: in this thread, then split by size over one worker
 *                 thread per core (started and loaded before the clock starts)
 *
 * For each: pages, pages/s, MB/s (of HTML), wall and CPU time (user + system, all threads of the
 * process) and peak RSS (sampled during that pass). Skips, and exits 0, when ../shared is missing.
 *
 * Options: --shared DIR (default ../shared, or $CLAIMTRACE_SHARED), --limit N (first N pages),
 * --jobs N (the all-cores run), --rounds N (Readability passes, median; default 3),
 * --skip-parallel, --json, --write-json FILE, --keep (keep the temporary directory).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { ingestPaths } from '../corpus/ingest.js';
import { decodeBytes } from '../ingest/decode-bytes.js';
import { httpResponseBlock, warcFieldsBlock, writeWarcRecord } from '../sources/warc/write-warc.js';
import { openCorpusStore } from '../store/index.js';
import { VERSION } from '../version.js';
import { readabilityOnly } from './ingest-readability.js';
import type { ReadabilityWorkerData, ReadabilityWorkerReport } from './ingest-readability-worker.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const MB = 1024 * 1024;

export interface BenchPage {
  readonly set: 'aeb' | 'wcxb';
  readonly id: string;
  readonly url: string;
  readonly html: Buffer;
}

export interface PassResult {
  readonly pages: number;
  readonly ms: number;
  readonly cpuMs: number;
  readonly pagesPerS: number;
  readonly mbPerS: number;
  readonly peakRssMb: number;
}

export interface IngestPassResult extends PassResult {
  readonly jobs: number;
  readonly stored: number;
  readonly unchanged: number;
  readonly newVersions: number;
  readonly failed: number;
  /** Failures by code (`E_NO_ARTICLE` …). */
  readonly failures: Readonly<Record<string, number>>;
  readonly quotes: number;
}

export interface IngestBenchResult {
  readonly commit: string;
  readonly version: string;
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string; readonly loadAvg: readonly [number, number] };
  readonly pages: { readonly aeb: number; readonly wcxb: number; readonly htmlMb: number; readonly warcMb: number; readonly warcBuildMs: number };
  readonly ingest: { readonly oneWorker: IngestPassResult; readonly allCores: IngestPassResult | null };
  readonly readability: { readonly rounds: number; readonly oneCore: PassResult; readonly allCores: (PassResult & { readonly workers: number }) | null; readonly articlesFound: number };
  /** Readability's speed over ingest's (how many times faster Readability alone is), by wall and by CPU time. */
  readonly ratios: { readonly oneCore: { readonly wall: number; readonly cpu: number }; readonly allCores: { readonly wall: number; readonly cpu: number } | null };
}

const cpuNowMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Peak resident set size during one pass: sampled on a timer and wherever `sample()` is called. */
class RssPeak {
  private peak = process.memoryUsage.rss();
  private readonly timer = setInterval(() => this.sample(), 20);
  sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
  }
  stop(): number {
    clearInterval(this.timer);
    this.sample();
    return this.peak / MB;
  }
}

function pass(pages: number, bytes: number, ms: number, cpuMs: number, peakRssMb: number): PassResult {
  return { pages, ms, cpuMs, pagesPerS: pages / (ms / 1000), mbPerS: bytes / MB / (ms / 1000), peakRssMb };
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The benchmark's pages: aeb's HTML, then wcxb dev's, each in file-name order. */
export function listBenchPages(shared: string, limit = Infinity): BenchPage[] {
  const pages: BenchPage[] = [];
  const aebDir = join(shared, 'datasets', 'aeb');
  const aebTruth = readJson(join(aebDir, 'ground-truth.json')) as Record<string, { url?: string }> | null;
  for (const file of htmlFiles(join(aebDir, 'html'))) {
    const id = basename(file).replace(/\.html(\.gz)?$/, '');
    pages.push({ set: 'aeb', id, url: aebTruth?.[id]?.url ?? `https://aeb.bench.invalid/${id}`, html: readHtml(file) });
    if (pages.length >= limit) return pages;
  }
  const wcxbDir = join(shared, 'datasets', 'wcxb', 'dev');
  for (const file of htmlFiles(join(wcxbDir, 'html'))) {
    const id = basename(file).replace(/\.html(\.gz)?$/, '');
    const truth = readJson(join(wcxbDir, 'ground-truth', `${id}.json`)) as { url?: string } | null;
    pages.push({ set: 'wcxb', id, url: truth?.url ?? `https://wcxb.bench.invalid/${id}`, html: readHtml(file) });
    if (pages.length >= limit) return pages;
  }
  return pages;
}

function htmlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.html(\.gz)?$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

function readHtml(file: string): Buffer {
  const bytes = readFileSync(file);
  return file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Writes the pages as a `.warc.gz` of 200 `text/html` responses (after a warcinfo record). */
export async function writeBenchWarc(pages: readonly BenchPage[], path: string): Promise<void> {
  const out = createWriteStream(path);
  const date = new Date('2026-01-01T00:00:00Z');
  await writeWarcRecord(out, { type: 'warcinfo', block: warcFieldsBlock({ software: `claimtrace ${VERSION} ingest bench`, format: 'WARC File Format 1.0' }), date }, { gzip: true });
  for (const p of pages) {
    const block = httpResponseBlock({ status: 200, headers: [['Content-Type', 'text/html'], ['Content-Length', String(p.html.length)]], body: p.html });
    await writeWarcRecord(out, { type: 'response', targetUri: p.url, block, date }, { gzip: true });
  }
  await new Promise<void>((ok, fail) => out.once('error', fail).end(() => ok()));
}

async function ingestPass(warc: string, db: string, jobs: number, bytes: number): Promise<IngestPassResult> {
  const store = await openCorpusStore(db);
  try {
    const rss = new RssPeak();
    const c0 = cpuNowMs();
    const t0 = performance.now();
    let peak = 0;
    const summary = await ingestPaths([warc], { store, jobs }).finally(() => {
      peak = rss.stop();
    });
    const ms = performance.now() - t0;
    const cpuMs = cpuNowMs() - c0;
    return {
      ...pass(summary.processed, bytes, ms, cpuMs, peak),
      jobs,
      stored: summary.ingested + summary.newVersions,
      unchanged: summary.unchanged,
      newVersions: summary.newVersions,
      failed: summary.failed.length,
      failures: Object.fromEntries([...new Set(summary.failed.map((f) => f.code))].map((code) => [code, summary.failed.filter((f) => f.code === code).length])),
      quotes: (await store.stats()).quotes,
    };
  } finally {
    await store.close();
  }
}

function readabilityInProcess(html: readonly string[], bytes: number, rounds: number): { result: PassResult; found: number } {
  const samples: { ms: number; cpuMs: number }[] = [];
  let found = 0;
  const rss = new RssPeak();
  for (let r = 0; r < rounds; r++) {
    found = 0;
    const c0 = cpuNowMs();
    const t0 = performance.now();
    for (const page of html) {
      if (readabilityOnly(page) > 0) found++;
      rss.sample();
    }
    samples.push({ ms: performance.now() - t0, cpuMs: cpuNowMs() - c0 });
  }
  const peak = rss.stop();
  return { result: pass(html.length, bytes, median(samples.map((s) => s.ms)), median(samples.map((s) => s.cpuMs)), peak), found };
}

function startReadabilityWorker(pages: readonly string[]): Worker {
  const own = import.meta.url;
  const workerData: ReadabilityWorkerData = { pages };
  if (!/\.ts$/.test(new URL(own).pathname)) return new Worker(new URL('./ingest-readability-worker.js', own), { workerData });
  // From the TypeScript sources (tsx): Node 20 workers cannot load .ts with --import alone.
  const api = import.meta.resolve('tsx/esm/api');
  const target = new URL('./ingest-readability-worker.ts', own).href;
  return new Worker(`import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(target)}, ${JSON.stringify(target)}));`, { eval: true, workerData });
}

async function readabilityInWorkers(html: readonly string[], bytes: number, workers: number, rounds: number): Promise<PassResult & { workers: number }> {
  // Split by size, largest first onto the least loaded worker, so they finish together.
  const groups: string[][] = Array.from({ length: workers }, () => []);
  const load = new Array<number>(workers).fill(0);
  for (const page of [...html].sort((a, b) => b.length - a.length)) {
    const k = load.indexOf(Math.min(...load));
    groups[k]!.push(page);
    load[k]! += page.length;
  }
  const pool = groups.map((g) => startReadabilityWorker(g));
  const next = (w: Worker, type: ReadabilityWorkerReport['type']) =>
    new Promise<ReadabilityWorkerReport>((ok, fail) => {
      const onMessage = (m: ReadabilityWorkerReport) => {
        if (m.type !== type) return;
        w.off('message', onMessage);
        w.off('error', fail);
        ok(m);
      };
      w.on('message', onMessage);
      w.once('error', fail);
    });
  try {
    await Promise.all(pool.map((w) => next(w, 'ready')));
    const samples: { ms: number; cpuMs: number }[] = [];
    const rss = new RssPeak();
    for (let r = 0; r < rounds; r++) {
      const c0 = cpuNowMs();
      const t0 = performance.now();
      const done = Promise.all(pool.map((w) => next(w, 'done')));
      for (const w of pool) w.postMessage('go');
      await done;
      samples.push({ ms: performance.now() - t0, cpuMs: cpuNowMs() - c0 });
    }
    const peak = rss.stop();
    return { ...pass(html.length, bytes, median(samples.map((s) => s.ms)), median(samples.map((s) => s.cpuMs)), peak), workers };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

function commitOf(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // Run from an export of the tree (`git archive`): the caller names the commit.
    return process.env.CLAIMTRACE_COMMIT ?? 'unknown';
  }
}

export function formatIngestBench(r: IngestBenchResult): string {
  const row = (name: string, p: PassResult) =>
    `${name.padEnd(40)}${p.pagesPerS.toFixed(1).padStart(9)}${p.mbPerS.toFixed(2).padStart(8)}${(p.ms / 1000).toFixed(1).padStart(9)}${(p.cpuMs / 1000).toFixed(1).padStart(8)}${p.peakRssMb.toFixed(0).padStart(10)}\n`;
  const i1 = r.ingest.oneWorker;
  const iN = r.ingest.allCores;
  let out =
    `ingest bench @ ${r.commit} (claimtrace ${r.version}), ${r.machine.cores} cores (${r.machine.cpu}), node ${r.machine.node}, load ${r.machine.loadAvg[0].toFixed(1)} → ${r.machine.loadAvg[1].toFixed(1)}\n` +
    `pages: ${r.pages.aeb} aeb + ${r.pages.wcxb} wcxb dev = ${r.pages.aeb + r.pages.wcxb}, ${r.pages.htmlMb.toFixed(1)} MB of HTML; WARC ${r.pages.warcMb.toFixed(1)} MB (.warc.gz) written in ${(r.pages.warcBuildMs / 1000).toFixed(1)} s\n` +
    `ingest: ${i1.stored} stored, ${i1.unchanged} unchanged (same text under another URL), ${i1.failed} failed${i1.failed ? ` (${Object.entries(i1.failures).map(([c, n]) => `${c} ${n}`).join(', ')})` : ''}, ${i1.quotes} quotes; Readability found an article in ${r.readability.articlesFound}\n\n` +
    `${''.padEnd(40)}${'pages/s'.padStart(9)}${'MB/s'.padStart(8)}${'wall s'.padStart(9)}${'CPU s'.padStart(8)}${'peak RSS'.padStart(10)}\n` +
    row('claimtrace ingest, 1 worker', i1) +
    (iN ? row(`claimtrace ingest, ${iN.jobs} workers`, iN) : '') +
    row(`Readability alone, 1 core (median of ${r.readability.rounds})`, r.readability.oneCore) +
    (r.readability.allCores ? row(`Readability alone, ${r.readability.allCores.workers} workers`, r.readability.allCores) : '');
  out += `\nReadability alone is ${r.ratios.oneCore.wall.toFixed(1)}× as fast as ingest on 1 core (CPU time ${r.ratios.oneCore.cpu.toFixed(1)}×)`;
  if (r.ratios.allCores) out += `, ${r.ratios.allCores.wall.toFixed(1)}× on all cores (CPU time ${r.ratios.allCores.cpu.toFixed(1)}×)`;
  if (iN) out += `; ingest speed-up 1 → ${iN.jobs} workers ${(i1.ms / iN.ms).toFixed(2)}×`;
  return out + '\n';
}

async function main(argv: readonly string[]): Promise<number> {
  const { values: args } = parseArgs({
    args: [...argv],
    options: {
      shared: { type: 'string' },
      limit: { type: 'string' },
      jobs: { type: 'string' },
      rounds: { type: 'string', default: '3' },
      'skip-parallel': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'write-json': { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const log = (s: string) => process.stderr.write(`bench:ingest: ${s}\n`);
  const shared = resolve(args.shared ?? process.env.CLAIMTRACE_SHARED ?? resolve(repoRoot, '..', 'shared'));
  const limit = args.limit === undefined ? Infinity : Number(args.limit);
  const pages = existsSync(shared) ? listBenchPages(shared, limit) : [];
  if (pages.length === 0) {
    log(`no pages under ${join(shared, 'datasets')} (aeb/html, wcxb/dev/html): skipped.`);
    return 0;
  }
  const cores = args.jobs === undefined ? availableParallelism() : Number(args.jobs);
  const rounds = Math.max(1, Number(args.rounds));
  const load0 = loadavg()[0]!;
  const bytes = pages.reduce((n, p) => n + p.html.length, 0);

  const dir = mkdtempSync(join(tmpdir(), 'claimtrace-ingest-bench-'));
  try {
    const warc = join(dir, 'pages.warc.gz');
    let t0 = performance.now();
    await writeBenchWarc(pages, warc);
    const warcBuildMs = performance.now() - t0;
    log(`${pages.length} pages, ${(bytes / MB).toFixed(1)} MB of HTML → ${warc} (${(statSync(warc).size / MB).toFixed(1)} MB) in ${(warcBuildMs / 1000).toFixed(1)} s`);

    log('ingest, 1 worker …');
    const oneWorker = await ingestPass(warc, join(dir, 'one.db'), 1, bytes);
    log(`  ${oneWorker.pagesPerS.toFixed(1)} pages/s`);
    let allCores: IngestPassResult | null = null;
    if (!args['skip-parallel'] && cores > 1) {
      log(`ingest, ${cores} workers …`);
      allCores = await ingestPass(warc, join(dir, 'all.db'), cores, bytes);
      log(`  ${allCores.pagesPerS.toFixed(1)} pages/s`);
    }

    // The pages as ingest decodes them (HTTP gives no charset; decodeBytes reads the bytes).
    const html = pages.map((p) => decodeBytes(p.html, { name: p.id }).text);
    log(`Readability alone, 1 core, ${rounds} rounds …`);
    t0 = performance.now();
    const inProcess = readabilityInProcess(html, bytes, rounds);
    log(`  ${inProcess.result.pagesPerS.toFixed(1)} pages/s`);
    let rAll: (PassResult & { workers: number }) | null = null;
    if (!args['skip-parallel'] && cores > 1) {
      log(`Readability alone, ${cores} workers …`);
      rAll = await readabilityInWorkers(html, bytes, cores, rounds);
      log(`  ${rAll.pagesPerS.toFixed(1)} pages/s`);
    }

    const result: IngestBenchResult = {
      commit: commitOf(),
      version: VERSION,
      machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), node: process.version, loadAvg: [load0, loadavg()[0]!] },
      pages: { aeb: pages.filter((p) => p.set === 'aeb').length, wcxb: pages.filter((p) => p.set === 'wcxb').length, htmlMb: bytes / MB, warcMb: statSync(warc).size / MB, warcBuildMs },
      ingest: { oneWorker, allCores },
      readability: { rounds, oneCore: inProcess.result, allCores: rAll, articlesFound: inProcess.found },
      ratios: {
        oneCore: { wall: oneWorker.ms / inProcess.result.ms, cpu: oneWorker.cpuMs / inProcess.result.cpuMs },
        allCores: allCores && rAll ? { wall: allCores.ms / rAll.ms, cpu: allCores.cpuMs / rAll.cpuMs } : null,
      },
    };
    if (args['write-json']) writeFileSync(args['write-json'], JSON.stringify(result, null, 2) + '\n');
    process.stdout.write(args.json ? JSON.stringify(result, null, 2) + '\n' : formatIngestBench(result));
    return 0;
  } finally {
    if (args.keep) log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (status) => process.exit(status),
    (e: unknown) => {
      process.stderr.write(`bench:ingest: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(70);
    },
  );
}
