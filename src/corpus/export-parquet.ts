/**
 * `claimtrace export --format parquet`: one table of the corpus as an Apache Parquet file, for
 * DuckDB, pandas, Polars or Spark. Columns are typed (strings, 32/64-bit integers, doubles,
 * booleans, UTC timestamps, dates, lists of strings), nullable only where a value can be missing.
 *
 * The rows stream: articles are read from the store a batch at a time, turned into rows, and
 * written one row group at a time (`rowGroupSize` rows, default 50,000), so memory stays bounded
 * by one row group however large the corpus is. The columns are listed in docs/corpus.md.
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { ByteWriter, parquetWriteRows } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet';
import type { ProvenanceMap, SerializedOutlet } from '../contract/schema.js';
import { evidenceOfMap } from '../store/evidence-of-map.js';
import type { CorpusStore, StoredArticle } from '../store/types.js';
import { VERSION } from '../version.js';

export const PARQUET_TABLES = ['quotes', 'articles', 'citations', 'citation-graph'] as const;
export type ParquetTable = (typeof PARQUET_TABLES)[number];

export const DEFAULT_ROW_GROUP_SIZE = 50_000;

/** The stable error codes of `export` (documented in docs/errors.md). */
export const EXPORT_ERROR_CODES = Object.freeze({
  E_OUTPUT_TERMINAL: 'Parquet is binary: it is not written to a terminal (give `-o file.parquet`).',
  E_WRITE: 'The output file could not be written (missing folder, permissions, disk full).',
} as const);

type ColumnType = 'string' | 'int32' | 'int64' | 'double' | 'boolean' | 'timestamp' | 'date' | 'string-list';

export interface ParquetColumn {
  readonly name: string;
  readonly type: ColumnType;
  /** False: the column never holds null (REQUIRED). */
  readonly nullable: boolean;
}

type Row = Record<string, unknown>;

interface TableSpec {
  readonly columns: readonly ParquetColumn[];
  rows(store: CorpusStore): AsyncIterable<Row>;
}

const col = (name: string, type: ColumnType, nullable = false): ParquetColumn => ({ name, type, nullable });

// ---------------------------------------------------------------------------------------------
// Tables

const ARTICLE_CONTEXT = [
  col('article_url', 'string', true),
  col('article_title', 'string', true),
  col('article_outlet', 'string', true),
  col('article_outlet_key', 'string', true),
  col('article_published', 'string', true),
  col('article_published_at', 'timestamp', true),
];

const QUOTES: TableSpec = {
  columns: [
    col('quote_id', 'int64', true),
    col('article_id', 'int64'),
    col('quote_key', 'string'),
    col('kind', 'string'),
    col('content', 'string'),
    col('start_offset', 'int32'),
    col('end_offset', 'int32'),
    col('speaker_name', 'string', true),
    col('speaker_kind', 'string'),
    col('speaker_key', 'string', true),
    col('speaker_mention', 'string', true),
    col('speaker_description', 'string', true),
    col('speaker_organisation', 'string', true),
    col('cue', 'string', true),
    col('via_outlets', 'string-list'),
    col('via_outlet_keys', 'string-list'),
    col('via_citation_keys', 'string-list'),
    col('via_state_affiliated', 'boolean'),
    col('confidence', 'double'),
    ...ARTICLE_CONTEXT,
  ],
  async *rows(store) {
    for await (const a of store.exportArticles()) {
      const { map } = a;
      if (map.quotes.length === 0) continue;
      // The store's quote ids and grouped speaker keys, for joining with `query quote-trail <id>`.
      const stored = new Map((await store.articleQuotes(a.articleId, { limit: map.quotes.length + 1 })).map((h) => [h.quoteKey, h]));
      const outlets = outletIndex(map);
      const context = articleContext(a, outlets);
      for (const q of map.quotes) {
        const hit = stored.get(q.id);
        const via = q.via.outletIds.map((id) => outlets.get(id)).filter((o): o is SerializedOutlet => o !== undefined);
        yield {
          quote_id: hit ? BigInt(hit.quoteId) : null,
          article_id: BigInt(a.articleId),
          quote_key: q.id,
          kind: q.kind,
          content: q.content.map((c) => c.text).join(' … '),
          start_offset: q.content[0]!.start,
          end_offset: q.content[q.content.length - 1]!.end,
          speaker_name: q.speaker.name,
          speaker_kind: q.speaker.kind,
          speaker_key: hit?.speaker.key ?? null,
          speaker_mention: q.speaker.mention?.text ?? null,
          speaker_description: q.speaker.description ?? null,
          speaker_organisation: q.speaker.organisation ?? null,
          cue: q.cue?.text ?? null,
          via_outlets: via.map((o) => o.name),
          via_outlet_keys: via.map((o) => o.key),
          via_citation_keys: q.via.citationIds,
          via_state_affiliated: via.some((o) => o.stateAffiliated),
          confidence: q.confidence,
          ...context,
        };
      }
    }
  },
};

