import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { checkInvariants } from '../contract/check-invariants.js';
import { isClaimtraceError } from '../core/diagnostics.js';
import { testBackends, type TestCorpus } from '../store/test-backends.js';
import type { CorpusStore, StoredArticle } from '../store/types.js';
import { ingestPaths, type IngestProgress } from './ingest.js';
import { writeTestCorpus } from './write-test-corpus.js';

describe.each(testBackends())('$name store', (backend) => {
let dir: string;
let corpus: string;
const stores: CorpusStore[] = [];
const corpora = new Map<string, TestCorpus>();
/** The store named `name` in this test (a SQLite file, or a PostgreSQL schema). */
const open = async (name: string, options: { readonly?: boolean } = {}) => {
  let c = corpora.get(name);
  if (!c) {
    c = await backend.fresh();
    corpora.set(name, c);
  }
  const s = await c.open(options);
  stores.push(s);
  return s;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-ingest-'));
  corpus = join(dir, 'corpus');
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const c of corpora.values()) await c.drop();
  corpora.clear();
  rmSync(dir, { recursive: true, force: true });
});

const analyzer = createAnalyzer();

async function dump(store: CorpusStore): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const a of store.exportArticles()) out.push(withoutTimes(a));
  return out;
}
function withoutTimes({ firstSeen: _f, lastSeen: _l, ...rest }: StoredArticle) {
  return rest;
}

describe('ingestPaths in this thread', () => {
  it('stores every article once, records failures and goes on, and stores nothing twice on a rerun', async () => {
    writeTestCorpus(corpus, 12, { extras: true });
    const store = await open('a.db');
    const progress: IngestProgress[] = [];
    const first = await ingestPaths([corpus, join(dir, 'missing')], { store, analyzer, onProgress: (p) => progress.push(p) });
    expect(first).toMatchObject({ files: 15, ingested: 12, unchanged: 1, newVersions: 0, stopped: false });
    expect(first.failed.map((f) => [f.path, f.code])).toEqual([
      [resolve(dir, 'missing'), 'E_NOT_FOUND'],
      [resolve(corpus, 'extras/binary.txt'), 'E_BINARY'],
      [resolve(corpus, 'extras/empty.txt'), 'E_EMPTY'],
    ]);
    expect(progress).toHaveLength(15);
    expect(progress.at(-1)).toMatchObject({ total: 15, done: 15, ingested: 12, unchanged: 1, failed: 3 });
    const stats = await store.stats();
    expect(stats).toMatchObject({ articles: 12, versions: 12, failures: 3 });
    expect(stats.quotes).toBeGreaterThanOrEqual(24);
    expect(stats.speakers).toBeGreaterThanOrEqual(4);

    const again = await ingestPaths([corpus], { store, analyzer });
    expect(again).toMatchObject({ ingested: 0, unchanged: 13, newVersions: 0 });
    expect(await store.stats()).toEqual(stats);

    appendFileSync(join(corpus, 'odd', 'article-0003.txt'), '\n"A late addition," Ana Sousa said.\n');
    const edited = await ingestPaths([corpus], { store, analyzer });
    expect(edited).toMatchObject({ ingested: 0, unchanged: 12, newVersions: 1 });
    expect(await store.stats()).toMatchObject({ articles: 12, versions: 13 });
    for (const a of await dump(store)) expect(checkInvariants((a as StoredArticle).map)).toEqual([]);

    // Re-analysed by the same claimtrace: nothing new.
    expect(await ingestPaths([corpus], { store, analyzer, reanalyze: true })).toMatchObject({ ingested: 0, unchanged: 13, newVersions: 0 });
  });

  it('stops after the current article when the signal aborts', async () => {
    writeTestCorpus(corpus, 6);
    const store = await open('a.db');
    const controller = new AbortController();
    const summary = await ingestPaths([corpus], {
      store,
      analyzer,
      signal: controller.signal,
      onProgress: (p) => p.done === 2 && controller.abort(),
    });
    expect(summary).toMatchObject({ files: 6, processed: 2, ingested: 2, stopped: true });
  });

  it('stops with the store error, keeping what was written, when the store refuses writes', async () => {
    writeTestCorpus(corpus, 3);
    const store = await open('a.db');
    await ingestPaths([join(corpus, 'even')], { store, analyzer });
    await store.close();
    const readonly = await open('a.db', { readonly: true });
    stores.push(readonly);
    const error = await ingestPaths([corpus], { store: readonly, analyzer }).catch((e: unknown) => e);
    expect(isClaimtraceError(error) && error.code).toBe('E_STORE_READONLY');
    expect((await readonly.stats()).articles).toBe(2);
  });
});

