import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { stat } from 'node:fs/promises';
import { glob } from 'tinyglobby';
import { ClaimtraceError, isClaimtraceError } from '../core/diagnostics.js';
import { listArticleFiles } from '../ingest/list-article-files.js';
import { DEFAULT_MAX_BYTES } from '../ingest/read-article.js';
import { fetchArticles, type FetchedArticle, type UrlToFetch } from '../sources/fetch/fetch-articles.js';
import { createFetcher, type FetcherOptions } from '../sources/fetch/fetcher.js';
import { isUrl, readUrlList, URL_LIST_FILE } from '../sources/fetch/read-url-list.js';
import { pagesInWarc, WarcOutput } from '../sources/fetch/warc-output.js';
import { isContainerFile, listArticleLocations } from '../sources/locate-articles.js';
import type { CorpusStore, PutArticleResult } from '../store/types.js';
import { analyzeFile, failure, type ArticleAnalyzer, type FileOutcome } from './analyze-file.js';
import { createWorkerPool, DEFAULT_TIMEOUT_MS } from './worker-pool.js';
import type { WorkerOutcome } from './worker-messages.js';

export interface IngestOptions {
  readonly store: CorpusStore;
  /**
   * Analyse in this thread with this analyzer (tests, tiny runs). Without it, files are analysed
   * in `jobs` worker threads, each with its own `createAnalyzer()`.
   */
  readonly analyzer?: ArticleAnalyzer;
  /** Worker threads (default: one per core, `os.availableParallelism()`). */
  readonly jobs?: number;
  /** A module exporting `createAnalyzer()` for the workers (default: claimtrace's own). */
  readonly analyzerModule?: string;
  readonly maxBytes?: number;
  /**
   * Analyse every file again, even texts already stored, and store a new version where the
   * stored one was made by another claimtrace version (after an upgrade of the analysis).
   */
  readonly reanalyze?: boolean;
  /** One file taking longer than this is skipped with `E_TIMEOUT` (default 120 s; workers only). */
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: IngestProgress) => void;
  /** Stops after the article being written; the summary then has `stopped: true`. */
  readonly signal?: AbortSignal;
  /**
   * Fetch URLs (named in `paths`, in URL lists, feed links): every response is kept in the WARC
   * at `warcPath` and the pages are analysed from there. Without it URLs fail with `E_NEEDS_FETCH`.
   */
  readonly fetch?: IngestFetchOptions;
  /** Files of URLs, one a line (`#` comments), besides the `*.urls` files in `paths`. */
  readonly urlLists?: readonly string[];
  /** Called as each URL is fetched (or failed), before analysis begins. */
  readonly onFetched?: (progress: { readonly done: number; readonly total: number; readonly url: string; readonly ok: boolean }) => void;
}

export interface IngestFetchOptions extends Omit<FetcherOptions, 'warc' | 'maxBytes'> {
  /** The WARC (`.warc.gz`) fetched responses are appended to. */
  readonly warcPath: string;
  /** Fetch URLs again even when the WARC holds their page from an earlier run (default: take it from there). */
  readonly refetch?: boolean;
}

export interface IngestProgress {
  readonly total: number;
  readonly done: number;
  readonly ingested: number;
  readonly unchanged: number;
  readonly newVersions: number;
  readonly failed: number;
  readonly elapsedMs: number;
  /** The file just written. */
  readonly path: string;
}

export interface IngestFailure {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  /** True for a path the caller named (a file or directory in `paths`), not one found inside a directory. */
  readonly named: boolean;
}

export interface IngestSummary {
  /** Article files found under the paths. */
  readonly files: number;
  /** Files written (stored, unchanged or failed) before the run ended or was stopped. */
  readonly processed: number;
  readonly ingested: number;
  readonly unchanged: number;
  readonly newVersions: number;
  readonly failed: readonly IngestFailure[];
  readonly elapsedMs: number;
  readonly stopped: boolean;
}

export { DEFAULT_TIMEOUT_MS };

const DIRECTORY_CONTAINER_FILE = /\.(warc(\.gz)?|rss|atom)$/i;
const ARTICLE_OR_CONTAINER_FILE = /\.(txt|html?)(\.gz)?$|\.(warc(\.gz)?|rss|atom)$/i;
const isGlob = (p: string) => /[*?[\]{}]/.test(p);

// Articles written in one commit at most, and for at most this long.
const MAX_BATCH = 64;
const MAX_BATCH_MS = 250;

