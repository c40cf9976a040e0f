import type Database from 'better-sqlite3';
import { speakerKey } from '../normalise-text.js';
import type { SpeakerLinks } from '../types.js';

/** Speakers across articles: a name, full or short, resolved through `speaker_aliases`. */
export function createSpeakerLinksReader(db: Database.Database) {
  const st = {
    speaker: db.prepare<{ key: string }, { id: number; key: string; name: string; kind: string }>(
      `SELECT id, key, name, kind FROM speakers
       WHERE id = coalesce((SELECT speaker_id FROM speaker_aliases WHERE key = :key), (SELECT id FROM speakers WHERE key = :key))`,
    ),
    counts: db.prepare<[number], { quotes: number; articles: number }>(
      'SELECT count(*) AS quotes, count(DISTINCT article_id) AS articles FROM quotes WHERE speaker_id = ?',
    ),
    aliases: db.prepare<[number], { key: string }>('SELECT key FROM speaker_aliases WHERE speaker_id = ? ORDER BY key'),
    descriptions: db.prepare<[number], { description: string }>('SELECT description FROM speaker_descriptions WHERE speaker_id = ? ORDER BY description'),
  };
  return {
    speakerLinks(name: string): SpeakerLinks | null {
      const key = speakerKey(name);
      const s = key ? st.speaker.get({ key }) : undefined;
      if (!s) return null;
      return {
        key: s.key,
        name: s.name,
        kind: s.kind,
        ...st.counts.get(s.id)!,
        aliases: st.aliases.all(s.id).map((r) => r.key),
        descriptions: st.descriptions.all(s.id).map((r) => r.description),
      };
    },
  };
}
