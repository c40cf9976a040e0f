/**
 * The corpus commands: `ingest`, `stats`, `query`, `export`. They store provenance maps of many
 * articles in a database (`--db`, default `claimtrace.db`) and ask it questions. Registered on
 * the main program by `registerCorpusCommands(program, io)`.
 */
import { Argument, Command, Option } from 'commander';
import { ClaimtraceError } from '../core/diagnostics.js';
import { formatCitationGraph } from '../corpus/format-citation-graph.js';
import { formatProgress } from '../corpus/format-progress.js';
import type { IngestProgress, IngestSummary } from '../corpus/ingest.js';
import { csvRow, toCsv } from '../corpus/to-csv.js';
import { DEFAULT_DB_PATH } from '../store/default-path.js';
import { displayLocation } from '../store/display-location.js';
import type { OpenCorpusStoreOptions } from '../store/index.js';

// The store and the worker pool load the SQLite driver: import them only when a corpus
// command runs, so `claimtrace analyze` starts without them.
const openCorpusStore = async (location: string, options?: OpenCorpusStoreOptions) =>
  (await import('../store/index.js')).openCorpusStore(location, options);
const ingestPaths: typeof import('../corpus/ingest.js').ingestPaths = async (...args) =>
  (await import('../corpus/ingest.js')).ingestPaths(...args);
import type { ProvenanceMap } from '../contract/schema.js';
import type { CorpusStore, QuoteHit, QuoteTrail, SpeakerCount, StoredArticle, UnsourcedCount } from '../store/types.js';
import type { CliIo } from './main.js';
import { parseSize } from './parse-size.js';

const DEFAULT_MAX_BYTES = '20MB';
const QUERIES = ['top-speakers', 'speaker-quotes', 'speaker', 'citation-graph', 'search', 'search-articles', 'unsourced', 'quote-trail'] as const;
type QueryName = (typeof QUERIES)[number];

interface IngestCliOptions {
  db: string;
  jobs?: string;
  maxBytes: string;
  progress: boolean;
  reanalyze?: boolean;
  urls: string[];
  fetch: boolean;
  warcOut?: string;
  refetch?: boolean;
  userAgent?: string;
  perHost: string;
  hostDelay: string;
  fetchTimeout: string;
}

interface QueryCliOptions {
  db: string;
  outlet?: string;
  by: 'article' | 'outlet';
  limit: string;
  offset: string;
  format: 'text' | 'json' | 'csv' | 'graphml' | 'gexf';
}

