import { stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError, Option } from 'commander';
import { createAnalyzer, type Analyzer } from '../analyze.js';
import type { ProvenanceMap } from '../contract/schema.js';
import { SCHEMA_VERSION } from '../contract/schema-version.js';
import { ClaimtraceError, isClaimtraceError } from '../core/diagnostics.js';
import type { ArticleInput } from '../core/document.js';
import { listArticleFiles } from '../ingest/list-article-files.js';
import { readArticle } from '../ingest/read-article.js';
import { VERSION } from '../version.js';
import { parseSize } from './parse-size.js';

type Format = 'text' | 'json' | 'jsonl' | 'md';

type TechniquesMode = 'balanced' | 'high-precision' | 'off';

interface AnalyzeOptions {
  format: Format;
  maxBytes: string;
  color: boolean;
  techniques: TechniquesMode;
  sourceMap?: boolean;
  jobs?: string;
}

const techniquesOption = () =>
  new Option('--techniques <mode>', 'persuasion techniques: balanced, high-precision (fewer, surer spans) or off (faster)')
    .choices(['balanced', 'high-precision', 'off'])
    .default('balanced');

function analyzerFor(mode: TechniquesMode): Analyzer {
  return createAnalyzer({ rhetoric: mode === 'off' ? false : { mode } });
}

export const DEFAULT_MAX_BYTES = '20MB';

/**
 * V8 optimises a function once it has run enough (its interrupt budget); claimtrace's many rules
 * are each run a little per article, and over a few hundred articles in one process V8's default
 * budget (66 KB in Node 20) had it spend more CPU optimising and re-optimising them (on its
 * compiler threads) than the optimised code saved: 1,000,000 (`3960a9d`) took 5.5-5.8 → 4.0-4.1 s
 * CPU with techniques off, 8.5-8.7 → 6.7-7.1 s with them on. With the analysis as it is now,
 * 1,000,000 left too much running unoptimised on the main thread (only about 140 functions were
 * ever optimised in a run over the 840 PolNeAR train texts): 350,000 took the default analysis
 * from 5.27 → 4.59 s wall and 6.17 → 5.95 s CPU (medians of 5, quiet machine), with 250,000 and
 * 500,000 no better; on a busy machine the wall time was about the same and the CPU time within
 * 2%, the main thread's always 0.4-0.7 s less. The output is the same byte for byte (tiering
 * changes no results). Set before any analysis code runs; this flag is read at run time.
 */
function tuneJit(): void {
  setFlagsFromString('--interrupt-budget=350000');
}

/** Commands that need neither the corpus nor the web commands registered. */
const LIGHT_COMMANDS = new Set(['analyze', 'report', 'schema']);

/** Exit statuses: 0 done, 1 an input the user named could not be analysed, 2 misuse, 70 a bug. */
export const EXIT = { ok: 0, inputFailed: 1, usage: 2, internal: 70 } as const;

/**
 * The command line. Returns the exit status instead of exiting, so it can be tested in
 * process; only this module parses argv and writes to the terminal.
 */