/**
 * Reads, analyses and stores every article under `paths`: files, directories, globs, WARCs,
 * feeds, and (with `fetch`) URLs, URL lists and feed links, fetched first into a WARC.
 *
 * Analysis runs in worker threads; the store is written from this thread only, in input order
 * (so ids are the same on every run of the same input), each article all-or-nothing and the
 * articles ready at once committed together. At most a few files per worker are in flight, so
 * memory stays bounded on any corpus size. A file that
 * cannot be read or analysed is recorded as a failure and the run goes on; a store error (full
 * disk, read-only database) stops the run and is thrown, with everything written so far kept.
 * Running again over the same files stores nothing twice, so an interrupted run is resumed by
 * running it again.
 */
export async function ingestPaths(paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const started = Date.now();
  const { store } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const jobs = options.jobs ?? availableParallelism();
  if (!Number.isInteger(jobs) || jobs < 1) throw new TypeError(`Expected \`jobs\` to be a positive integer, not \`${jobs}\``);

  const failed: IngestFailure[] = [];
  const counts = { ingested: 0, unchanged: 0, newVersions: 0 };
  const { files, named, urls } = await collectFiles(paths, options.urlLists ?? [], failed, maxBytes, options.fetch !== undefined);
  for (const f of failed) await store.recordFailure(f.path, f.code, f.message);

  // URLs are fetched while the pages already in the WARC are analysed: each page joins `files`
  // when its response is written, and the loop below waits for more until fetching is done.
  // Ctrl-C (or a store error) stops new requests; what was fetched stays in the WARC for the rerun.
  let wake: (() => void) | null = null;
  const wakeUp = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const fetchStop = new AbortController();
  const onAbort = () => {
    fetchStop.abort();
    wakeUp();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) fetchStop.abort();
  const fetchFailures: IngestFailure[] = [];
  let fetchDone = urls.length === 0;
  let fetchError: { error: unknown } | null = null;
  const fetching =
    urls.length === 0
      ? Promise.resolve()
      : fetchUrls(urls, { files, named, failures: fetchFailures, maxBytes, options, signal: fetchStop.signal, onAdded: wakeUp })
          .catch((error: unknown) => void (fetchError = { error }))
          .finally(() => {
            fetchDone = true;
            wakeUp();
          });

  const checkUnchanged = (ref: Parameters<CorpusStore['touchIfUnchanged']>[0]) =>
    options.reanalyze ? Promise.resolve(null) : store.touchIfUnchanged(ref);
  const expected = files.length + urls.length;
  const pool = options.analyzer || expected === 0
    ? null
    : createWorkerPool({ size: Math.min(jobs, Math.max(1, expected)), maxBytes, analyzerModule: options.analyzerModule ?? null, checkUnchanged, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS });
  // This pool is made without `serialize`: its workers send maps, never JSON.
  const fromPool = (o: WorkerOutcome): FileOutcome => (o.kind === 'json' ? failure(new Error('Expected a provenance map from the worker, not JSON'), 'E_INTERNAL') : o);
  const analyze = (path: string): Promise<FileOutcome> =>
    pool ? pool.analyze(path).then(fromPool) : analyzeFile(path, { maxBytes, analyzer: options.analyzer!, checkUnchanged });

  // In-thread analysis is synchronous: one at a time. Workers: a few queued per worker.
  const window = pool ? jobs * 4 : 1;
  const pending = new Map<number, Promise<FileOutcome>>();
  const settled = new Set<number>();
  let next = 0;
  let done = 0;
  let stopped = false;
  const fill = (upTo: number) => {
    for (; next < files.length && next < upTo + window; next++) {
      const index = next;
      const p = analyze(files[index]!);
      // Observed below, in order; this marks it ready and silences "unhandled" meanwhile.
      p.then(() => settled.add(index), () => settled.add(index));
      pending.set(index, p);
    }
  };
  try {
    for (let i = 0; ; ) {
      if (options.signal?.aborted) {
        stopped = true;
        break;
      }
      if (i >= files.length) {
        if (fetchDone) break;
        await new Promise<void>((ok) => (wake = ok));
        continue;
      }
      fill(i);
      await pending.get(i)!.catch(() => undefined);
      // Write what is ready in one commit (each article still all-or-nothing): when writing
      // is the bottleneck the batches grow and the cost of a commit is shared.
      const written: IngestProgress[] = [];
      const results: PutArticleResult[] = [];
      await store.withBatch(async () => {
        const batchStarted = Date.now();
        do {
          const path = files[i]!;
          const outcome = await pending.get(i)!;
          pending.delete(i);
          settled.delete(i);
          const result = await write(path, outcome);
          if (result) results.push(result);
          i++;
          written.push({ total: files.length, done: done + written.length + 1, ...counts, ...tally(results), failed: failed.length, elapsedMs: 0, path });
          fill(i);
        } while (i < files.length && settled.has(i) && written.length < MAX_BATCH && Date.now() - batchStarted < MAX_BATCH_MS && !options.signal?.aborted);
      });
      // Counted once the batch has committed: a batch PostgreSQL made redo (a deadlock with
      // another worker) may find articles that worker stored meanwhile (`unchanged`).
      for (const r of results) count(r);
      done += written.length;
      for (const p of written) options.onProgress?.({ ...p, elapsedMs: Date.now() - started });
    }
  } catch (e) {
    fetchStop.abort();
    throw e;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await fetching;
    await pool?.close();
  }
  if (fetchError) throw (fetchError as { error: unknown }).error;
  for (const f of fetchFailures) {
    failed.push(f);
    await store.recordFailure(f.path, f.code, f.message);
  }
  return { files: files.length, processed: done, ...counts, failed, elapsedMs: Date.now() - started, stopped };

  /** Stores one file's outcome; the store's result, to count once the batch has committed. */
  async function write(path: string, outcome: FileOutcome): Promise<PutArticleResult | null> {
    if (outcome.kind === 'failed') {
      failed.push({ path, code: outcome.code, message: outcome.message, named: named.has(path) });
      await store.recordFailure(path, outcome.code, outcome.message);
      return null;
    }
    try {
      return outcome.kind === 'unchanged' ? outcome.result : await store.putArticle({ map: outcome.map, sourcePath: path, reanalysed: options.reanalyze ?? false });
    } catch (e) {
      // This article's map was refused; other store errors (full, read-only …) stop the run.
      if (!isClaimtraceError(e) || e.code !== 'E_STORE_REJECTED') throw e;
      return write(path, { kind: 'failed', code: e.code, message: e.message });
    }
  }

  function count(result: PutArticleResult, into: typeof counts = counts): void {
    if (result.status === 'inserted') into.ingested++;
    else if (result.status === 'new-version') into.newVersions++;
    else into.unchanged++;
  }

  /** The counts as they will be once this batch's results are counted (for progress lines). */
  function tally(results: readonly PutArticleResult[]): typeof counts {
    const t = { ...counts };
    for (const r of results) count(r, t);
    return t;
  }
}