/** Adds `ingest`, `stats`, `query` and `export` to the claimtrace program. */
export function registerCorpusCommands(program: Command, io: CliIo): void {
  const dbOption = () => new Option('--db <path>', 'the corpus database: a SQLite file, or a postgres:// URL (password from PGPASSWORD)').default(DEFAULT_DB_PATH);

  program
    .command('ingest')
    .description(
      'Analyse articles (files or directories, searched recursively; URLs, URL lists and feed URLs, fetched politely) and store their provenance maps in a corpus database. ' +
        'Every fetched response is kept in a WARC next to the database. Running it again stores only new or changed articles, so an interrupted run is resumed by running it again.',
    )
    .argument(
      '[sources...]',
      'files or directories (searched for .txt, .html, .htm, optionally .gz, and .warc, .warc.gz, .rss, .atom); WARC archives and RSS/Atom feeds (also .xml); quoted globs; ' +
        'http(s):// URLs of pages or feeds; URL lists (*.urls: one URL a line, # comments)',
    )
    .addOption(dbOption())
    .option('-j, --jobs <n>', 'analysis worker threads (default: one per core)')
    .option('--max-bytes <size>', 'skip files larger than this (e.g. 20MB, 512KB)', DEFAULT_MAX_BYTES)
    .option('--reanalyze', 'analyse stored texts again; store a new version where an older claimtrace made the stored one')
    .option('--no-progress', 'no progress line or log')
    .option('--urls <file>', 'a URL list (one URL a line, # comments) whatever its name; repeatable', (value: string, list: string[]) => [...list, value], [] as string[])
    .option('--warc-out <path>', 'the WARC every fetched response is appended to (default: the database path with .warc.gz)')
    .option('--no-fetch', 'fetch nothing: URLs and feed links fail with E_NEEDS_FETCH')
    .option('--refetch', 'fetch URLs again even when the WARC holds their page from an earlier run')
    .option('--user-agent <text>', 'the User-Agent sent (default: claimtrace/<version> (+homepage)); put a contact in it for large crawls')
    .option('--per-host <n>', 'requests in flight to one host', '2')
    .option('--host-delay <ms>', 'least time between two requests to one host (robots.txt Crawl-delay raises it)', '1000')
    .option('--fetch-timeout <seconds>', 'one request, from start to last byte (connecting: 10 s at most)', '30')
    .action(async (sources: string[], options: IngestCliOptions) => {
      await ingestCommand(sources, options, io);
    });

  program
    .command('stats')
    .description('Count what the corpus database holds: articles, versions, quotes, speakers, citations, outlets, failures, claims and unsourced claims.')
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options: { db: string; format: 'text' | 'json' }) => {
      await withStore(options.db, async (store) => {
        const stats = await store.stats();
        if (options.format === 'json') return io.out(JSON.stringify(stats, null, 2) + '\n');
        const width = Math.max(...Object.keys(stats).map((k) => k.length));
        return io.out(Object.entries(stats).map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n');
      });
    });

  program
    .command('query')
    .description(
      'Ask the corpus database: top-speakers, speaker-quotes <name>, speaker <name>, citation-graph, search <words>, ' +
        'search-articles <words>, unsourced [--by article|outlet], quote-trail <quotation or quote id>.',
    )
    .addArgument(new Argument('<query>', 'what to ask').choices(QUERIES))
    .argument('[text...]', 'the speaker name (speaker-quotes, speaker), the words to find (search, search-articles; "a phrase" in quotes), or the quotation or quote id (quote-trail)')
    .addOption(dbOption())
    .option('--outlet <outlet>', 'top-speakers: only articles published by this outlet (registry key or name)')
    .addOption(new Option('--by <what>', 'unsourced: rank articles or the outlets publishing them').choices(['article', 'outlet']).default('article'))
    .option('-n, --limit <n>', 'at most this many results', '20')
    .option('--offset <n>', 'skip this many results first', '0')
    .addOption(new Option('-f, --format <format>', 'output format (graphml and gexf for citation-graph)').choices(['text', 'json', 'csv', 'graphml', 'gexf']).default('text'))
    .action(async (query: QueryName, text: string[], options: QueryCliOptions) => {
      await queryCommand(query, text.join(' '), options, io);
    });

  program
    .command('export')
    .description(
      'Write the whole corpus: JSON Lines (one article with its provenance map per line), CSV (one quote, or one article, per row) ' +
        'or Parquet (typed columns for DuckDB, pandas, Polars; needs -o <file>).',
    )
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['jsonl', 'csv', 'parquet']).default('jsonl'))
    .addOption(new Option('--table <table>', 'csv: quotes or articles; parquet: also citations, citation-graph').choices(['quotes', 'articles', ...EXTRA_PARQUET_TABLES]).default('quotes'))
    .option('-o, --output <file>', 'write to this file instead of standard output (required for parquet)')
    .action(async (options: ExportCliOptions) => {
      await exportToOutput(options, io);
    });
}

