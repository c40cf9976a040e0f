import { canStandFor, surnameOf } from '../person-name.js';
import { speakerKey } from '../normalise-text.js';
import { lockNames, type Query } from './session.js';

export interface WantedSpeaker {
  readonly name: string;
  readonly kind: string;
  readonly descriptions: readonly string[];
}

/**
 * Speakers across articles, linked at write time exactly as `../sqlite/link-speakers.ts` links
 * them (a short form joins the one full name it can stand for). Every surname the article's
 * people carry is locked (advisory, per transaction) before anything is looked up, so writers in
 * other processes that meet the same family of names take turns: what gets linked is what one
 * writer meeting the articles in that order would link.
 */
export function createSpeakerLinker(q: Query) {
  /** The distinct speaker keys of `wanted`, to look up (see `resolveAll`). */
  function keysOf(wanted: readonly (WantedSpeaker | null)[]): string[] {
    return [...new Set(wanted.map((w) => (w ? speakerKey(w.name, w.kind) : '') ?? '').filter((k) => k !== ''))];
  }

  /** The surnames of the people among `wanted`, as lock names (taken shared by the caller, before it looks anything up). */
  function surnameLocks(wanted: readonly (WantedSpeaker | null)[]): string[] {
    const names = new Set<string>();
    for (const w of wanted) {
      const key = w && w.kind === 'person' ? speakerKey(w.name, w.kind) : '';
      const surname = key ? surnameOf(key) : null;
      if (surname) names.add(`surname:${surname}`);
    }
    return [...names];
  }

  /**
   * The speaker ids for an article's quotes (null: no named speaker), in the map's order. The
   * caller holds the surname locks shared; a new person takes its surname exclusively before it
   * looks at (and may link) the names that share it.
   */
  async function resolveAll(wanted: readonly (WantedSpeaker | null)[], found: ReadonlyMap<string, number>): Promise<(number | null)[]> {
    const keys = wanted.map((w) => (w ? speakerKey(w.name, w.kind) || null : null));
    if (keys.every((k) => k === null)) return keys.map(() => null);
    // `found`: the stored speaker (through its alias) of each key, looked up under the locks.
    const cache = new Map(found);
    // Speakers merged into another while this article was resolved: its quotes follow, as
    // SQLite's UPDATE of the quotes already written would move them.
    const merged = new Map<number, number>();
    const descriptions: [number, string][] = [];

    async function mergeInto(short: { id: number; key: string }, into: number): Promise<void> {
      await q(
        `WITH mq AS (UPDATE quotes SET speaker_id = $1 WHERE speaker_id = $2),
              ma AS (UPDATE speaker_aliases SET speaker_id = $1 WHERE speaker_id = $2),
              ds AS (DELETE FROM speaker_surnames WHERE speaker_id = $2)
         INSERT INTO speaker_descriptions (speaker_id, description)
         SELECT $1, description FROM speaker_descriptions WHERE speaker_id = $2 ON CONFLICT DO NOTHING`,
        [into, short.id],
      );
      await q('INSERT INTO speaker_aliases (key, speaker_id) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET speaker_id = excluded.speaker_id', [short.key, into]);
      merged.set(short.id, into);
      for (const [k, id] of cache) if (id === short.id) cache.set(k, into);
      for (const [id, d] of [...descriptions]) if (id === short.id) descriptions.push([into, d]);
    }

    async function insertSpeaker(key: string, name: string, kind: string): Promise<number> {
      const [row] = await q<{ id: number }>('INSERT INTO speakers (key, name, kind) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING RETURNING id', [key, name, kind]);
      if (row) return row.id;
      const [had] = await q<{ id: number }>('SELECT id FROM speakers WHERE key = $1', [key]);
      return had!.id;
    }

    async function create(key: string, name: string, kind: string): Promise<number> {
      const surname = kind === 'person' ? surnameOf(key) : null;
      if (!surname) return insertSpeaker(key, name, kind);
      await lockNames(q, [`surname:${surname}`]);
      const sameSurname = await q<{ id: number; key: string }>(
        'SELECT s.id, s.key FROM speaker_surnames n JOIN speakers s ON s.id = n.speaker_id WHERE n.surname = $1 ORDER BY s.id',
        [surname],
      );
      const longer = sameSurname.filter((s) => canStandFor(key, s.key));
      if (longer.length === 1) {
        await q('INSERT INTO speaker_aliases (key, speaker_id) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET speaker_id = excluded.speaker_id', [key, longer[0]!.id]);
        return longer[0]!.id;
      }
      const id = await insertSpeaker(key, name, kind);
      if (longer.length > 1) return id; // ambiguous: kept apart, and not indexed as a full name
      await q('INSERT INTO speaker_surnames (surname, speaker_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [surname, id]);
      for (const short of sameSurname.filter((s) => canStandFor(s.key, key))) {
        const fits = sameSurname.filter((s) => s.id !== short.id && canStandFor(short.key, s.key));
        if (fits.length === 0) await mergeInto(short, id);
      }
      return id;
    }

    const resolved: (number | null)[] = [];
    for (let i = 0; i < wanted.length; i++) {
      const w = wanted[i];
      const key = keys[i];
      if (!w || !key) {
        resolved.push(null);
        continue;
      }
      let id = cache.get(key);
      if (id === undefined) {
        id = await create(key, w.name, w.kind);
        cache.set(key, id);
      }
      for (const d of w.descriptions) if (d.trim()) descriptions.push([id, d.trim()]);
      resolved.push(id);
    }
    if (descriptions.length > 0) {
      await q('INSERT INTO speaker_descriptions (speaker_id, description) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING', [
        descriptions.map(([id]) => id),
        descriptions.map(([, d]) => d),
      ]);
    }
    return resolved.map((id) => {
      let at = id;
      while (at !== null && merged.has(at)) at = merged.get(at)!;
      return at;
    });
  }

  return { resolveAll, surnameLocks, keysOf };
}