export async function main(argv: readonly string[], io?: CliIo): Promise<number> {
  // A real `claimtrace analyze` process (not a test calling main): see tuneJit.
  if (io === undefined && LIGHT_COMMANDS.has(argv[0] ?? '')) tuneJit();
  io ??= processIo();
  let status: number = EXIT.ok;
  const program = new Command()
    .name('claimtrace')
    .description('Shows what a news or opinion article rests on: quotations, speakers, cited sources and outlets.')
    .version(VERSION, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showHelpAfterError('(run `claimtrace --help` for usage)');

  program
    .command('analyze')
    .description('Analyse articles (.txt, .html, .htm files, directories, or - for stdin) into provenance maps.')
    .argument('<inputs...>', 'files, directories (searched recursively), http(s) URLs (fetched politely) or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'jsonl', 'md']).default('text'))
    .option('--max-bytes <size>', 'refuse files larger than this (e.g. 20MB, 512KB)', DEFAULT_MAX_BYTES)
    .option('--no-color', 'no colours in the text format')
    .option('--source-map', 'HTML: add sourceMap[], where each paragraph came from in the page (for highlighting it in place)')
    .addOption(techniquesOption())
    .option('-j, --jobs <n>', 'worker threads for many files (default: one per core but one, at most one per 100 files; 1 analyses them one by one in this thread)')
    .action(async (inputs: string[], options: AnalyzeOptions) => {
      status = await analyzeCommand(inputs, options, io);
    });

  program
    .command('report')
    .description('Write one article as a self-contained HTML page: its text with quotations, speakers, sources and other layers drawn on it.')
    .argument('<input>', 'a .txt, .html or .htm file, an http(s) URL, or - for standard input')
    .requiredOption('-o, --output <file>', 'the HTML file to write (- for standard output)')
    .option('--max-bytes <size>', 'refuse files larger than this (e.g. 20MB, 512KB)', DEFAULT_MAX_BYTES)
    .addOption(techniquesOption())
    .action(async (input: string, options: ReportOptions) => {
      status = await reportCommand(input, options, io);
    });

  program
    .command('schema')
    .description(`Print the JSON Schema of the provenance map (version ${SCHEMA_VERSION}).`)
    .action(async () => {
      const { provenanceMapJsonSchema } = await import('../contract/schema.js');
      io.out(JSON.stringify(provenanceMapJsonSchema(), null, 2) + '\n');
    });

  // Process start counts (`claimtrace analyze` is often run once per file): the corpus and web
  // commands, the report, the formats and the Zod schema are loaded only when asked for.
  if (!LIGHT_COMMANDS.has(argv[0] ?? '')) {
    const [{ registerCorpusCommands }, { registerServeCommand }] = await Promise.all([import('./corpus-commands.js'), import('../web/serve-command.js')]);
    registerCorpusCommands(program, io);
    registerServeCommand(program, io);
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isClaimtraceError(e)) {
      io.err(`claimtrace: ${e.code}: ${e.message}\n`);
      return e.code === 'E_USAGE' ? EXIT.usage : EXIT.inputFailed;
    }
    throw e;
  }
  return status;
}

interface ReportOptions {
  output: string;
  maxBytes: string;
  techniques: TechniquesMode;
}

/** `claimtrace report <input> -o report.html`: one article, one HTML file. */
async function reportCommand(input: string, options: ReportOptions, io: CliIo): Promise<number> {
  const article = await readInput(input, parseSize(options.maxBytes));
  const map = analyzerFor(options.techniques).analyze(article);
  const { renderReport } = await import('../report/index.js');
  const html = renderReport(map);
  if (options.output === '-') {
    await io.out(html);
    return EXIT.ok;
  }
  try {
    await writeFile(options.output, html, 'utf8');
  } catch (e) {
    throw new ClaimtraceError('E_WRITE', `Cannot write ${options.output}: ${e instanceof Error ? e.message : String(e)}`);
  }
  io.err(`claimtrace: wrote ${options.output} (${map.quotes.length} quotations, ${map.citations.length} citations, ${map.outlets.length} outlets)\n`);
  return EXIT.ok;
}

interface Target {
  readonly path: string;
  /** True when the file was found by walking a directory (failures are recorded, not fatal). */
  readonly fromDirectory: boolean;
}

/** `--jobs`: a whole number of at least 1; undefined when not given (see {@link defaultJobs}). */
function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ClaimtraceError('E_USAGE', `--jobs takes a whole number of at least 1, not \`${value}\``);
  return n;
}

/**
 * Files a worker thread must have before `analyze` starts one: a worker takes about 0.3 s to
 * start and warm up, the time this thread needs for about 100 articles (measured: 40 PolNeAR
 * files took 0.65 s in this thread and 0.96 s with two workers).
 */