async function ingestCommand(sources: string[], options: IngestCliOptions, io: CliIo): Promise<void> {
  const maxBytes = parseSize(options.maxBytes);
  const jobs = options.jobs === undefined ? undefined : positiveInteger(options.jobs, '--jobs');
  const fetch = options.fetch
    ? {
        warcPath: options.warcOut ?? defaultWarcPath(options.db),
        refetch: options.refetch ?? false,
        userAgent: options.userAgent,
        perHost: positiveInteger(options.perHost, '--per-host'),
        hostDelayMs: nonNegativeInteger(options.hostDelay, '--host-delay'),
        timeoutMs: positiveInteger(options.fetchTimeout, '--fetch-timeout') * 1000,
      }
    : undefined;
  if (fetch?.userAgent !== undefined && (fetch.userAgent.trim() === '' || /[\r\n]/.test(fetch.userAgent))) throw new ClaimtraceError('E_USAGE', 'Expected --user-agent to be one line of text.');
  if (sources.length === 0 && options.urls.length === 0) throw new ClaimtraceError('E_USAGE', 'Expected files, directories, URLs or --urls <file> to ingest.');
  const store = await openCorpusStore(options.db);
  const controller = new AbortController();
  // Ctrl-C: finish the article being written, then stop; the next run carries on from there.
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const progress = createProgressReporter(io, options.progress);
  let summary: IngestSummary;
  try {
    summary = await ingestPaths(sources, { store, maxBytes, jobs, reanalyze: options.reanalyze ?? false, signal: controller.signal, onProgress: progress.update, urlLists: options.urls, fetch, onFetched: progress.fetched });
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    progress.end();
    await store.close();
  }
  for (const f of summary.failed) io.err(`claimtrace: ${f.code}: ${f.path}: ${f.message}\n`);
  const seconds = summary.elapsedMs / 1000;
  await io.out(
    `${summary.stopped ? `Stopped after ${summary.processed} of` : 'Done:'} ${summary.files} files, ${summary.ingested} new, ${summary.unchanged} unchanged, ` +
      `${summary.newVersions} new versions, ${summary.failed.length} failed in ${seconds.toFixed(1)} s ` +
      `(${seconds > 0 ? (summary.processed / seconds).toFixed(1) : '–'} files/s) → ${displayLocation(options.db)}\n`,
  );
  if (summary.stopped) throw new ClaimtraceError('E_INTERRUPTED', 'stopped on request; run the same command again to carry on where it stopped.');
  // A source the user named that fails fails the command (exit 1); files found in directories do not.
  const named = summary.failed.filter((f) => f.named).length;
  if (named > 0) throw new ClaimtraceError('E_INPUT_FAILED', `${named} of the sources named on the command line could not be stored (see above).`);
}

/**
 * On a terminal: one line rewritten in place, at most ten times a second. Elsewhere (a log, CI):
 * a line per tenth of the files, and at least one every 30 seconds on long runs.
 */
function createProgressReporter(
  io: CliIo,
  enabled: boolean,
): { update: (p: IngestProgress) => void; fetched: (p: { done: number; total: number; url: string; ok: boolean }) => void; end: () => void } {
  let lastDraw = 0;
  let lastDecile = 0;
  let drawn = false;
  let lastFetchLine = 0;
  return {
    fetched(p) {
      if (!enabled) return;
      const now = Date.now();
      const line = `fetched ${p.done} of ${p.total} URLs${p.ok ? '' : ' (last one failed)'}: ${p.url}`;
      if (io.isTTY) {
        if (now - lastDraw < 100 && p.done < p.total) return;
        lastDraw = now;
        drawn = true;
        io.err(`\r\u001b[2K${line.slice(0, 150)}`);
        return;
      }
      if (p.done === 1 || p.done === p.total || now - lastFetchLine >= 10_000) {
        lastFetchLine = now;
        io.err(`claimtrace: ingest ${line}\n`);
      }
    },
    update(p) {
      if (!enabled) return;
      const now = Date.now();
      if (io.isTTY) {
        if (now - lastDraw < 100 && p.done < p.total) return;
        lastDraw = now;
        drawn = true;
        io.err(`\r\u001b[2K${formatProgress(p)}`);
        return;
      }
      const decile = Math.floor((p.done / p.total) * 10);
      if (decile > lastDecile || now - lastDraw >= 30_000 || p.done === 1) {
        lastDecile = decile;
        lastDraw = now;
        io.err(`claimtrace: ingest ${formatProgress(p)}\n`);
      }
    },
    end() {
      if (drawn) io.err('\n');
    },
  };
}