/**
 * The article files under `paths`, as absolute paths (an article's identity without a URL is
 * its path, which must not depend on the working directory), in the order given, each once:
 * files; directories searched recursively for article files, WARCs and feeds (`.rss`, `.atom`);
 * WARCs and feeds as one location per article; quoted globs expanded; and the URLs to fetch
 * (`http(s)://` arguments, the lines of `*.urls` lists and `urlLists`, feed-item links when
 * fetching). Paths that do not exist or cannot be listed become failures.
 */
async function collectFiles(
  paths: readonly string[],
  urlLists: readonly string[],
  failed: IngestFailure[],
  maxBytes: number,
  fetching: boolean,
): Promise<{ files: string[]; named: Set<string>; urls: UrlToFetch[] }> {
  const files = new Set<string>();
  const named = new Set<string>();
  const urls: UrlToFetch[] = [];
  const readList = async (p: string) => {
    try {
      for (const line of await readUrlList(p)) {
        if (line.kind === 'url') urls.push({ url: line.url, expect: 'page-or-feed', named: false });
        else failed.push({ path: `${resolve(p)}#line=${line.line}`, code: 'E_FETCH_URL', message: line.message, named: false });
      }
    } catch (e) {
      const { code, message } = failure(e);
      failed.push({ path: resolve(p), code, message, named: true });
    }
  };
  const addContainer = async (p: string, isNamed: boolean) => {
    // A WARC or feed: one entry per article in it (`<file>#offset=N`, `<file>#item=N`),
    // listed once here, each read again on its own by a worker.
    try {
      for await (const found of listArticleLocations(resolve(p), { maxBytes, links: fetching })) {
        if (found.kind === 'article') files.add(found.location);
        else if (found.kind === 'link') urls.push({ url: found.url, expect: 'page', named: false });
        else failed.push({ path: found.location, code: found.code, message: found.message, named: isNamed && found.location === resolve(p) });
      }
    } catch (e) {
      const { code, message } = failure(e);
      failed.push({ path: resolve(p), code, message, named: isNamed });
    }
  };
  /** A file or directory; `isNamed` when the user named it (not found by a glob). */
  const addPath = async (p: string, isNamed: boolean) => {
    if (URL_LIST_FILE.test(p)) return readList(p);
    let isDirectory: boolean;
    try {
      isDirectory = (await stat(p)).isDirectory();
    } catch (e) {
      const missing = (e as { code?: string }).code === 'ENOENT';
      if (missing && isNamed && isGlob(p)) return addGlob(p);
      failed.push({ path: resolve(p), code: missing ? 'E_NOT_FOUND' : 'E_UNREADABLE', message: `\`${p}\` ${missing ? 'does not exist' : 'could not be read'}.`, named: isNamed });
      return;
    }
    if (!isDirectory && isContainerFile(p)) return addContainer(p, isNamed);
    if (!isDirectory) {
      files.add(resolve(p));
      if (isNamed) named.add(resolve(p));
      return;
    }
    try {
      // Article files, and WARCs and feeds (not `.xml`: too many XML files are not feeds).
      for (const f of await listArticleFiles(p, ARTICLE_OR_CONTAINER_FILE)) {
        if (DIRECTORY_CONTAINER_FILE.test(f)) await addContainer(f, false);
        else files.add(resolve(f));
      }
    } catch (e) {
      const { code, message } = failure(e);
      failed.push({ path: resolve(p), code, message, named: isNamed });
    }
  };
  /** A pattern the shell did not expand (quoted `*`, `?`, `[…]`, `{…}`): its matches, sorted, as if found in a directory. */
  const addGlob = async (pattern: string) => {
    const matches = (await glob(pattern, { absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] })).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    if (matches.length === 0) {
      failed.push({ path: pattern, code: 'E_NOT_FOUND', message: `No file matches \`${pattern}\`.`, named: true });
      return;
    }
    for (const m of matches) await addPath(m, false);
  };
  for (const p of paths) {
    if (p === '-') throw new ClaimtraceError('E_USAGE', 'Expected files or directories to ingest, not `-` (standard input cannot be stored by path).');
    if (isUrl(p)) urls.push({ url: p, expect: 'page-or-feed', named: true });
    else await addPath(p, true);
  }
  for (const p of urlLists) await readList(p);
  return { files: [...files], named, urls };
}

