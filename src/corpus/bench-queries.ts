/**
 * Query latency at corpus scale: builds a store of synthetic articles (one million quotes by
 * default) through the store's own write path, times the corpus queries, deletes the store.
 *
 *   npx tsx src/corpus/bench-queries.ts [--quotes 1000000] [--db /tmp/bench.db] [--keep]
 *
 * The articles are made up but shaped like news: 20 quotes each, speakers drawn from 20,000
 * people with a long tail (some quoted by surname alone), 200 outlets, 5 claims and 2 citations
 * an article, and one quote in ten a reprint of an earlier one (whole, partial, or with a word
 * changed), so quote trails have something to find. Maps are built by hand (`buildTestMap`),
 * not by the analyzer: this measures the store, not extraction.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../core/seeded-random.js';
import { buildTestMap, type TestMapSpec } from '../store/build-test-map.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import type { CorpusStore } from '../store/types.js';

const QUOTES_PER_ARTICLE = 20;
const BATCH = 500;

// Deterministic, so every run builds the same corpus.
const rand = seededRandom(20261124);
const int = (n: number) => Math.floor(rand() * n);
/** Long-tailed pick in [0, n): low indices far more often (a few people are quoted most). */
const skewed = (n: number) => Math.floor(n * rand() ** 3);

const SYLLABLES = 'ba ko ri ne ta lu mi so de va pe ga ru fi no ze ka li mo tu ra se di po'.split(' ');
const word = (i: number) => SYLLABLES[i % 24]! + SYLLABLES[Math.floor(i / 24) % 24]! + (i >= 576 ? SYLLABLES[Math.floor(i / 576) % 24]! : '');
const VOCABULARY = Array.from({ length: 6000 }, (_, i) => word(i));
const FIRST = Array.from({ length: 200 }, (_, i) => cap(word(i * 7 + 3)) + 'a');
// Surnames mostly distinct (a surname alone then finds its person), some shared (then it cannot).
const PEOPLE = Array.from({ length: 20_000 }, (_, i) => `${FIRST[i % 200]!} ${cap(word((i * 7919) % 13_824))}son`);
const OUTLETS = Array.from({ length: 200 }, (_, i) => ({ key: `outlet-${i}`, name: `${cap(word(i * 31 + 11))} News`, stateAffiliated: i % 17 === 0 }));

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function sentence(min: number, max: number): string {
  const n = min + int(max - min + 1);
  return Array.from({ length: n }, () => VOCABULARY[skewed(VOCABULARY.length)]!).join(' ');
}

// Quotes that may be reprinted later: the last few thousand.
const recent: string[] = [];

// One quotation that goes round: reprinted in one article in fifty, whole, cut or edited.
const VIRAL = 'we will not allow foreign troops to stay on our soil whatever the cost and we will say so at the united nations';

function nextQuote(): string {
  const reprint = recent.length > 100 && rand() < 0.1;
  if (reprint) {
    const original = rand() < 0.025 ? VIRAL : recent[int(recent.length)]!;
    const words = original.split(' ');
    const r = rand();
    if (r < 0.4) return original.toUpperCase();
    if (r < 0.7 && words.length > 8) {
      const start = int(words.length - 6);
      return words.slice(start, start + 6 + int(words.length - start - 6)).join(' ');
    }
    const at = int(words.length);
    words[at] = VOCABULARY[int(VOCABULARY.length)]!;
    return words.join(' ');
  }
  const q = sentence(6, 16);
  recent.push(q);
  if (recent.length > 5000) recent.shift();
  return q;
}

function article(i: number): TestMapSpec {
  const publisher = OUTLETS[skewed(OUTLETS.length)]!;
  const parts: string[] = [];
  const quotes: NonNullable<TestMapSpec['quotes']>[number][] = [];
  for (let k = 0; k < QUOTES_PER_ARTICLE; k++) {
    const person = PEOPLE[skewed(PEOPLE.length)]!;
    const speaker = rand() < 0.15 ? person.split(' ')[1]! : person;
    const content = `${nextQuote()} ${i}x${k}`;
    parts.push(`"${content}," ${speaker} said.`);
    quotes.push({ content, speaker, cue: 'said' });
  }
  const claims: { text: string; quote?: number }[] = [];
  for (let k = 0; k < 5; k++) {
    const text = `Claim ${i}-${k} ${sentence(5, 10)}`;
    parts.push(`${text}.`);
    claims.push(rand() < 0.6 ? { text, quote: int(QUOTES_PER_ARTICLE) } : { text });
  }
  const cited = [OUTLETS[skewed(OUTLETS.length)]!, OUTLETS[skewed(OUTLETS.length)]!];
  const citations = cited.map((o, k) => {
    const text = `(${o.name}, ${i}/${k})`;
    parts.push(`It was reported ${text}.`);
    return { text, outlet: o };
  });
  const day = new Date(Date.UTC(2020, 0, 1) + (i % 2000) * 86_400_000).toISOString().slice(0, 10);
  return { path: `bench/${i}.txt`, title: `Article ${i}`, published: day, publisher, text: parts.join(' '), quotes, claims, citations };
}