describe('ingestPaths in worker threads', () => {
  it('stores exactly what in-thread analysis stores', async () => {
    writeTestCorpus(corpus, 20, { extras: true });
    const inThread = await open('a.db');
    const inWorkers = await open('b.db');
    const a = await ingestPaths([corpus], { store: inThread, analyzer });
    const b = await ingestPaths([corpus], { store: inWorkers, jobs: 2 });
    expect({ ...b, elapsedMs: 0 }).toEqual({ ...a, elapsedMs: 0 });
    expect(await inWorkers.stats()).toEqual(await inThread.stats());
    expect(await dump(inWorkers)).toEqual(await dump(inThread));
    // A rerun is answered from the store without analysing again.
    expect(await ingestPaths([corpus], { store: inWorkers, jobs: 2 })).toMatchObject({ ingested: 0, unchanged: 21 });
  });

  it('fails only the file whose analysis throws, crashes its worker or hangs', async () => {
    writeTestCorpus(corpus, 4);
    writeFileSync(join(corpus, 'throws.txt'), 'THROW in the analyzer');
    writeFileSync(join(corpus, 'crashes.txt'), 'CRASH the worker');
    writeFileSync(join(corpus, 'hangs.txt'), 'HANG forever');
    writeFileSync(join(corpus, 'refused.txt'), 'DUPLICATE quote ids');
    const fake = join(dir, 'fake-analyzer.mjs');
    writeFileSync(fake, FAKE_ANALYZER);
    const store = await open('a.db');
    const summary = await ingestPaths([corpus], { store, jobs: 2, analyzerModule: fake, timeoutMs: 1500 });
    expect(summary.ingested).toBe(4);
    expect(summary.failed.map((f) => [f.path.slice(corpus.length + 1), f.code])).toEqual([
      ['crashes.txt', 'E_WORKER_CRASHED'],
      ['hangs.txt', 'E_TIMEOUT'],
      ['refused.txt', 'E_STORE_REJECTED'],
      ['throws.txt', 'E_ANALYSIS'],
    ]);
  });

  it('fails the run at once when the analyzer cannot load', async () => {
    writeTestCorpus(corpus, 2);
    const broken = join(dir, 'broken-analyzer.mjs');
    writeFileSync(broken, 'throw new Error("no model here");\n');
    const store = await open('a.db');
    const error = await ingestPaths([corpus], { store, jobs: 2, analyzerModule: broken }).catch((e: unknown) => e);
    expect(isClaimtraceError(error) && error.code).toBe('E_WORKER_START');
  });
});

// A stand-in analyzer for the failure paths: a minimal valid map, or the failure the text asks for.
const FAKE_ANALYZER = `
export function createAnalyzer() {
  return {
    analyze(input) {
      if (input.text.includes('THROW')) throw new Error('boom');
      if (input.text.includes('CRASH')) process.exit(3);
      if (input.text.includes('HANG')) for (;;) {}
      const span = { start: 0, end: 9, text: input.text.slice(0, 9) };
      const quote = (id) => ({ id, kind: 'direct', content: [span], cue: null, paragraphId: null, confidence: 1,
        speaker: { mention: null, name: null, kind: 'unknown', entityId: null, outletId: null }, via: { citationIds: [], outletIds: [] } });
      return {
        schemaVersion: '1.0.0', generator: { name: 'claimtrace', version: 'fake' }, source: input.source,
        meta: { title: null, authors: [], published: null, modified: null, outlet: null, outletId: null, url: null, language: null },
        text: input.text, paragraphs: [], links: [], quotes: input.text.includes('DUPLICATE') ? [quote('q1'), quote('q1')] : [], markedPhrases: [], citations: [], outlets: [], entities: [], diagnostics: [],
      };
    },
  };
}
`;
});
