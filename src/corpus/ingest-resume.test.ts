/**
 * An ingest killed with SIGKILL part-way and run again stores exactly what one clean run stores:
 * each article is one transaction, and a rerun skips what is stored. Tested for real, with a
 * child process that ingests a generated corpus in worker threads and is killed mid-run.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSqliteIntegrity } from '../store/sqlite/check-integrity.js';
import { openCorpusStore } from '../store/index.js';
import { testBackends } from '../store/test-backends.js';
import type { CorpusStore, StoredFailure } from '../store/types.js';
import { writeTestCorpus } from './write-test-corpus.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const ARTICLES = 240;

let dir: string;
let corpus: string;
let child: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-resume-'));
  corpus = join(dir, 'corpus');
  writeTestCorpus(corpus, ARTICLES, { extras: true });
  child = join(dir, 'ingest-child.mts');
  writeFileSync(
    child,
    `import { ingestPaths } from ${JSON.stringify(join(ROOT, 'src/corpus/ingest.ts'))};
import { openCorpusStore } from ${JSON.stringify(join(ROOT, 'src/store/index.ts'))};
const [corpus, db] = process.argv.slice(2);
const store = await openCorpusStore(db);
await ingestPaths([corpus], { store, jobs: 2, onProgress: (p) => process.stdout.write(p.done + '\\n') });
await store.close();
process.stdout.write('finished\\n');
`,
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child; with `killAfter`, sends SIGKILL once it reports that many files done. */
function runChild(db: string, killAfter?: number): Promise<{ killed: boolean; lastDone: number }> {
  return new Promise((resolvePromise, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, corpus, db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let lastDone = 0;
    let finished = false;
    let stderr = '';
    let buffer = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'finished') finished = true;
        else lastDone = Number(line);
        if (killAfter !== undefined && lastDone >= killAfter && p.exitCode === null && !p.killed) p.kill('SIGKILL');
      }
    });
    p.on('error', reject);
    p.on('close', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise({ killed: true, lastDone });
      else if (code === 0 && finished) resolvePromise({ killed: false, lastDone });
      else reject(new Error(`the ingest child exited with ${code}: ${stderr}`));
    });
  });
}

/**
 * What a corpus holds, times left out. PostgreSQL sequences do not roll back, so a killed
 * transaction leaves a gap in the ids there: its ids are left out too (SQLite's must match).
 */
async function snapshot(path: string, withIds = true): Promise<{ stats: unknown; articles: unknown[]; quotes: unknown[]; failures: unknown[] }> {
  const store: CorpusStore = await openCorpusStore(path, { readonly: true });
  try {
    const articles: unknown[] = [];
    for await (const { firstSeen: _f, lastSeen: _l, articleId, ...a } of store.exportArticles()) articles.push(withIds ? { articleId, ...a } : a);
    const quotes: unknown[] = [];
    for await (const { article: { firstSeen: _f, articleId, ...article }, quoteId, ...q } of store.exportQuotes()) {
      quotes.push(withIds ? { quoteId, ...q, article: { articleId, ...article } } : { ...q, article });
    }
    const failures = (await store.failures()).map(({ at: _at, ...f }: StoredFailure) => f);
    return { stats: await store.stats(), articles, quotes, failures };
  } finally {
    await store.close();
  }
}

describe.each(testBackends())('ingest killed with SIGKILL and run again ($name)', (backend) => {
  it('stores exactly what a clean run stores', { timeout: 240_000 }, async () => {
    const cleanCorpus = await backend.fresh();
    const resumedCorpus = await backend.fresh();
    const clean = cleanCorpus.location;
    const resumed = resumedCorpus.location;
    const sqlite = backend.name === 'sqlite';
    expect((await runChild(clean)).killed).toBe(false);

    const first = await runChild(resumed, 40);
    expect(first.killed).toBe(true);
    // The killed database is sound and holds a part of the corpus.
    if (sqlite) expect(await checkSqliteIntegrity(resumed)).toEqual([]);
    const killed = await openCorpusStore(resumed, { readonly: true });
    const partial = (await killed.stats()).articles;
    await killed.close();
    expect(partial).toBeGreaterThanOrEqual(40);
    expect(partial).toBeLessThan(ARTICLES);

    // Killed again, later, while it is still resuming; then run to the end.
    const second = await runChild(resumed, 140);
    expect(second.killed).toBe(true);
    expect((await runChild(resumed)).killed).toBe(false);

    const expected = await snapshot(clean, sqlite);
    expect(expected.stats).toMatchObject({ articles: ARTICLES, versions: ARTICLES, failures: 2 });
    const actual = await snapshot(resumed, sqlite);
    expect(actual.stats).toEqual(expected.stats);
    expect(actual.failures).toEqual(expected.failures);
    expect(actual.quotes).toEqual(expected.quotes);
    expect(actual.articles).toEqual(expected.articles);
    if (sqlite) expect(await checkSqliteIntegrity(resumed)).toEqual([]);
    await cleanCorpus.drop();
    await resumedCorpus.drop();
  });
});
