import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildTestMap, withoutClaims } from '../store/build-test-map.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import type { CorpusStore, StoredArticle } from '../store/types.js';
import { EXPORT_ERROR_CODES, exportParquet, parquetColumns, PARQUET_TABLES, toDate, toTimestamp, type ParquetTable } from './export-parquet.js';
import { runCorpusCli } from './run-corpus-cli.js';
import { writeTestCorpus } from './write-test-corpus.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-parquet-'));
  db = join(dir, 'corpus.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const herald = { key: 'herald', name: 'Harbour Herald' };
const rt = { key: 'rt', name: 'RT', stateAffiliated: true };
const ap = { key: 'ap', name: 'Associated Press' };

const bridgeText =
  '"The bridge will open in May," Ana Sousa said, according to RT. Prices rose (Associated Press, citing RT). ' +
  'The council has not voted yet. "It will be close," a councillor said.';

/** Two articles we made up, one stored before claims existed, and one with no quotes. */
async function fillStore(store: CorpusStore): Promise<void> {
  await store.putArticle({
    map: buildTestMap({
      text: bridgeText,
      path: 'bridge.txt',
      url: 'https://herald.example/bridge?utm_source=feed',
      title: 'Bridge to open',
      published: '2024-05-12T09:30:00+02:00',
      publisher: herald,
      quotes: [
        { content: 'The bridge will open in May', speaker: 'Ana Sousa', cue: 'said', via: rt, description: 'the mayor' },
        { content: 'It will be close', speaker: null, kind: 'anonymous', cue: 'said' },
      ],
      citations: [{ text: '(Associated Press, citing RT)', outlet: ap, via: rt }],
      claims: [{ text: 'Prices rose', citation: 0 }, { text: 'The council has not voted yet.' }],
    }),
  });
  await store.putArticle({
    map: withoutClaims(
      buildTestMap({ text: 'Ferries are late again, "a disgrace", Rui Costa said.', path: 'ferry.txt', published: '2024-06-01', quotes: [{ content: 'a disgrace', speaker: 'Rui Costa' }] }),
    ),
  });
  await store.putArticle({ map: buildTestMap({ text: 'Nothing quoted here at all.', path: 'plain.txt', published: 'last Tuesday' }) });
}

async function exportToBuffer(store: CorpusStore, table: ParquetTable, rowGroupSize?: number): Promise<{ buffer: ArrayBuffer; rows: number; bytes: number }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const summary = await exportParquet(store, out, { table, rowGroupSize });
  const all = Buffer.concat(chunks);
  return { buffer: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer, rows: summary.rows, bytes: summary.bytes };
}

type Element = { name: string; type?: string; repetition_type?: string; converted_type?: string; logical_type?: { type: string; isAdjustedToUTC?: boolean; unit?: string } };

/** The file's columns as `name: TYPE/LOGICAL?` strings, read back by hyparquet. */
function columnTypes(buffer: ArrayBuffer): Record<string, string> {
  const tree = parquetSchema(parquetMetadata(buffer));
  const out: Record<string, string> = {};
  for (const child of tree.children) {
    const e = child.element as Element;
    const optional = e.repetition_type === 'OPTIONAL' ? '?' : '';
    if (e.logical_type?.type === 'LIST') {
      const leaf = child.children[0]!.children[0]!.element as Element;
      out[e.name] = `LIST<${leaf.type}/${leaf.logical_type?.type}>${optional}`;
    } else {
      const logical = e.logical_type ? `/${e.logical_type.type}${e.logical_type.unit ? `(${e.logical_type.unit},utc=${e.logical_type.isAdjustedToUTC})` : ''}` : '';
      out[e.name] = `${e.type}${logical}${optional}`;
    }
  }
  return out;
}

