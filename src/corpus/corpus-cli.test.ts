import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInvariants } from '../contract/check-invariants.js';
import type { CliIo } from '../cli/main.js';
import type { ProvenanceMap } from '../contract/schema.js';
import { buildTestMap } from '../store/build-test-map.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import type { CitationGraph } from '../store/types.js';
import { formatCitationGraph } from './format-citation-graph.js';
import { formatDuration, formatProgress } from './format-progress.js';
import { toCsv } from './to-csv.js';
import { runCorpusCli } from './run-corpus-cli.js';
import { writeTestCorpus } from './write-test-corpus.js';

let dir: string;
let db: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-cli-'));
  db = join(dir, 'corpus.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = runCorpusCli;

describe('claimtrace ingest, stats, query, export', () => {
  it('ingests a directory and answers questions about it', async () => {
    const corpus = join(dir, 'corpus');
    writeTestCorpus(corpus, 10, { extras: true });

    const ingest = await run(['ingest', corpus, '--db', db, '--jobs', '1']);
    expect(ingest.status).toBe(0);
    expect(ingest.out).toMatch(/^Done: 13 files, 10 new, 1 unchanged, 0 new versions, 2 failed in .* files\/s\) → /);
    expect(ingest.err).toContain('claimtrace: E_BINARY: ');
    expect(ingest.err).toMatch(/claimtrace: ingest 13\/13 files · 10 new · 1 unchanged/);

    const stats = await run(['stats', '--db', db, '--format', 'json']);
    expect(stats.status).toBe(0);
    const counts = JSON.parse(stats.out) as Record<string, number>;
    expect(counts).toMatchObject({ articles: 10, versions: 10, failures: 2 });
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['articles', 'quotes', 'speakers', 'citations', 'outlets']));
    expect((await run(['stats', '--db', db])).out).toMatch(/^articles +10\n/);

    const top = JSON.parse((await run(['query', 'top-speakers', '--db', db, '--format', 'json', '--limit', '3'])).out) as { key: string; quotes: number }[];
    expect(top).toHaveLength(3);
    expect(top[0]!.quotes).toBeGreaterThanOrEqual(top[1]!.quotes);

    const speaker = top[0]!.key;
    const quotes = await run(['query', 'speaker-quotes', speaker, '--db', db, '--format', 'csv']);
    expect(quotes.out.split('\r\n')[0]).toBe('quote_id,article_id,quote,kind,speaker,speaker_kind,speaker_key,cue,content,title,outlet,published,url,source_path');
    expect(quotes.out.split('\r\n').length).toBeGreaterThan(2);

    const search = await run(['query', 'search', 'numbers', 'do', 'not', 'add', 'up', '--db', db]);
    expect(search.out).toContain('The numbers for');
    expect((await run(['query', 'search-articles', 'harbour bridge', '--db', db])).out).toContain('«harbour»');

    const jsonl = (await run(['export', '--db', db])).out.trim().split('\n');
    expect(jsonl).toHaveLength(10);
    for (const line of jsonl) {
      const record = JSON.parse(line) as { article: { articleId: number }; map: ProvenanceMap };
      expect(checkInvariants(record.map)).toEqual([]);
    }
    const csv = (await run(['export', '--db', db, '--format', 'csv', '--table', 'articles'])).out.trim().split('\r\n');
    expect(csv).toHaveLength(11);
  });

  it('prints the citation graph as GraphML, GEXF, CSV and text', async () => {
    const store = await openSqliteStore(db);
    const odd = { key: 'a&b', name: `A & B <"Daily"> 'News'` };
    await store.putArticle({
      map: buildTestMap({
        publisher: { key: 'herald', name: 'Harbour Herald' },
        text: 'Prices rose (A & B, citing RT). They fell (RT).',
        citations: [
          { text: '(A & B, citing RT)', outlet: odd, via: { key: 'rt', name: 'RT', stateAffiliated: true } },
          { text: '(RT)', outlet: { key: 'rt', name: 'RT', stateAffiliated: true } },
        ],
      }),
    });
    await store.close();
    const graphml = await run(['query', 'citation-graph', '--db', db, '--format', 'graphml']);
    expectWellFormedXml(graphml.out);
    expect(graphml.out).toContain('<node id="a&amp;b">');
    expect(graphml.out).toContain('<data key="name">A &amp; B &lt;&quot;Daily&quot;&gt; &apos;News&apos;</data>');
    const gexf = await run(['query', 'citation-graph', '--db', db, '--format', 'gexf']);
    expectWellFormedXml(gexf.out);
    expect(gexf.out.match(/<edge /g)).toHaveLength(3);
    const csv = await run(['query', 'citation-graph', '--db', db, '--format', 'csv']);
    expect(csv.out).toBe(
      'from,from_name,to,to_name,kind,count,articles,to_state_affiliated\r\n' +
        `a&b,"A & B <""Daily""> 'News'",rt,RT,via,1,1,true\r\n` +
        `herald,Harbour Herald,a&b,"A & B <""Daily""> 'News'",cites,1,1,false\r\n` +
        'herald,Harbour Herald,rt,RT,cites,1,1,true\r\n',
    );
    expect((await run(['query', 'citation-graph', '--db', db])).out).toContain('Harbour Herald —cites→ RT [state-affiliated]  ×1 (1 articles)');
  });

  it('draws one progress line in place on a terminal, and none with --no-progress', async () => {
    const corpus = join(dir, 'corpus');
    writeTestCorpus(corpus, 3);
    const tty = await run(['ingest', corpus, '--db', db, '--jobs', '1'], true);
    expect(tty.err).toMatch(/^\r\u001b\[2K.*3\/3 files · 3 new · 0 unchanged · 0 new versions · 0 failed · [\d.]+ files\/s\n$/s);
    const quiet = await run(['ingest', corpus, '--db', db, '--no-progress']);
    expect(quiet.err).toBe('');
    expect(quiet.out).toMatch(/^Done: 3 files, 0 new, 3 unchanged/);
  });

  it('exits 2 on misuse and 1 on a missing or unusable database', async () => {
    expect((await run(['query', 'top-speakers', '--db', db, '--format', 'graphml'])).status).toBe(2);
    expect((await run(['query', 'search', '--db', db])).status).toBe(2);
    expect((await run(['query', 'nonsense', '--db', db])).status).toBe(2);
    expect((await run(['ingest', dir, '--db', db, '--jobs', '0'])).status).toBe(2);
    const missing = await run(['stats', '--db', join(dir, 'none.db')]);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('E_STORE_NOT_FOUND');
    const named = await run(['ingest', join(dir, 'no-such-dir'), '--db', db]);
    expect(named.status).toBe(1);
    expect(named.err).toContain('E_NOT_FOUND');
  });
});

