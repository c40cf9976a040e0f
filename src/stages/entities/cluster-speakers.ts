import type { Entity, EntityKind, Quote } from '../../core/layers.js';
import type { Span } from '../../core/span.js';

/**
 * Groups the speakers of an article's quotes into entities: one per person or organisation,
 * whatever the form of the mention ("Walid al-Muallem", "al-Muallem", "he").
 * A short name joins the longest earlier or later full name that ends or starts with it
 * (`Clinton` → `Hillary Clinton`), unless two different full names share it.
 * Anonymous and unknown speakers are not entities: they stay on their quotes.
 */
export function clusterSpeakers(quotes: readonly Quote[]): Entity[] {
  interface Draft { kind: EntityKind; name: string; descriptions: Set<string>; mentions: Map<string, Span>; quotes: string[] }
  const byKey = new Map<string, Draft>();
  const order: Draft[] = [];

  const named = quotes.filter((q) => q.speaker.name && q.speaker.kind !== 'anonymous' && q.speaker.kind !== 'unknown');
  const fullNames = [...new Set(named.map((q) => q.speaker.name!))].sort((a, b) => wordCount(b) - wordCount(a));

  for (const q of named) {
    const name = canonicalName(q.speaker.name!, fullNames);
    const kind: EntityKind = q.speaker.kind === 'outlet' ? 'outlet' : q.speaker.kind === 'organisation' ? 'organisation' : 'person';
    const key = `${kind}:${name.toLowerCase()}`;
    let draft = byKey.get(key);
    if (!draft) {
      draft = { kind, name, descriptions: new Set(), mentions: new Map(), quotes: [] };
      byKey.set(key, draft);
      order.push(draft);
    }
    if (q.speaker.description) draft.descriptions.add(q.speaker.description);
    for (const m of [q.speaker.mention, q.speaker.antecedent]) if (m) draft.mentions.set(`${m.start}:${m.end}`, m);
    draft.quotes.push(q.id);
  }

  return order.map((d, i) => ({
    id: `e${i + 1}`,
    kind: d.kind,
    name: d.name,
    descriptions: [...d.descriptions],
    mentions: [...d.mentions.values()].sort((a, b) => a.start - b.start || a.end - b.end),
    quotes: d.quotes,
  }));
}

function wordCount(s: string): number {
  return s.trim().split(/\s+/).length;
}

/** The fullest form of `name` among the article's speaker names, when it is unambiguous. */
export function canonicalName(name: string, fullNames: readonly string[]): string {
  const lower = name.toLowerCase();
  const candidates = fullNames.filter((full) => {
    if (full.length <= name.length) return false;
    const f = full.toLowerCase();
    return f.endsWith(' ' + lower) || f.startsWith(lower + ' ') || f.endsWith('-' + lower);
  });
  const longest = candidates.filter((c) => wordCount(c) === wordCount(candidates[0] ?? ''));
  return candidates.length > 0 && new Set(longest.map((c) => c.toLowerCase())).size === 1 ? candidates[0]! : name;
}