describe('exportParquet', () => {
  it('writes the quotes with typed columns, one row per quote, read back by hyparquet', async () => {
    const store = await openSqliteStore(db);
    await fillStore(store);
    const { buffer, rows, bytes } = await exportToBuffer(store, 'quotes');
    expect(rows).toBe(3);
    expect(bytes).toBe(buffer.byteLength);
    expect(Buffer.from(buffer.slice(0, 4)).toString()).toBe('PAR1');

    const meta = parquetMetadata(buffer);
    expect(meta.num_rows).toBe(3n);
    expect(meta.created_by).toMatch(/^claimtrace version /);
    expect(meta.key_value_metadata).toContainEqual({ key: 'claimtrace.table', value: 'quotes' });
    const types = columnTypes(buffer);
    expect(Object.keys(types)).toEqual(parquetColumns('quotes').map((c) => c.name));
    expect(types).toMatchObject({
      quote_id: 'INT64?',
      article_id: 'INT64',
      content: 'BYTE_ARRAY/STRING',
      start_offset: 'INT32',
      speaker_name: 'BYTE_ARRAY/STRING?',
      via_outlets: 'LIST<BYTE_ARRAY/STRING>',
      via_state_affiliated: 'BOOLEAN',
      confidence: 'DOUBLE',
      article_published_at: 'INT64/TIMESTAMP(MILLIS,utc=true)?',
    });

    const read = await parquetReadObjects({ file: buffer });
    const stored = [];
    for await (const q of store.exportQuotes()) stored.push(q);
    expect(read.map((r) => r.quote_id)).toEqual(stored.map((q) => BigInt(q.quoteId)));
    expect(read[0]).toMatchObject({
      article_id: 1n,
      quote_key: 'q1',
      kind: 'direct',
      content: 'The bridge will open in May',
      start_offset: 1,
      end_offset: 28,
      speaker_name: 'Ana Sousa',
      speaker_kind: 'person',
      speaker_key: 'ana sousa',
      speaker_mention: 'Ana Sousa',
      speaker_description: 'the mayor',
      speaker_organisation: null,
      cue: 'said',
      via_outlets: ['RT'],
      via_outlet_keys: ['rt'],
      via_citation_keys: [],
      via_state_affiliated: true,
      confidence: 0.9,
      article_url: 'https://herald.example/bridge',
      article_title: 'Bridge to open',
      article_outlet: 'Harbour Herald',
      article_outlet_key: 'herald',
      article_published: '2024-05-12T09:30:00+02:00',
    });
    expect((read[0]!.article_published_at as Date).toISOString()).toBe('2024-05-12T07:30:00.000Z');
    expect(read[1]).toMatchObject({ quote_key: 'q2', speaker_name: null, speaker_kind: 'anonymous', speaker_mention: null, via_outlets: [], via_state_affiliated: false });
    expect(read[2]).toMatchObject({ article_id: 2n, content: 'a disgrace', article_outlet: null, article_outlet_key: null, article_published: '2024-06-01' });
    expect((read[2]!.article_published_at as Date).toISOString()).toBe('2024-06-01T00:00:00.000Z');
  });

  it('writes articles with counts, evidence (null when unknown) and timestamps', async () => {
    const store = await openSqliteStore(db);
    await fillStore(store);
    const { buffer, rows } = await exportToBuffer(store, 'articles');
    expect(rows).toBe(3);
    expect(columnTypes(buffer)).toMatchObject({
      article_id: 'INT64',
      version: 'INT32',
      authors: 'LIST<BYTE_ARRAY/STRING>',
      outlet_state_affiliated: 'BOOLEAN?',
      published_at: 'INT64/TIMESTAMP(MILLIS,utc=true)?',
      first_seen: 'INT64/TIMESTAMP(MILLIS,utc=true)',
      claims: 'INT32?',
      quotes: 'INT32',
    });
    const read = await parquetReadObjects({ file: buffer });
    const articles: StoredArticle[] = [];
    for await (const a of store.exportArticles()) articles.push(a);
    expect(read.map((r) => r.article_id)).toEqual(articles.map((a) => BigInt(a.articleId)));
    expect(read[0]).toMatchObject({
      version: 1,
      url: 'https://herald.example/bridge?utm_source=feed',
      canonical_url: 'https://herald.example/bridge',
      source_path: 'bridge.txt',
      source_format: 'text',
      source_bytes: BigInt(Buffer.byteLength(bridgeText)),
      title: 'Bridge to open',
      authors: [],
      outlet: 'Harbour Herald',
      outlet_key: 'herald',
      outlet_state_affiliated: false,
      language: 'en',
      content_hash: articles[0]!.contentHash,
      text_chars: bridgeText.length,
      quotes: 2,
      direct_quotes: 2,
      indirect_quotes: 0,
      citations: 1,
      claims: 2,
      sourced_claims: 1,
      unsourced_claims: 1,
    });
    expect((read[0]!.first_seen as Date).toISOString()).toBe(new Date(articles[0]!.firstSeen).toISOString());
    // Stored by a claimtrace from before claims: unknown, not zero.
    expect(read[1]).toMatchObject({ quotes: 1, claims: null, unsourced_claims: null, outlet_key: null, outlet_state_affiliated: null });
    // A published date that is no date: kept as text, no timestamp.
    expect(read[2]).toMatchObject({ quotes: 0, claims: 0, published: 'last Tuesday', published_at: null });
  });

  it('writes citations and the citation graph', async () => {
    const store = await openSqliteStore(db);
    await fillStore(store);
    const citations = await exportToBuffer(store, 'citations');
    expect(citations.rows).toBe(1);
    expect(columnTypes(citations.buffer)).toMatchObject({ date_parsed: 'INT32/DATE?', quote_keys: 'LIST<BYTE_ARRAY/STRING>', via_state_affiliated: 'BOOLEAN?' });
    const [c] = await parquetReadObjects({ file: citations.buffer });
    expect(c).toMatchObject({
      article_id: 1n,
      citation_key: 'c1',
      kind: 'parenthetical',
      text: '(Associated Press, citing RT)',
      outlet: 'Associated Press',
      outlet_key: 'ap',
      outlet_state_affiliated: false,
      date: null,
      date_parsed: null,
      via_outlet: 'RT',
      via_outlet_key: 'rt',
      via_state_affiliated: true,
      article_outlet_key: 'herald',
    });

    const graph = await exportToBuffer(store, 'citation-graph');
    const edges = await parquetReadObjects({ file: graph.buffer });
    const expected = (await store.citationGraph()).edges;
    expect(edges).toHaveLength(expected.length);
    expect(edges).toContainEqual(expect.objectContaining({ from_key: 'herald', to_key: 'ap', kind: 'cites', citations: 1n, articles: 1n, to_state_affiliated: false }));
    expect(edges).toContainEqual(expect.objectContaining({ from_key: 'ap', to_key: 'rt', kind: 'via', to_name: 'RT', to_state_affiliated: true }));
  });

  it('writes a valid file with no rows for an empty corpus', async () => {
    const store = await openSqliteStore(db);
    for (const table of PARQUET_TABLES) {
      const { buffer, rows } = await exportToBuffer(store, table);
      expect(rows).toBe(0);
      expect(parquetMetadata(buffer).num_rows).toBe(0n);
      expect(Object.keys(columnTypes(buffer))).toEqual(parquetColumns(table).map((c) => c.name));
      expect(await parquetReadObjects({ file: buffer })).toEqual([]);
    }
  });

  it('streams: row groups reach the output while the store is still being read', async () => {
    const store = await openSqliteStore(db);
    for (let i = 0; i < 12; i++) {
      await store.putArticle({ map: buildTestMap({ text: `"Quote number ${i}," Ana Sousa said.`, path: `a${i}.txt`, quotes: [{ content: `Quote number ${i},`, speaker: 'Ana Sousa' }] }) });
    }
    // A small buffer: every row group waits for the stream to drain.
    const out = new PassThrough({ highWaterMark: 16 });
    let written = 0;
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => {
      written += c.length;
      chunks.push(c);
    });
    const writtenWhenRead: number[] = [];
    const watched: CorpusStore = {
      ...store,
      async *exportArticles() {
        for await (const a of store.exportArticles()) {
          writtenWhenRead.push(written);
          yield a;
        }
      },
    };
    const summary = await exportParquet(watched, out, { table: 'quotes', rowGroupSize: 5 });
    expect(summary.rows).toBe(12);
    // Waiting for 'drain' leaves no listener behind (no MaxListenersExceededWarning on big exports).
    expect(out.listenerCount('drain')).toBe(0);
    expect(out.listenerCount('error')).toBeLessThanOrEqual(1);
    // Before the 11th article was read, the first two row groups (10 rows) were already out.
    expect(writtenWhenRead[10]).toBeGreaterThan(writtenWhenRead[0]!);
    const all = Buffer.concat(chunks);
    const buffer = all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
    expect(parquetMetadata(buffer).row_groups.map((g) => g.num_rows)).toEqual([5n, 5n, 2n]);
    const read = await parquetReadObjects({ file: buffer });
    expect(read.map((r) => r.content)).toEqual(Array.from({ length: 12 }, (_, i) => `Quote number ${i},`));
  });

  it('reads dates as UTC instants and calendar dates, and leaves partial ones null', () => {
    expect(toTimestamp('2024-05-12')?.toISOString()).toBe('2024-05-12T00:00:00.000Z');
    expect(toTimestamp('2024-05-12T10:00:00Z')?.toISOString()).toBe('2024-05-12T10:00:00.000Z');
    expect(toTimestamp('2024-05-12 10:00')?.toISOString()).toBe('2024-05-12T10:00:00.000Z');
    expect(toTimestamp('2024-05-12T10:00:00-0500')?.toISOString()).toBe('2024-05-12T15:00:00.000Z');
    expect(toTimestamp('--05-12')).toBeNull();
    expect(toTimestamp('May 2024')).toBeNull();
    expect(toTimestamp(null)).toBeNull();
    expect(toDate('2024-05-12T23:30:00-05:00')?.toISOString()).toBe('2024-05-12T00:00:00.000Z');
    expect(toDate('2024-02-31')).toBeNull();
    expect(toDate('--05-12')).toBeNull();
  });
});