const ARTICLES: TableSpec = {
  columns: [
    col('article_id', 'int64'),
    col('version', 'int32'),
    col('url', 'string', true),
    col('canonical_url', 'string', true),
    col('source_path', 'string'),
    col('source_format', 'string'),
    col('source_bytes', 'int64'),
    col('title', 'string', true),
    col('authors', 'string-list'),
    col('outlet', 'string', true),
    col('outlet_key', 'string', true),
    col('outlet_state_affiliated', 'boolean', true),
    col('published', 'string', true),
    col('published_at', 'timestamp', true),
    col('modified_at', 'timestamp', true),
    col('language', 'string', true),
    col('content_hash', 'string'),
    col('first_seen', 'timestamp'),
    col('last_seen', 'timestamp'),
    col('generator_version', 'string'),
    col('schema_version', 'string'),
    col('text_chars', 'int32'),
    col('paragraphs', 'int32'),
    col('quotes', 'int32'),
    col('direct_quotes', 'int32'),
    col('mixed_quotes', 'int32'),
    col('indirect_quotes', 'int32'),
    col('citations', 'int32'),
    col('outlets', 'int32'),
    col('entities', 'int32'),
    col('links', 'int32'),
    col('diagnostics', 'int32'),
    // Evidence summary: null for a map stored before claims existed (unknown, not zero).
    col('claims', 'int32', true),
    col('sourced_claims', 'int32', true),
    col('unsourced_claims', 'int32', true),
    col('hedged_claims', 'int32', true),
    col('anonymous_only_claims', 'int32', true),
    col('state_affiliated_outlets', 'int32', true),
    col('techniques', 'int32'),
  ],
  async *rows(store) {
    for await (const a of store.exportArticles()) {
      const { map } = a;
      const outlets = outletIndex(map);
      const publisher = map.meta.outletId ? outlets.get(map.meta.outletId) : undefined;
      const evidence = evidenceOfMap(map);
      const known = evidence.known;
      const kinds = { direct: 0, mixed: 0, indirect: 0 };
      for (const q of map.quotes) kinds[q.kind]++;
      yield {
        article_id: BigInt(a.articleId),
        version: a.version,
        url: map.meta.url,
        canonical_url: a.url,
        source_path: a.sourcePath,
        source_format: map.source.format,
        source_bytes: BigInt(map.source.bytes),
        title: a.title,
        authors: map.meta.authors,
        outlet: a.outlet,
        outlet_key: publisher?.key ?? null,
        outlet_state_affiliated: publisher ? publisher.stateAffiliated : null,
        published: a.published,
        published_at: toTimestamp(a.published),
        modified_at: toTimestamp(map.meta.modified),
        language: map.meta.language,
        content_hash: a.contentHash,
        first_seen: requiredTimestamp(a.firstSeen),
        last_seen: requiredTimestamp(a.lastSeen),
        generator_version: map.generator.version,
        schema_version: map.schemaVersion,
        text_chars: map.text.length,
        paragraphs: map.paragraphs.length,
        quotes: map.quotes.length,
        direct_quotes: kinds.direct,
        mixed_quotes: kinds.mixed,
        indirect_quotes: kinds.indirect,
        citations: map.citations.length,
        outlets: map.outlets.length,
        entities: map.entities.length,
        links: map.links.length,
        diagnostics: map.diagnostics.length,
        claims: known ? evidence.claims : null,
        sourced_claims: known ? evidence.sourced : null,
        unsourced_claims: known ? evidence.unsourced : null,
        hedged_claims: known ? evidence.hedged : null,
        anonymous_only_claims: known ? evidence.anonymousOnly : null,
        state_affiliated_outlets: known ? evidence.stateAffiliatedOutlets : null,
        techniques: (map.techniques ?? []).length,
      };
    }
  },
};

