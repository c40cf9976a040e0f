import type { ProvenanceMap, SerializedQuote } from '../contract/schema.js';

/** The figures and groupings both human-readable reports show. */
export interface Digest {
  readonly counts: {
    readonly quotes: number;
    readonly direct: number;
    readonly mixed: number;
    readonly indirect: number;
    readonly speakers: number;
    readonly anonymousQuotes: number;
    readonly citations: number;
    readonly outlets: number;
    readonly stateAffiliated: number;
    readonly scareQuotes: number;
  };
  readonly speakers: readonly { readonly label: string; readonly description: string | null; readonly kind: string; readonly quotes: number }[];
  readonly chains: readonly string[];
}

export function digest(map: ProvenanceMap): Digest {
  const count = (k: SerializedQuote['kind']) => map.quotes.filter((q) => q.kind === k).length;
  const bySpeaker = new Map<string, { label: string; description: string | null; kind: string; quotes: number }>();
  for (const q of map.quotes) {
    const entity = q.speaker.entityId ? map.entities.find((e) => e.id === q.speaker.entityId) : undefined;
    const label = entity?.name ?? q.speaker.name ?? q.speaker.description ?? q.speaker.mention?.text ?? '(no speaker found)';
    const key = entity?.id ?? `${q.speaker.kind}:${label.toLowerCase()}`;
    const description = entity?.descriptions[0] ?? q.speaker.description ?? null;
    const row = bySpeaker.get(key) ?? { label, description: description && description !== label ? description : null, kind: q.speaker.kind, quotes: 0 };
    row.quotes++;
    bySpeaker.set(key, row);
  }
  const byId = new Map(map.citations.map((c) => [c.id, c]));
  const chains: string[] = [];
  for (const c of map.citations) {
    // Walk ibid links back to the original reference, then read the chain forwards:
    // "Iran Front Page, citing FARS news agency".
    const path: (typeof c)[] = [];
    const seen = new Set<string>();
    for (let cur: typeof c | undefined = c; cur && !seen.has(cur.id); cur = cur.ibidOf ? byId.get(cur.ibidOf) : undefined) {
      seen.add(cur.id);
      path.unshift(cur);
    }
    const parts: string[] = [];
    for (const step of path) {
      if (step.ibidOf === null) parts.push(step.outlet ?? (step.authors.length ? step.authors.join(' and ') : step.span.text));
      if (step.via) parts.push(step.via.outlet ?? step.via.text);
    }
    const uniq = parts.filter((p, i) => p && parts.indexOf(p) === i);
    if (uniq.length > 1) chains.push(uniq.join(', citing '));
  }
  return {
    counts: {
      quotes: map.quotes.length,
      direct: count('direct'),
      mixed: count('mixed'),
      indirect: count('indirect'),
      speakers: bySpeaker.size,
      anonymousQuotes: map.quotes.filter((q) => q.speaker.kind === 'anonymous').length,
      citations: map.citations.length,
      outlets: map.outlets.length,
      stateAffiliated: map.outlets.filter((o) => o.stateAffiliated).length,
      scareQuotes: map.markedPhrases.filter((m) => m.kind === 'scare').length,
    },
    speakers: [...bySpeaker.values()].sort((a, b) => b.quotes - a.quotes || a.label.localeCompare(b.label)),
    chains: [...new Set(chains)],
  };
}

/** How the registry relates an outlet to a state, in neutral words; null when it is not listed. */
export function describeStateRelation(o: ProvenanceMap['outlets'][number]): string | null {
  const label = o.registry?.typologyLabel;
  if (o.stateAffiliated) return `state-affiliated${label ? ` (${label})` : ''}`;
  if (o.registry?.source === 'state-media-matrix' && label) return `listed by the State Media Matrix: ${label}`;
  return null;
}