/** `corpus.db` → `corpus.warc.gz`, beside it; for a PostgreSQL corpus, `claimtrace.warc.gz` here. */
function defaultWarcPath(db: string): string {
  if (/^postgres(ql)?:\/\//i.test(db)) return 'claimtrace.warc.gz';
  return /\.(db|sqlite3?)$/i.test(db) ? db.replace(/\.(db|sqlite3?)$/i, '.warc.gz') : `${db}.warc.gz`;
}

async function queryCommand(query: QueryName, text: string, options: QueryCliOptions, io: CliIo): Promise<void> {
  const page = { limit: nonNegativeInteger(options.limit, '--limit'), offset: nonNegativeInteger(options.offset, '--offset') };
  const { format } = options;
  if ((format === 'graphml' || format === 'gexf') && query !== 'citation-graph') {
    throw new ClaimtraceError('E_USAGE', `--format ${format} is for \`query citation-graph\`; use text, json or csv for \`query ${query}\`.`);
  }
  if ((query === 'speaker-quotes' || query === 'speaker' || query === 'search' || query === 'search-articles' || query === 'quote-trail') && text.trim() === '') {
    const what = query === 'quote-trail' ? 'a quotation (or a quote id)' : query.startsWith('speaker') ? 'a speaker name' : 'words to search for';
    throw new ClaimtraceError('E_USAGE', `\`query ${query}\` needs ${what}.`);
  }
  await withStore(options.db, async (store) => {
    switch (query) {
      case 'top-speakers':
        return io.out(formatSpeakers(await store.topSpeakers({ ...page, outlet: options.outlet }), format));
      case 'speaker-quotes':
        return io.out(formatQuotes(await store.speakerQuotes(text, page), format));
      case 'search':
        return io.out(formatQuotes(await store.searchQuotes(text, page), format));
      case 'search-articles': {
        const hits = await store.searchArticles(text, page);
        if (format === 'json') return io.out(JSON.stringify(hits, null, 2) + '\n');
        if (format === 'csv') return io.out(toCsv(['article_id', 'title', 'outlet', 'published', 'url', 'source_path', 'snippet'], hits.map((h) => [h.articleId, h.title, h.outlet, h.published, h.url, h.sourcePath, h.snippet])));
        return io.out(hits.map((h) => `${h.title ?? h.sourcePath}${h.outlet ? ` — ${h.outlet}` : ''}${h.published ? `, ${h.published}` : ''}\n  ${h.snippet.replace(/\s+/g, ' ')}\n`).join('') || 'No articles found.\n');
      }
      case 'speaker': {
        const s = await store.speakerLinks(text);
        if (format === 'json') return io.out(JSON.stringify(s, null, 2) + '\n');
        if (format === 'csv') return io.out(toCsv(['key', 'name', 'kind', 'quotes', 'articles', 'aliases', 'descriptions'], s ? [[s.key, s.name, s.kind, s.quotes, s.articles, s.aliases.join('; '), s.descriptions.join('; ')]] : []));
        if (!s) return io.out(`No speaker named ${text.trim()}.\n`);
        return io.out(
          `${s.name} (${s.kind}): ${s.quotes} quotes in ${s.articles} articles\n` +
            (s.aliases.length ? `  also: ${s.aliases.join(', ')}\n` : '') +
            (s.descriptions.length ? `  described as: ${s.descriptions.join('; ')}\n` : ''),
        );
      }
      case 'unsourced':
        return io.out(formatUnsourced(await store.unsourcedClaims({ ...page, by: options.by }), options.by, format));
      case 'quote-trail': {
        const quote = /^\d+$/.test(text.trim()) ? Number(text.trim()) : text;
        if (page.limit < 1) throw new ClaimtraceError('E_USAGE', 'Expected --limit to be at least 1 for `query quote-trail`.');
        let trail: QuoteTrail;
        try {
          trail = await store.quoteTrail(quote, { limit: page.limit });
        } catch (e) {
          if (e instanceof RangeError) throw new ClaimtraceError('E_USAGE', e.message);
          throw e;
        }
        return io.out(formatTrail(trail, format));
      }
      case 'citation-graph': {
        const graph = await store.citationGraph();
        if (format !== 'text') return io.out(formatCitationGraph(graph, format));
        const names = new Map(graph.nodes.map((n) => [n.id, `${n.name}${n.stateAffiliated ? ' [state-affiliated]' : ''}`]));
        return io.out(graph.edges.map((e) => `${names.get(e.from)} —${e.kind}→ ${names.get(e.to)}  ×${e.count} (${e.articles} articles)\n`).join('') || 'No citations between known outlets.\n');
      }
    }
  });
}

function formatSpeakers(speakers: readonly SpeakerCount[], format: QueryCliOptions['format']): string {
  if (format === 'json') return JSON.stringify(speakers, null, 2) + '\n';
  if (format === 'csv') return toCsv(['key', 'name', 'kind', 'quotes', 'articles'], speakers.map((s) => [s.key, s.name, s.kind, s.quotes, s.articles]));
  if (speakers.length === 0) return 'No named speakers.\n';
  const width = Math.max(...speakers.map((s) => String(s.quotes).length));
  return speakers.map((s) => `${String(s.quotes).padStart(width)}  ${s.name} (${s.kind}, ${s.articles} articles)\n`).join('');
}

function formatUnsourced(rows: readonly UnsourcedCount[], by: 'article' | 'outlet', format: QueryCliOptions['format']): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  if (format === 'csv') {
    if (by === 'outlet') return toCsv(['outlet_key', 'outlet', 'articles', 'claims', 'unsourced', 'share'], rows.map((r) => [r.outlet?.key, r.outlet?.name, r.articles, r.claims, r.unsourced, r.share]));
    return toCsv(
      ['article_id', 'title', 'outlet', 'published', 'url', 'source_path', 'claims', 'unsourced', 'share'],
      rows.map((r) => [r.article?.articleId, r.article?.title, r.article?.outlet, r.article?.published, r.article?.url, r.article?.sourcePath, r.claims, r.unsourced, r.share]),
    );
  }
  if (rows.length === 0) return 'No unsourced claims (articles stored before claims existed are not counted; `ingest --reanalyze` adds them).\n';
  const width = Math.max(...rows.map((r) => `${r.unsourced} of ${r.claims}`.length));
  return rows
    .map((r) => {
      const count = `${r.unsourced} of ${r.claims}`.padStart(width);
      const pct = `${Math.round(r.share * 100)}%`.padStart(4);
      if (r.outlet) return `${count} ${pct}  ${r.outlet.name} (${r.articles} articles)\n`;
      const a = r.article!;
      return `${count} ${pct}  ${[a.title ?? a.sourcePath, a.outlet, a.published].filter(Boolean).join(', ')}\n`;
    })
    .join('');
}

