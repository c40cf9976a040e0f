import type Database from 'better-sqlite3';
import { canStandFor, surnameOf } from '../person-name.js';
import { speakerKey } from '../normalise-text.js';

type Db = Database.Database;

/**
 * Speakers across articles. Within an article the analyzer already grouped a person's mentions
 * (`entities[]`); across articles a short form (`al-Muallem`, `Muallem`) joins the one full name
 * it can stand for (`Walid al-Muallem`), at write time:
 *
 * - a new short form with exactly one longer stored name ending in its words becomes an alias of it;
 * - a new full name takes over short forms stored before it, when it is the only name they fit.
 *
 * With two candidates (`Walid al-Muallem`, `Ahmed Muallem`) nothing is linked; links made while
 * a name was unambiguous stay. People only: `Reuters` and `Reuters Foundation` are not merged.
 */
export function createSpeakerLinker(db: Db) {
  const st = {
    alias: db.prepare<[string], { speaker_id: number }>('SELECT speaker_id FROM speaker_aliases WHERE key = ?'),
    byKey: db.prepare<[string], { id: number }>('SELECT id FROM speakers WHERE key = ?'),
    insert: db.prepare<[string, string, string], { id: number }>('INSERT INTO speakers (key, name, kind) VALUES (?, ?, ?) RETURNING id'),
    sameSurname: db.prepare<[string], { id: number; key: string }>(
      'SELECT s.id, s.key FROM speaker_surnames n JOIN speakers s ON s.id = n.speaker_id WHERE n.surname = ?',
    ),
    addSurname: db.prepare('INSERT OR IGNORE INTO speaker_surnames (surname, speaker_id) VALUES (?, ?)'),
    dropSurname: db.prepare('DELETE FROM speaker_surnames WHERE speaker_id = ?'),
    addAlias: db.prepare('INSERT OR REPLACE INTO speaker_aliases (key, speaker_id) VALUES (?, ?)'),
    moveAliases: db.prepare('UPDATE speaker_aliases SET speaker_id = ? WHERE speaker_id = ?'),
    moveQuotes: db.prepare('UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?'),
    moveDescriptions: db.prepare('INSERT OR IGNORE INTO speaker_descriptions (speaker_id, description) SELECT ?, description FROM speaker_descriptions WHERE speaker_id = ?'),
    addDescription: db.prepare('INSERT OR IGNORE INTO speaker_descriptions (speaker_id, description) VALUES (?, ?)'),
  };

  /** The stored speaker (id) a name resolves to, creating it when new; null for no name. */
  function resolve(name: string, kind: string, descriptions: readonly string[] = []): number | null {
    const key = speakerKey(name, kind);
    if (!key) return null;
    const id = st.alias.get(key)?.speaker_id ?? st.byKey.get(key)?.id ?? create(key, name, kind);
    for (const d of descriptions) if (d.trim()) st.addDescription.run(id, d.trim());
    return id;
  }

  function create(key: string, name: string, kind: string): number {
    const surname = kind === 'person' ? surnameOf(key) : null;
    if (!surname) return st.insert.get(key, name, kind)!.id;
    const sameSurname = st.sameSurname.all(surname);
    const longer = sameSurname.filter((s) => canStandFor(key, s.key));
    if (longer.length === 1) {
      st.addAlias.run(key, longer[0]!.id);
      return longer[0]!.id;
    }
    const id = st.insert.get(key, name, kind)!.id;
    if (longer.length > 1) return id; // ambiguous: kept apart, and not indexed as a full name
    st.addSurname.run(surname, id);
    // Short forms stored before this full name: linked when this is the only name they fit.
    for (const short of sameSurname.filter((s) => canStandFor(s.key, key))) {
      const fits = sameSurname.filter((s) => s.id !== short.id && canStandFor(short.key, s.key));
      if (fits.length === 0) mergeInto(short, id);
    }
    return id;
  }

  function mergeInto(short: { id: number; key: string }, into: number): void {
    st.moveQuotes.run(into, short.id);
    st.moveAliases.run(into, short.id);
    st.moveDescriptions.run(into, short.id);
    st.dropSurname.run(short.id);
    st.addAlias.run(short.key, into);
  }

  /**
   * Links a speaker stored before speakers were linked (a corpus from schema 2). Call it for
   * every person, full names first, as `resolve` would have met them.
   */
  function adopt(speaker: { id: number; key: string }): void {
    const surname = surnameOf(speaker.key);
    if (!surname) return;
    const fits = st.sameSurname.all(surname).filter((s) => s.id !== speaker.id && canStandFor(speaker.key, s.key));
    if (fits.length === 1) mergeInto(speaker, fits[0]!.id);
    else if (fits.length === 0) st.addSurname.run(surname, speaker.id);
  }

  return { resolve, adopt };
}