async function time<T>(label: string, runs: number, f: () => Promise<T>): Promise<{ label: string; ms: number; result: T }> {
  let result!: T;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    result = await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { label, ms: times[Math.floor(times.length / 2)]!, result };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quotes: { type: 'string', default: '1000000' }, db: { type: 'string' }, keep: { type: 'boolean', default: false } },
  });
  const totalQuotes = Number(values.quotes);
  if (!Number.isInteger(totalQuotes) || totalQuotes < QUOTES_PER_ARTICLE) throw new Error(`Expected --quotes to be a whole number of at least ${QUOTES_PER_ARTICLE}, not \`${values.quotes}\``);
  const path = values.db ?? join(tmpdir(), `claimtrace-bench-${process.pid}.db`);
  if (existsSync(path)) throw new Error(`Expected a new path for the bench database, not an existing file (${path})`);
  const articles = Math.ceil(totalQuotes / QUOTES_PER_ARTICLE);

  const store = await openSqliteStore(path);
  try {
    const t0 = performance.now();
    for (let start = 0; start < articles; start += BATCH) {
      await store.withBatch(async () => {
        for (let i = start; i < Math.min(articles, start + BATCH); i++) await store.putArticle({ map: buildTestMap(article(i)) });
      });
      if ((start / BATCH) % 20 === 0) {
        const s = (performance.now() - t0) / 1000;
        process.stderr.write(`${start + BATCH} articles, ${(start + BATCH) * QUOTES_PER_ARTICLE} quotes in ${s.toFixed(0)} s\n`);
      }
    }
    const writeSeconds = (performance.now() - t0) / 1000;
    await store.close();
    const size = statSync(path).size;
    const reader = await openSqliteStore(path, { readonly: true });
    const results = await runQueries(reader);
    await reader.close();

    const stats = results[0]!.result as Awaited<ReturnType<CorpusStore['stats']>>;
    console.log(`# ${stats.quotes} quotes, ${stats.articles} articles, ${stats.speakers} speakers, ${stats.claims} claims; ` +
      `written in ${writeSeconds.toFixed(0)} s (${Math.round(stats.quotes / writeSeconds)} quotes/s); file ${(size / 2 ** 20).toFixed(0)} MiB`);
    console.log('| query | median ms | results |\n| --- | ---: | ---: |');
    for (const r of results) console.log(`| ${r.label} | ${r.ms.toFixed(1)} | ${Array.isArray(r.result) ? r.result.length : describe(r.result)} |`);
  } finally {
    if (!values.keep) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  }
}

function describe(result: unknown): string {
  if (result && typeof result === 'object' && 'later' in result) {
    const t = result as { first: unknown; later: unknown[] };
    return String((t.first ? 1 : 0) + t.later.length);
  }
  if (result && typeof result === 'object' && 'edges' in result) return `${(result as { edges: unknown[] }).edges.length} edges`;
  return '1';
}

async function runQueries(store: CorpusStore) {
  const top = await store.topSpeakers({ limit: 1 });
  const busiest = OUTLETS[0]!.name;
  // A quote reprinted in later articles: the most repeated of the first ones written.
  const sample = (await store.searchQuotes(recent[0]!.split(' ').slice(0, 6).join(' '), { limit: 1 }))[0];
  const viral = (await store.searchQuotes(`"${VIRAL.split(' ').slice(0, 8).join(' ')}"`, { limit: 1 }))[0];
  return [
    await time('stats', 3, () => store.stats()),
    await time('top-speakers -n 20', 5, () => store.topSpeakers({ limit: 20 })),
    await time(`top-speakers --outlet "${busiest}" -n 20`, 5, () => store.topSpeakers({ limit: 20, outlet: busiest })),
    await time(`speaker-quotes "${top[0]?.name}" -n 20`, 5, () => store.speakerQuotes(top[0]?.name ?? '', { limit: 20 })),
    await time('speaker (short form, linked)', 5, () => store.speakerLinks(top[0]?.name.split(' ')[1] ?? '')),
    await time('quote-trail <id of an ordinary quote>', 5, () => store.quoteTrail(sample?.quoteId ?? 1)),
    await time('quote-trail <id of a quote reprinted ~1,000 times> (limit 200)', 5, () => store.quoteTrail(viral?.quoteId ?? 1)),
    await time('quote-trail "<8 words of that quote, other marks>" (limit 200)', 5, () => store.quoteTrail('“Foreign troops to stay on our soil, whatever the cost!”')),
    await time('quote-trail "<words never quoted>"', 5, () => store.quoteTrail('nothing like this was ever said by anyone at all')),
    await time('search "<two common words>" -n 20', 5, () => store.searchQuotes(`${VOCABULARY[0]} ${VOCABULARY[1]}`, { limit: 20 })),
    await time('search-articles "<word>" -n 20', 5, () => store.searchArticles(VOCABULARY[5]!, { limit: 20 })),
    await time('citation-graph', 3, () => store.citationGraph()),
    await time('unsourced --by article -n 20', 5, () => store.unsourcedClaims({ limit: 20 })),
    await time('unsourced --by outlet -n 20', 5, () => store.unsourcedClaims({ by: 'outlet', limit: 20 })),
  ];
}

await main();
