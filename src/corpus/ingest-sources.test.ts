import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalyzer } from '../analyze.js';
import { formatWarcRecord, httpResponseBlock } from '../sources/warc/write-warc.js';
import { openSqliteStore } from '../store/sqlite/open-sqlite-store.js';
import type { CorpusStore } from '../store/types.js';
import { ingestPaths } from './ingest.js';

let dir: string;
const stores: CorpusStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-ingest-sources-'));
});
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const story = (n: number) =>
  `<html><head><title>Story ${n}</title></head><body><article><p>“The plan is sound,” said Mayor Ann Lee ${n}. ` +
  'The council approved it on Tuesday after a long debate, according to the minutes. '.repeat(8) + '</p></article></body></html>';

function writeSources(): { warc: string; feed: string } {
  const warc = join(dir, 'crawl.warc.gz');
  const records = [1, 2, 3].map((n) => formatWarcRecord({ type: 'response', targetUri: `https://news.example/${n}`, block: httpResponseBlock({ status: 200, headers: [['Content-Type', 'text/html']], body: story(n) }) }, { gzip: true }).bytes);
  writeFileSync(warc, Buffer.concat([...records, records[0]!.subarray(0, 40)]));
  const feed = join(dir, 'news.rss');
  writeFileSync(feed, `<rss><channel><link>https://feed.example/</link><item><title>Full</title><link>/full</link><content:encoded><![CDATA[${story(4)}]]></content:encoded></item><item><link>/only-link</link></item></channel></rss>`);
  return { warc, feed };
}

describe('ingestPaths over WARC archives and feeds', () => {
  it.each([['in this thread', { analyzer: createAnalyzer() }], ['in a worker', { jobs: 1 }]])('stores each page and full-text item, %s, once', async (_, how) => {
    const { warc, feed } = writeSources();
    const store = await openSqliteStore(join(dir, 'c.db'));
    stores.push(store);
    const first = await ingestPaths([warc, feed], { store, ...how });
    expect(first).toMatchObject({ files: 4, ingested: 4 });
    expect(first.failed.map((f) => f.code)).toEqual(['E_WARC_TRUNCATED', 'E_NEEDS_FETCH']);
    const again = await ingestPaths([warc, feed], { store, ...how });
    expect(again).toMatchObject({ files: 4, ingested: 0, unchanged: 4 });
  });
});