const CITATIONS: TableSpec = {
  columns: [
    col('article_id', 'int64'),
    col('citation_key', 'string'),
    col('kind', 'string'),
    col('text', 'string'),
    col('start_offset', 'int32'),
    col('end_offset', 'int32'),
    col('authors', 'string-list'),
    col('title', 'string', true),
    col('outlet', 'string', true),
    col('outlet_key', 'string', true),
    col('outlet_state_affiliated', 'boolean', true),
    col('date', 'string', true),
    col('date_parsed', 'date', true),
    col('url', 'string', true),
    col('via_text', 'string', true),
    col('via_outlet', 'string', true),
    col('via_outlet_key', 'string', true),
    col('via_state_affiliated', 'boolean', true),
    col('ibid_of', 'string', true),
    col('quote_keys', 'string-list'),
    ...ARTICLE_CONTEXT,
  ],
  async *rows(store) {
    for await (const a of store.exportArticles()) {
      const { map } = a;
      if (map.citations.length === 0) continue;
      const outlets = outletIndex(map);
      const context = articleContext(a, outlets);
      for (const c of map.citations) {
        const outlet = c.outletId ? outlets.get(c.outletId) : undefined;
        const via = c.via?.outletId ? outlets.get(c.via.outletId) : undefined;
        yield {
          article_id: BigInt(a.articleId),
          citation_key: c.id,
          kind: c.kind,
          text: c.span.text,
          start_offset: c.span.start,
          end_offset: c.span.end,
          authors: c.authors,
          title: c.title,
          outlet: outlet?.name ?? c.outlet,
          outlet_key: outlet?.key ?? null,
          outlet_state_affiliated: outlet ? outlet.stateAffiliated : null,
          date: c.date,
          date_parsed: toDate(c.date),
          url: c.url,
          via_text: c.via?.text ?? null,
          via_outlet: via?.name ?? c.via?.outlet ?? null,
          via_outlet_key: via?.key ?? null,
          via_state_affiliated: via ? via.stateAffiliated : null,
          ibid_of: c.ibidOf,
          quote_keys: c.covers.quoteIds,
          ...context,
        };
      }
    }
  },
};

const CITATION_GRAPH: TableSpec = {
  columns: [
    col('from_key', 'string'),
    col('from_name', 'string'),
    col('from_state_affiliated', 'boolean'),
    col('from_country', 'string', true),
    col('to_key', 'string'),
    col('to_name', 'string'),
    col('to_state_affiliated', 'boolean'),
    col('to_country', 'string', true),
    col('kind', 'string'),
    col('citations', 'int64'),
    col('articles', 'int64'),
  ],
  async *rows(store) {
    // Edges between outlets: as many as pairs of outlets, small beside the quotes.
    const graph = await store.citationGraph();
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const e of graph.edges) {
      const from = nodes.get(e.from);
      const to = nodes.get(e.to);
      yield {
        from_key: e.from,
        from_name: from?.name ?? e.from,
        from_state_affiliated: from?.stateAffiliated ?? false,
        from_country: from?.country ?? null,
        to_key: e.to,
        to_name: to?.name ?? e.to,
        to_state_affiliated: to?.stateAffiliated ?? false,
        to_country: to?.country ?? null,
        kind: e.kind,
        citations: BigInt(e.count),
        articles: BigInt(e.articles),
      };
    }
  },
};

const TABLES: Record<ParquetTable, TableSpec> = { quotes: QUOTES, articles: ARTICLES, citations: CITATIONS, 'citation-graph': CITATION_GRAPH };

/** The columns of a table, in file order. */
export function parquetColumns(table: ParquetTable): readonly ParquetColumn[] {
  return TABLES[table].columns;
}

function outletIndex(map: ProvenanceMap): Map<string, SerializedOutlet> {
  return new Map(map.outlets.map((o) => [o.id, o]));
}

function articleContext(a: StoredArticle, outlets: Map<string, SerializedOutlet>): Row {
  const publisher = a.map.meta.outletId ? outlets.get(a.map.meta.outletId) : undefined;
  return {
    article_url: a.url ?? a.map.meta.url,
    article_title: a.title,
    article_outlet: a.outlet,
    article_outlet_key: publisher?.key ?? null,
    article_published: a.published,
    article_published_at: toTimestamp(a.published),
  };
}

// ---------------------------------------------------------------------------------------------
// Values

/**
 * An ISO 8601 date or date-time as a UTC instant; a date alone is midnight UTC. Null for
 * anything else (a partial date such as `--05-12`, free text).
 */
export function toTimestamp(value: string | null | undefined): Date | null {
  if (!value) return null;
  const s = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return validDate(new Date(`${s}T00:00:00Z`));
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/.test(s)) return null;
  // A date-time without a zone is read as UTC, not as the local time of whoever exports.
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(s) ? s : `${s}Z`;
  return validDate(new Date(zoned.replace(' ', 'T')));
}