describe('main() with the corpus commands', () => {
  it('ingests a directory, then reports stats as JSON', async () => {
    const { main } = await import('../cli/main.js');
    const corpus = join(dir, 'corpus');
    writeTestCorpus(corpus, 6);
    let out = '';
    const io: CliIo = { out: (s) => void (out += s), err: () => undefined, isTTY: false };
    expect(await main(['ingest', corpus, '--db', db], io)).toBe(0);
    out = '';
    expect(await main(['stats', '--db', db, '--format', 'json'], io)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ articles: 6, versions: 6 });
  });
});

describe('formatting helpers', () => {
  it('escapes XML and drops characters XML cannot hold', () => {
    const graph: CitationGraph = {
      nodes: [{ id: 'x\u0001y', name: 'Lone \ud800 surrogate & tab\t', stateAffiliated: false, country: 'RU' }],
      edges: [{ from: 'x\u0001y', to: 'x\u0001y', kind: 'cites', count: 2, articles: 1 }],
    };
    for (const format of ['graphml', 'gexf'] as const) {
      const out = formatCitationGraph(graph, format);
      expectWellFormedXml(out);
      expect(out).toContain('"xy"');
      expect(out).toContain('Lone  surrogate &amp; tab\t');
    }
  });

  it('writes RFC 4180 CSV', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\nthen'], [null, 3]])).toBe('a,b\r\n"x,y","say ""hi""\nthen"\r\n,3\r\n');
  });

  it('formats progress with rate and ETA', () => {
    expect(formatProgress({ total: 840, done: 420, ingested: 400, unchanged: 12, newVersions: 0, failed: 8, elapsedMs: 4000, path: 'x' })).toBe(
      '420/840 files · 400 new · 12 unchanged · 0 new versions · 8 failed · 105.0 files/s · ETA 4s',
    );
    expect(formatDuration(65)).toBe('1m05s');
    expect(formatDuration(7380)).toBe('2h03m');
  });
});

/**
 * A strict well-formedness check for the XML we write: one root, balanced tags, quoted
 * attributes, no raw `<` or `&` in text or values, only predefined or numeric entities.
 */
function expectWellFormedXml(xml: string): void {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i;
  const stack: string[] = [];
  let roots = 0;
  for (const token of body.match(/<[^>]*>|[^<]+/g) ?? []) {
    if (!token.startsWith('<')) {
      if (entity.test(token)) throw new Error(`bare & in text: ${token}`);
      if (stack.length === 0 && token.trim()) throw new Error(`text outside the root: ${token}`);
      continue;
    }
    const m = /^<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[A-Za-z_][\w:.-]*="[^"<]*")*)\s*(\/?)>$/.exec(token);
    if (!m) throw new Error(`malformed tag: ${token}`);
    const [, close, name, attrs, selfClose] = m;
    if (entity.test(attrs!)) throw new Error(`bare & in attributes: ${token}`);
    const names = [...attrs!.matchAll(/([\w:.-]+)=/g)].map((a) => a[1]);
    if (new Set(names).size !== names.length) throw new Error(`repeated attribute: ${token}`);
    if (close) {
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}>`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  // eslint-disable-next-line no-control-regex
  expect(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)).toBe(false);
}
