import type Database from 'better-sqlite3';
import { quoteShingles, shingleHash } from '../shingle-quote.js';
import type { QuoteTrail, QuoteTrailHit, QuoteTrailOptions } from '../types.js';
import {
  confirmTrailHits,
  longestHit,
  MAX_CANDIDATES,
  minShingleShare,
  noSuchQuote,
  toQuoteTrail,
  TRAIL_QUOTE_SELECT,
  trailOptions,
  type TrailQuoteRow,
} from '../rows.js';

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
    quotes: db.prepare<[string], TrailQuoteRow>(`${TRAIL_QUOTE_SELECT} WHERE q.id IN (SELECT value FROM json_each(?))`),
  };

  return {
    quoteTrail(quote: string | number, options: QuoteTrailOptions = {}): QuoteTrail {
      const { threshold, limit } = trailOptions(options);
      const text = typeof quote === 'number' ? contentOf(quote) : quote;
      const shingles = quoteShingles(text);
      if (shingles.length === 0) return { query: text, first: null, later: [] };

      const hits = new Map<number, QuoteTrailHit>();
      confirm(text, candidates(text, shingles, threshold), threshold, hits);
      // One hop through the longest quote found: a partial quote finds its original, and the
      // original finds the copies that changed a word in the part the partial quote left out.
      const longest = longestHit(text, hits);
      if (longest) {
        const more = candidates(longest.content, quoteShingles(longest.content), threshold).filter((id) => !hits.has(id));
        confirm(longest.content, more, threshold, hits);
      }
      return toQuoteTrail(text, hits, limit);
    },
  };

  function candidates(text: string, shingles: readonly string[], threshold: number): number[] {
    const hashes = [...new Set(shingles.map(shingleHash))];
    return st.candidates.all(JSON.stringify(hashes), minShingleShare(threshold), shingles.length).map((r) => r.quote_id);
  }

  /** Adds the candidates as alike as `threshold` to `text`, with the similarity to `text`. */
  function confirm(text: string, ids: readonly number[], threshold: number, hits: Map<number, QuoteTrailHit>): void {
    if (ids.length === 0) return;
    confirmTrailHits(text, st.quotes.all(JSON.stringify(ids)), threshold, hits);
  }

  function contentOf(id: number): string {
    const row = Number.isInteger(id) ? st.quoteContent.get(id) : undefined;
    if (!row) throw noSuchQuote(id);
    return row.content;
  }
}