function formatTrail(trail: QuoteTrail, format: QueryCliOptions['format']): string {
  if (format === 'json') return JSON.stringify(trail, null, 2) + '\n';
  const hits = trail.first ? [trail.first, ...trail.later] : [];
  if (format === 'csv') {
    return toCsv(
      ['order', 'date', 'date_source', 'similarity', 'speaker_grouped', ...QUOTE_HEADER],
      hits.map((h, i) => [i + 1, h.date, h.dateSource, h.similarity, h.speakerName, ...quoteRow(h)]),
    );
  }
  if (hits.length === 0) return 'No stored quote matches.\n';
  const line = (h: (typeof hits)[number]) => {
    const where = [h.article.outlet, h.article.title ?? h.article.sourcePath].filter(Boolean).join(', ');
    const date = `${h.date.slice(0, 10)}${h.dateSource === 'first-seen' ? ' (first seen)' : ''}`;
    return `${date}  ${h.speakerName ?? `(${h.speaker.kind})`}: “${h.content}”\n    — ${where} · similarity ${h.similarity}\n`;
  };
  return `First appeared:\n  ${line(trail.first!)}` + (trail.later.length ? `Then (${trail.later.length}):\n${trail.later.map((h) => `  ${line(h)}`).join('')}` : '');
}

const QUOTE_HEADER = ['quote_id', 'article_id', 'quote', 'kind', 'speaker', 'speaker_kind', 'speaker_key', 'cue', 'content', 'title', 'outlet', 'published', 'url', 'source_path'];
const quoteRow = (q: QuoteHit) => [
  q.quoteId,
  q.article.articleId,
  q.quoteKey,
  q.kind,
  q.speaker.name,
  q.speaker.kind,
  q.speaker.key,
  q.cue,
  q.content,
  q.article.title,
  q.article.outlet,
  q.article.published,
  q.article.url,
  q.article.sourcePath,
];

function formatQuotes(quotes: readonly QuoteHit[], format: QueryCliOptions['format']): string {
  if (format === 'json') return JSON.stringify(quotes, null, 2) + '\n';
  if (format === 'csv') return toCsv(QUOTE_HEADER, quotes.map(quoteRow));
  if (quotes.length === 0) return 'No quotes found.\n';
  return quotes
    .map((q) => {
      const where = [q.article.title ?? q.article.sourcePath, q.article.outlet, q.article.published].filter(Boolean).join(', ');
      return `${q.speaker.name ?? `(${q.speaker.kind})`}${q.cue ? ` ${q.cue}` : ''}: “${q.content}”\n  — ${where}\n`;
    })
    .join('');
}

const EXTRA_PARQUET_TABLES = ['citations', 'citation-graph'] as const;