describe('claimtrace export --format parquet', () => {
  it('exports an ingested corpus to a file whose counts match the store', async () => {
    const corpus = join(dir, 'corpus');
    writeTestCorpus(corpus, 4);
    expect((await runCorpusCli(['ingest', corpus, '--db', db, '--jobs', '1', '--no-progress'])).status).toBe(0);
    const stats = JSON.parse((await runCorpusCli(['stats', '--db', db, '--format', 'json'])).out) as { articles: number; quotes: number; citations: number };

    for (const [table, expected] of [['quotes', stats.quotes], ['articles', stats.articles], ['citations', stats.citations]] as const) {
      const file = join(dir, `${table}.parquet`);
      const run = await runCorpusCli(['export', '--db', db, '--format', 'parquet', '--table', table, '-o', file]);
      expect(run.status).toBe(0);
      expect(run.out).toMatch(new RegExp(`^Wrote ${expected} ${table} rows \\(\\d+\\.\\d MB\\) → `));
      const bytes = readFileSync(file);
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      expect(Number(parquetMetadata(buffer).num_rows)).toBe(expected);
      expect(await parquetReadObjects({ file: buffer })).toHaveLength(expected);
    }
    expect(stats.quotes).toBeGreaterThan(4);
    // Only the finished files: no temporary file left beside them.
    expect(readdirSync(dir).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('refuses a terminal, asks for -o, and reports a file it cannot write', async () => {
    const store = await openSqliteStore(db);
    await fillStore(store);
    await store.close();

    const tty = await runCorpusCli(['export', '--db', db, '--format', 'parquet'], true);
    expect(tty.status).toBe(1);
    expect(tty.out).toBe('');
    expect(tty.err).toContain('claimtrace: E_OUTPUT_TERMINAL: ');

    const piped = await runCorpusCli(['export', '--db', db, '--format', 'parquet']);
    expect(piped.status).toBe(2);
    expect(piped.err).toContain('claimtrace: E_USAGE: ');

    const missing = join(dir, 'no-such-folder', 'q.parquet');
    const unwritable = await runCorpusCli(['export', '--db', db, '--format', 'parquet', '-o', missing]);
    expect(unwritable.status).toBe(1);
    expect(unwritable.err).toMatch(/claimtrace: E_WRITE: Cannot write .*ENOENT/);
    expect(existsSync(missing)).toBe(false);

    const dirTarget = await runCorpusCli(['export', '--db', db, '--format', 'parquet', '-o', dir]);
    expect(dirTarget.err).toContain('claimtrace: E_WRITE: ');

    const csvCitations = await runCorpusCli(['export', '--db', db, '--format', 'csv', '--table', 'citations']);
    expect(csvCitations.status).toBe(2);
    expect(csvCitations.err).toContain('E_USAGE');
  });

  it.skipIf(!existsSync('/dev/full'))('reports a full disk as E_WRITE, for Parquet and for text', async () => {
    const store = await openSqliteStore(db);
    await fillStore(store);
    await store.close();
    for (const format of ['parquet', 'jsonl']) {
      const full = await runCorpusCli(['export', '--db', db, '--format', format, '-o', '/dev/full']);
      expect(full.status).toBe(1);
      expect(full.err).toMatch(/claimtrace: E_WRITE: Cannot write \/dev\/full: ENOSPC/);
    }
  });

  it('writes JSON Lines and CSV to a file with -o, the same as to standard output', async () => {
    const store = await openSqliteStore(db);
    await fillStore(store);
    await store.close();
    for (const format of ['jsonl', 'csv']) {
      const file = join(dir, `out.${format}`);
      const toFile = await runCorpusCli(['export', '--db', db, '--format', format, '-o', file]);
      expect(toFile.status).toBe(0);
      const toStdout = await runCorpusCli(['export', '--db', db, '--format', format]);
      expect(readFileSync(file, 'utf8')).toBe(toStdout.out);
      expect(toStdout.out.length).toBeGreaterThan(100);
    }
  });

  it('documents its error codes in docs/errors.md', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    for (const code of Object.keys(EXPORT_ERROR_CODES)) expect(doc).toContain(`\`${code}\``);
  });
});