interface FetchUrlsTarget {
  /** Pages are appended here (WARC locations) as they are fetched, and `onAdded` called. */
  readonly files: string[];
  readonly named: Set<string>;
  readonly failures: IngestFailure[];
  readonly maxBytes: number;
  readonly options: IngestOptions;
  readonly signal: AbortSignal;
  readonly onAdded: () => void;
}

/**
 * Fetches the URLs (see `fetchArticles`) into the WARC, adding each page to `files` as soon as
 * it is written, as a WARC location the workers read like any other, and each URL that failed
 * to `failures`.
 */
async function fetchUrls(urls: readonly UrlToFetch[], target: FetchUrlsTarget): Promise<void> {
  const { files, named, failures, maxBytes, options, signal } = target;
  if (!options.fetch) {
    for (const u of urls) {
      failures.push({ path: u.url, code: 'E_NEEDS_FETCH', message: `${u.url} is a URL and fetching is off.`, named: u.named });
    }
    return;
  }
  const { warcPath, refetch, ...fetcherOptions } = options.fetch;
  // Read before appending: pages an earlier (perhaps interrupted) run fetched are not fetched again.
  const known = refetch ? new Map<string, string>() : await pagesInWarc(warcPath, maxBytes);
  const warc = await WarcOutput.open(warcPath, { description: 'Pages fetched by claimtrace ingest' });
  const fetcher = createFetcher({ ...fetcherOptions, maxBytes, warc, signal });
  const seen = new Set(files);
  const onResult = (f: FetchedArticle) => {
    if (f.kind === 'failure') {
      failures.push({ path: f.location, code: f.code, message: f.message, named: f.named });
      return;
    }
    if (seen.has(f.location)) return;
    seen.add(f.location);
    files.push(f.location);
    if (f.named) named.add(f.location);
    target.onAdded();
  };
  try {
    await fetchArticles(urls, { fetcher, known, maxBytes, onFetched: options.onFetched, onResult, signal });
  } finally {
    fetcher.close();
    await warc.close();
  }
}