interface ExportCliOptions {
  db: string;
  format: 'jsonl' | 'csv' | 'parquet';
  table: 'quotes' | 'articles' | (typeof EXTRA_PARQUET_TABLES)[number];
  output?: string;
}

/** Checks the options, then exports to standard output or (`-o`) to a file, complete or not at all. */
async function exportToOutput(options: ExportCliOptions, io: CliIo): Promise<void> {
  const { format, table, output } = options;
  if (format !== 'parquet' && table !== 'quotes' && table !== 'articles') {
    throw new ClaimtraceError('E_USAGE', `--table ${table} is for --format parquet; csv writes quotes or articles.`);
  }
  if (format === 'parquet') {
    const { writeParquetFile, terminalError } = await import('../corpus/export-parquet-file.js');
    if ((output === undefined || output === '-') && io.isTTY) throw terminalError();
    if (output === undefined || output === '-') throw new ClaimtraceError('E_USAGE', 'Parquet is a binary file format: give the file to write with -o, e.g. `-o quotes.parquet`.');
    await withStore(options.db, async (store) => {
      const summary = await writeParquetFile(store, output, { table });
      await io.out(`Wrote ${summary.rows} ${table} rows (${(summary.bytes / 1e6).toFixed(1)} MB) → ${output}\n`);
    });
    return;
  }
  const textOptions = { format, table: table === 'articles' ? ('articles' as const) : ('quotes' as const) };
  if (output === undefined || output === '-') return withStore(options.db, (store) => exportCommand(store, textOptions, io));
  const { openOutputFile, writeError } = await import('../corpus/export-parquet-file.js');
  const { drained, endStream } = await import('../corpus/export-parquet.js');
  await withStore(options.db, async (store) => {
    const file = openOutputFile(output, { binary: false });
    const { stream } = file;
    let failure: Error | undefined;
    stream.on('error', (e) => void (failure ??= e));
    const write = async (s: string) => {
      if (!stream.write(s) && !failure) await drained(stream);
      if (failure) throw failure;
    };
    try {
      await exportCommand(store, textOptions, { out: write, err: io.err, isTTY: false });
      await endStream(stream);
      if (failure) throw failure;
    } catch (e) {
      file.discard();
      throw e instanceof ClaimtraceError ? e : writeError(output, e);
    }
    file.commit();
  });
}

async function exportCommand(store: CorpusStore, options: { format: 'jsonl' | 'csv'; table: 'quotes' | 'articles' }, io: CliIo): Promise<void> {
  if (options.format === 'jsonl') {
    for await (const a of store.exportArticles()) await io.out(JSON.stringify(exportRecord(a)) + '\n');
    return;
  }
  if (options.table === 'quotes') {
    await io.out(csvRow(QUOTE_HEADER));
    for await (const q of store.exportQuotes()) await io.out(csvRow(quoteRow(q)));
    return;
  }
  await io.out(csvRow(['article_id', 'version', 'title', 'outlet', 'published', 'url', 'source_path', 'content_hash', 'quotes', 'citations', 'first_seen', 'last_seen', 'claims', 'unsourced_claims']));
  for await (const a of store.exportArticles()) {
    // A map stored before claims existed has none: empty cells (unknown), not zero.
    const claims = a.map.claims as ProvenanceMapClaims | undefined;
    const unsourced = claims?.filter((k) => k.support.status === 'unsourced').length;
    await io.out(csvRow([a.articleId, a.version, a.title, a.outlet, a.published, a.url, a.sourcePath, a.contentHash, a.map.quotes.length, a.map.citations.length, a.firstSeen, a.lastSeen, claims?.length, unsourced]));
  }
}

type ProvenanceMapClaims = ProvenanceMap['claims'];

/** One JSON Lines record: the store's bookkeeping, then the provenance map as analysed. */
function exportRecord(a: StoredArticle) {
  const { map, ...article } = a;
  return { article, map };
}

async function withStore(db: string, use: (store: CorpusStore) => Promise<void> | void): Promise<void> {
  const store = await openCorpusStore(db, { readonly: true });
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

function positiveInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ClaimtraceError('E_USAGE', `Expected ${name} to be a whole number above zero, not \`${value}\`.`);
  return n;
}

function nonNegativeInteger(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ClaimtraceError('E_USAGE', `Expected ${name} to be a whole number, zero or more, not \`${value}\`.`);
  return n;
}