export const MIN_FILES_PER_WORKER = 100;

/**
 * Worker threads when `--jobs` is not given: one per core but one (left to this thread, which
 * reads and writes, and to V8's compiler threads), and no more than the files can keep busy. On a
 * 2-core machine that is none: two workers analysed the 840 PolNeAR train texts no faster than
 * this thread (3.67 against 3.81 s) for 41% more CPU time (docs/speed.md).
 */
export function defaultJobs(files: number, cores = availableParallelism()): number {
  return Math.max(1, Math.min(cores - 1, Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** A file on disk (not `-`, not a URL): what a worker thread can read by itself. */
const isLocalFile = (path: string): boolean => path !== '-' && !/^https?:\/\//i.test(path);

async function analyzeCommand(inputs: string[], options: AnalyzeOptions, io: CliIo): Promise<number> {
  const maxBytes = parseSize(options.maxBytes);
  const requestedJobs = parseJobs(options.jobs);
  let analyzer: Analyzer | null = null;
  const targets: Target[] = [];
  let status: number = EXIT.ok;

  for (const input of inputs) {
    if (input !== '-' && (await isDirectory(input))) {
      try {
        for (const file of await listArticleFiles(input)) targets.push({ path: file, fromDirectory: true });
      } catch (e) {
        status = EXIT.inputFailed;
        await reportFailure(io, options.format, input, e);
      }
    } else {
      targets.push({ path: input, fromDirectory: false });
    }
  }
  const many = targets.length > 1 || targets.some((t) => t.fromDirectory);
  const jsonArray: unknown[] = [];
  let failed = 0;
  const formatMarkdown = options.format === 'md' ? (await import('../format/markdown.js')).formatMarkdown : null;
  const formatTerminal = options.format !== 'json' && options.format !== 'jsonl' && options.format !== 'md' ? (await import('../format/terminal.js')).formatTerminal : null;

  // Many files on disk: analysed in worker threads (`--jobs`), a few per worker queued ahead;
  // stdin, URLs and single files in this thread, the next one read while this one is analysed.
  // Either way the results come out in the order of the inputs.
  const localFiles = targets.filter((t) => isLocalFile(t.path)).length;
  // worker threads: no more than the files on disk; none for one file
  const poolSize = Math.min(requestedJobs ?? defaultJobs(localFiles), localFiles);
  const workers = poolSize > 1 ? await import('../corpus/worker-pool.js') : null;
  const pool =
    workers?.createWorkerPool({
      size: poolSize,
      maxBytes,
      analyzerModule: null,
      checkUnchanged: async () => null,
      timeoutMs: workers.DEFAULT_TIMEOUT_MS,
      rhetoric: options.techniques === 'off' ? false : { mode: options.techniques },
      sourceMap: options.sourceMap === true,
      // JSON Lines: each worker writes its maps as JSON, so this thread only copies strings out
      ...(options.format === 'jsonl' ? { serialize: 'json' as const } : {}),
    }) ?? null;
  // Each input is started a few ahead of the one being written (a worker's job, or reading the
  // file); the analysis in this thread runs when its turn comes.
  const started = new Map<number, () => Promise<ProvenanceMap | string>>();
  const window = pool ? 3 * poolSize : 1;
  const start = (t: Target): (() => Promise<ProvenanceMap | string>) => {
    if (pool && isLocalFile(t.path)) {
      const done = pool.analyze(t.path).then((outcome) => {
        if (outcome.kind === 'map') return outcome.map;
        if (outcome.kind === 'json') return outcome.json;
        if (outcome.kind === 'failed') throw new ClaimtraceError(outcome.code, outcome.message);
        throw new ClaimtraceError('E_INTERNAL', `Expected a provenance map of ${t.path}, not a stored result`);
      });
      done.catch(() => {}); // handled when awaited, in turn
      return () => done;
    }
    const reading = readInput(t.path, maxBytes, options.sourceMap === true);
    reading.catch(() => {}); // handled when awaited, in turn
    return async () => {
      const article = await reading;
      analyzer ??= analyzerFor(options.techniques);
      return analyzer.analyze(article);
    };
  };
  let queued = 0;
  try {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[i]!;
      for (; queued < targets.length && queued <= i + window; queued++) started.set(queued, start(targets[queued]!));
      const result = started.get(i)!;
      started.delete(i);
      let map: ProvenanceMap;
      try {
        const done = await result();
        if (typeof done === 'string') {
          await io.out(done + '\n'); // JSON Lines, written by the worker
          continue;
        }
        map = done;
      } catch (e) {
        if (!isClaimtraceError(e) && !(e instanceof Error)) throw e;
        failed++;
        if (!target.fromDirectory) status = EXIT.inputFailed;
        if (options.format === 'json' && many) jsonArray.push(failureRecord(target.path, e));
        else await reportFailure(io, options.format, target.path, e);
        continue;
      }
      switch (options.format) {
        case 'jsonl':
          await io.out(JSON.stringify(map) + '\n');
          break;
        case 'json':
          if (many) jsonArray.push(map);
          else await io.out(JSON.stringify(map, null, 2) + '\n');
          break;
        case 'md':
          await io.out(formatMarkdown!(map) + (many ? '\n---\n\n' : ''));
          break;
        default:
          await io.out(formatTerminal!(map, { color: options.color && io.isTTY }) + (many ? '\n' : ''));
      }
    }
  } finally {
    await pool?.close();
  }
  if (options.format === 'json' && many) await io.out(JSON.stringify(jsonArray, null, 2) + '\n');
  if (many && failed > 0) io.err(`claimtrace: ${failed} of ${targets.length} inputs could not be analysed (see the records above).\n`);
  if (targets.length === 0) io.err('claimtrace: no .txt, .html or .htm files found in the given directories.\n');
  return status;
}

/** A line in JSON Lines output that records a failed input: same `source.path`, an `error`. */
export function failureRecord(path: string, e: unknown): { schemaVersion: string; source: { path: string }; error: { code: string; message: string } } {
  const code = isClaimtraceError(e) ? e.code : 'E_INTERNAL';
  const message = e instanceof Error ? e.message : String(e);
  return { schemaVersion: SCHEMA_VERSION, source: { path }, error: { code, message } };
}

async function reportFailure(io: CliIo, format: Format, path: string, e: unknown): Promise<void> {
  const record = failureRecord(path, e);
  if (format === 'jsonl') await io.out(JSON.stringify(record) + '\n');
  io.err(`claimtrace: ${record.error.code}: ${record.error.message}\n`);
  if (!isClaimtraceError(e) && process.env.CLAIMTRACE_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
}

/**
 * A file, `-`, or an `http(s)://` URL: the page is fetched once, politely (robots.txt obeyed,
 * timeouts, retries), and read like a saved page. The fetcher is loaded only for a URL.
 */
async function readInput(input: string, maxBytes: number, sourceMap = false): Promise<ArticleInput> {
  if (/^https?:\/\//i.test(input)) {
    const { fetchArticle } = await import('../sources/fetch/fetch-article.js');
    return fetchArticle(input, { maxBytes, sourceMap });
  }
  return readArticle(input, { maxBytes, sourceMap });
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false; // readArticle reports a missing path with its own code
  }
}

export interface CliIo {
  /** Resolves once the output can take more (back-pressure on pipes). */
  out(s: string): void | Promise<void>;
  err(s: string): void;
  readonly isTTY: boolean;
}

function processIo(): CliIo {
  // `claimtrace analyze dir | head` closes the pipe early: stop quietly, not with EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  return {
    out: (s) => (process.stdout.write(s) ? undefined : new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()))),
    err: (s) => void process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
  };
}

export { ClaimtraceError };