/** The calendar date of an ISO 8601 date or date-time (`2024-05-12…`); null for a partial date. */
export function toDate(value: string | null | undefined): Date | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value.trim()) : null;
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  // Reject 2024-02-31 and the like, which Date.UTC would roll over.
  return d.getUTCDate() === Number(m[3]) && d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

function validDate(d: Date): Date | null {
  return Number.isNaN(d.getTime()) ? null : d;
}

function requiredTimestamp(value: string): Date {
  return toTimestamp(value) ?? new Date(0);
}

function schemaElements(columns: readonly ParquetColumn[]): SchemaElement[] {
  const out: SchemaElement[] = [{ name: 'root', num_children: columns.length }];
  for (const c of columns) {
    const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
    switch (c.type) {
      case 'string':
        out.push({ name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type });
        break;
      case 'int32':
        out.push({ name: c.name, type: 'INT32', repetition_type });
        break;
      case 'int64':
        out.push({ name: c.name, type: 'INT64', repetition_type });
        break;
      case 'double':
        out.push({ name: c.name, type: 'DOUBLE', repetition_type });
        break;
      case 'boolean':
        out.push({ name: c.name, type: 'BOOLEAN', repetition_type });
        break;
      case 'timestamp':
        out.push({
          name: c.name,
          type: 'INT64',
          converted_type: 'TIMESTAMP_MILLIS',
          logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
          repetition_type,
        });
        break;
      case 'date':
        out.push({ name: c.name, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type });
        break;
      case 'string-list':
        // The standard three-level LIST: an empty list, never null.
        out.push(
          { name: c.name, converted_type: 'LIST', logical_type: { type: 'LIST' }, repetition_type, num_children: 1 },
          { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
          { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'REQUIRED' },
        );
        break;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Collects the writer's bytes and hands them to a Node stream a megabyte at a time; after each
 * row group (`flush`) waits for the stream to drain, so a slow disk or pipe holds the export
 * back instead of filling memory.
 */
class StreamSink extends ByteWriter {
  private readonly pending: Buffer[] = [];
  private failure: Error | null = null;

  constructor(private readonly stream: Writable) {
    super(1 << 20);
    stream.on('error', (e) => {
      this.failure ??= e;
    });
  }

  override ensure(size: number): void {
    if (this.index > 1 << 20) this.takeBytes();
    super.ensure(size);
  }

  private takeBytes(): void {
    if (this.index === 0) return;
    this.pending.push(Buffer.from(this.buffer.slice(0, this.index)));
    this.index = 0;
  }

  async flush(): Promise<void> {
    this.takeBytes();
    let full = false;
    for (const chunk of this.pending.splice(0)) full = !this.stream.write(chunk) || full;
    if (full && !this.failure) await drained(this.stream);
    if (this.failure) throw this.failure;
  }

  override async finish(): Promise<void> {
    await this.flush();
    await endStream(this.stream).catch((e: Error) => {
      this.failure ??= e;
    });
    if (this.failure) throw this.failure;
  }
}

/** Ends `stream` and resolves once everything is written; rejects with the error if writing failed. */
export function endStream(stream: Writable): Promise<void> {
  stream.end();
  return finished(stream, { cleanup: true });
}

/** Resolves when `stream` drains or fails (the caller checks which), leaving no listener behind. */
export function drained(stream: Writable): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('error', done);
      resolve();
    };
    stream.once('drain', done).once('error', done);
  });
}

export interface ParquetExportOptions {
  readonly table: ParquetTable;
  /** Rows per row group (default 50,000). */
  readonly rowGroupSize?: number;
}

export interface ParquetExportSummary {
  readonly table: ParquetTable;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Writes one table of the corpus to `out` as Parquet and ends the stream. Rows are pulled from
 * the store only as fast as row groups are written.
 */
export async function exportParquet(store: CorpusStore, out: Writable, options: ParquetExportOptions): Promise<ParquetExportSummary> {
  const spec = TABLES[options.table];
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  if (!Number.isInteger(rowGroupSize) || rowGroupSize < 1) throw new RangeError(`Expected rowGroupSize to be a whole number above zero, not ${rowGroupSize}`);
  const writer = new StreamSink(out);
  let rows = 0;
  async function* counted(): AsyncGenerator<Row> {
    for await (const row of spec.rows(store)) {
      rows++;
      yield row;
    }
  }
  await parquetWriteRows({
    writer,
    rows: counted(),
    columns: spec.columns.map((c) => ({ name: c.name })),
    schema: schemaElements(spec.columns),
    rowGroupSize,
    createdBy: `claimtrace version ${VERSION}`,
    kvMetadata: [{ key: 'claimtrace.table', value: options.table }],
  });
  return { table: options.table, rows, bytes: writer.offset };
}
