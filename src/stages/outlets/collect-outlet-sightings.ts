import type { ArticleInput } from '../../core/document.js';
import type { CitationsLayer, OutletFacts, OutletRef, QuotesLayer } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { OutletRegistry } from '../../core/stage.js';

export type OutletRole = OutletRef['roles'][number];

/** One place the article shows an outlet, before sightings of the same outlet are merged. */
export interface OutletSighting {
  /** Registry facts, or null for an outlet the registry does not list. */
  readonly facts: OutletFacts | null;
  /** The name as the article writes it (or the host, for a link). */
  readonly name: string;
  /** Where the name is written, when it is. */
  readonly mention: Span | null;
  /** Where in the text the sighting is, for ordering (the mention, or the citation / link / quote). */
  readonly at: number;
  readonly role: OutletRole;
}

/**
 * Every sighting of an outlet: named in running text (registry mentions), cited in a reference,
 * cited as the source of a source (`via`), linked, speaking a quote, and publishing the article.
 */
export function collectOutletSightings(input: ArticleInput, quotes: QuotesLayer, citations: CitationsLayer, registry: OutletRegistry): OutletSighting[] {
  const { text } = input;
  const out: OutletSighting[] = [];
  const byKey = new Map<string, OutletFacts>();
  const remember = (f: OutletFacts | null) => (f && byKey.set(f.key, f), f);

  for (const m of registry.findMentions(text)) {
    remember(m.outlet);
    out.push({ facts: m.outlet, name: text.slice(m.span.start, m.span.end), mention: m.span, at: m.span.start, role: 'named' });
  }

  const resolve = (name: string, key: string | null): OutletFacts | null => (key ? byKey.get(key) : undefined) ?? remember(registry.byName(name));
  // The name inside the reference's own span, so `(posted on Iran Front Page, …)` gives a mention.
  const within = (span: Span, name: string): Span | null => {
    const i = text.slice(span.start, span.end).indexOf(name);
    return i < 0 ? null : { start: span.start + i, end: span.start + i + name.length };
  };

  for (const c of citations.citations) {
    if (c.outletName) {
      const facts = resolve(c.outletName, c.outletKey);
      const role: OutletRole = c.kind === 'link' ? 'linked' : 'cited';
      out.push({ facts, name: c.outletName, mention: c.kind === 'link' ? null : within(c.span, c.outletName), at: c.span.start, role });
    }
    if (c.via?.outletName) {
      const facts = resolve(c.via.outletName, c.via.outletKey);
      out.push({ facts, name: c.via.outletName, mention: within(c.span, c.via.outletName), at: c.span.start, role: 'via' });
    }
  }

  for (const q of quotes.quotes) {
    const s = q.speaker;
    if (!s.name || s.kind === 'person' || s.kind === 'anonymous') continue;
    // `the paper`, `the agency`: a description, not a name (China's `The Paper` is an outlet too).
    if (!/\p{Lu}/u.test(s.name.replace(/^the\s+/i, ''))) continue;
    const facts = registry.byName(s.name);
    if (!facts && s.kind !== 'outlet') continue;
    remember(facts);
    const mentionText = s.mention ? text.slice(s.mention.start, s.mention.end) : null;
    // `the paper` says who speaks but is not the outlet's name.
    const named = s.mention && mentionText && (facts ? registry.byName(mentionText)?.key === facts.key : mentionText === s.name) ? s.mention : null;
    const at = s.mention?.start ?? q.content[0]?.start ?? 0;
    out.push({ facts, name: named && mentionText ? mentionText : s.name, mention: named, at, role: 'speaker' });
  }

  const { siteName, url } = input.meta;
  const host = url ? hostOf(url) : null;
  const publisher = (siteName ? registry.byName(siteName) : null) ?? (host ? registry.byHost(host) : null);
  if (publisher || siteName || host) {
    out.push({ facts: remember(publisher), name: siteName ?? publisher?.name ?? host!, mention: null, at: Number.POSITIVE_INFINITY, role: 'publisher' });
  }
  return out;
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
