import type Database from 'better-sqlite3';
import { quoteShingles, quoteSimilarity, SAME_QUOTE_THRESHOLD, shingleHash } from '../shingle-quote.js';
import type { QuoteTrail, QuoteTrailHit, QuoteTrailOptions } from '../types.js';
import { QUOTE_SELECT, toQuoteHit, type QuoteRow } from './rows.js';

const DEFAULT_TRAIL_LIMIT = 200;
// Candidates checked at most: a quotation repeated more often than this is cut to its best matches.
const MAX_CANDIDATES = 5000;

/**
 * Quote trails: candidates come from the shingle index (`quote_shingles`, one row per word
 * 4-gram hash and quote), never from a scan of the quotes; each is then confirmed by
 * `quoteSimilarity` on the text itself, so hash collisions and stock phrases fall away.
 */
export function createQuoteTrailReader(db: Database.Database) {
  const st = {
    quoteContent: db.prepare<[number], { content: string }>('SELECT content FROM quotes WHERE id = ?'),
    // shared ≥ minShare × the smaller shingle count: the least overlap that can still reach the threshold.
    candidates: db.prepare<[string, number, number], { quote_id: number }>(
      `SELECT c.quote_id FROM (
         SELECT quote_id, count(*) AS shared FROM quote_shingles
         WHERE hash IN (SELECT value FROM json_each(?)) GROUP BY quote_id
       ) c JOIN quotes q ON q.id = c.quote_id
       WHERE c.shared >= ? * min(?, q.shingles)
       ORDER BY c.shared DESC, c.quote_id LIMIT ${MAX_CANDIDATES}`,
    ),
    quotes: db.prepare<[string], QuoteRow & { canonical_name: string | null }>(
      `${QUOTE_SELECT.replace('s.key AS speaker_key,', 's.key AS speaker_key, s.name AS canonical_name,')}
       WHERE q.id IN (SELECT value FROM json_each(?))`,
    ),
  };

  return {
    quoteTrail(quote: string | number, options: QuoteTrailOptions = {}): QuoteTrail {
      const threshold = options.threshold ?? SAME_QUOTE_THRESHOLD;
      const limit = options.limit ?? DEFAULT_TRAIL_LIMIT;
      if (!(threshold > 0 && threshold <= 1)) throw new TypeError(`Expected \`threshold\` above 0 and at most 1, not \`${threshold}\``);
      if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`Expected \`limit\` to be a positive integer, not \`${limit}\``);
      const text = typeof quote === 'number' ? contentOf(quote) : quote;
      const shingles = quoteShingles(text);
      if (shingles.length === 0) return { query: text, first: null, later: [] };

      const hits = new Map<number, QuoteTrailHit>();
      confirm(text, candidates(text, shingles, threshold), threshold, hits);
      // One hop through the longest quote found: a partial quote finds its original, and the
      // original finds the copies that changed a word in the part the partial quote left out.
      const longest = [...hits.values()].sort((a, b) => b.content.length - a.content.length)[0];
      if (longest && longest.content.length > text.length) {
        const more = candidates(longest.content, quoteShingles(longest.content), threshold).filter((id) => !hits.has(id));
        confirm(longest.content, more, threshold, hits);
      }
      if (hits.size === 0) return { query: text, first: null, later: [] };
      const sorted = [...hits.values()];
      sorted.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.article.articleId - b.article.articleId || a.quoteId - b.quoteId));
      const [first, ...later] = sorted.slice(0, limit);
      return { query: text, first: first ?? null, later };
    },
  };

  function candidates(text: string, shingles: readonly string[], threshold: number): number[] {
    const hashes = [...new Set(shingles.map(shingleHash))];
    const minShare = Math.max(0, 2 * threshold - 1); // similarity ≤ (shingle share + 1) / 2
    return st.candidates.all(JSON.stringify(hashes), minShare, shingles.length).map((r) => r.quote_id);
  }

  /** Adds the candidates as alike as `threshold` to `text`, with the similarity to `text`. */
  function confirm(text: string, ids: readonly number[], threshold: number, hits: Map<number, QuoteTrailHit>): void {
    if (ids.length === 0) return;
    for (const r of st.quotes.all(JSON.stringify(ids))) {
      const similarity = quoteSimilarity(text, r.content);
      if (similarity < threshold) continue;
      hits.set(r.quote_id, {
        ...toQuoteHit(r),
        similarity: Math.round(similarity * 1000) / 1000,
        date: r.published ?? r.first_seen,
        dateSource: r.published ? 'published' : 'first-seen',
        speakerName: r.canonical_name ?? r.speaker_name,
      });
    }
  }

  function contentOf(id: number): string {
    const row = Number.isInteger(id) ? st.quoteContent.get(id) : undefined;
    if (!row) throw new RangeError(`Expected the id of a stored quote, not \`${id}\` (no quote has it; \`query search --format json\` shows quote ids)`);
    return row.content;
  }
}
