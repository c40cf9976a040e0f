import type { Citation, CitationsLayer, DeviceKind, OutletsLayer, Quote, QuotesLayer } from '../../core/layers.js';
import type { ClaimKind, ClaimsLayer, HedgeKind } from '../claims/types.js';
import { SOURCE_KINDS, type EvidenceSummary, type SourceChain, type SourceEntry, type SourceKind, type StateAffiliatedOutlet } from './types.js';

export interface EvidenceLayers {
  readonly claims?: ClaimsLayer;
  readonly quotes?: QuotesLayer;
  readonly citations?: CitationsLayer;
  readonly outlets?: OutletsLayer;
  /** From the rhetoric layer, when it ran; only the technique name is read. */
  readonly techniques?: readonly { readonly technique: string }[];
  /** The devices layer, when it ran; only the kinds are read. */
  readonly devices?: { readonly devices: readonly { readonly kind: DeviceKind }[] };
}

const DEVICE_KINDS: readonly DeviceKind[] = ['rhetorical-question', 'exclamation', 'slogan', 'scare-quote'];

const CLAIM_KINDS: readonly ClaimKind[] = ['attributed', 'event', 'quantity', 'causal', 'other'];
const HEDGE_KINDS: readonly HedgeKind[] = ['hedge', 'evidential', 'unverified-marker'];
const MAX_CHAINS = 5;

/**
 * Counts what an article rests on, from whichever layers ran: claims sourced and unsourced,
 * sources by kind, state-affiliated outlets, the longest chains of citing, hedged claims and
 * persuasion techniques. Pure; a missing layer counts as empty.
 */
export function summarizeEvidence(layers: EvidenceLayers): EvidenceSummary {
  const claims = layers.claims?.claims ?? [];
  const hedges = layers.claims?.hedges ?? [];
  const quotes = layers.quotes?.quotes ?? [];
  const citations = layers.citations?.citations ?? [];
  const anonymous = layers.claims?.anonymousSources ?? [];

  const quoteById = new Map(quotes.map((q) => [q.id, q]));
  const byKind = count(CLAIM_KINDS, claims.map((k) => k.kind));
  const sourced = claims.filter((k) => k.support.status === 'sourced');
  const anonymousOnly = sourced.filter((k) => {
    const s = k.support;
    if (s.anonymousSourceIds.length === 0 || s.citationIds.length > 0 || s.attributions.length > 0) return false;
    const speakers = s.quoteIds.map((id) => quoteById.get(id)?.speaker.kind);
    return speakers.every((kind) => kind === 'anonymous' || kind === undefined);
  });
  const hedged = claims.filter((k) => k.hedgeIds.length > 0);

  const sources = collectSources(quotes, citations, anonymous, outletKeyResolver(layers.outlets));
  return {
    claims: {
      total: claims.length,
      sourced: sourced.length,
      unsourced: claims.length - sourced.length,
      anonymousOnly: anonymousOnly.length,
      byKind,
      hedged: hedged.length,
      hedgedIds: hedged.map((k) => k.id),
      unsourcedIds: claims.filter((k) => k.support.status === 'unsourced').map((k) => k.id),
      disputed: claims.filter((k) => k.stance === 'disputed').length,
      endorsed: claims.filter((k) => k.stance === 'endorsed').length,
    },
    hedges: { total: hedges.length, byKind: count(HEDGE_KINDS, hedges.map((h) => h.kind)) },
    sources: { byKind: count(SOURCE_KINDS, sources.map((s) => s.kind)), list: sources },
    stateAffiliatedOutlets: stateAffiliated(layers.outlets),
    chains: longestChains(quotes, citations),
    techniques: countTechniques(layers.techniques ?? []),
    devices: DEVICE_KINDS.map((kind) => ({ kind, count: (layers.devices?.devices ?? []).filter((d) => d.kind === kind).length })).filter((d) => d.count > 0),
  };
}

/**
 * Distinct sources: quote speakers by kind and name, references by outlet (or, without an outlet,
 * as documents by title), the outlets they relied on (`via`), and anonymous sources one by one.
 * An ibid repeats its reference and adds no source.
 */
function collectSources(
  quotes: readonly Quote[],
  citations: readonly Citation[],
  anonymous: ClaimsLayer['anonymousSources'],
  outletKey: (key: string | null, name: string | null) => string,
): SourceEntry[] {
  const entries = new Map<string, { kind: SourceKind; name: string | null; quoteIds: Set<string>; citationIds: Set<string> }>();
  const add = (kind: SourceKind, key: string, name: string | null, ref: { quote?: string; citation?: string }) => {
    const k = `${kind}\u0000${key}`;
    let e = entries.get(k);
    if (!e) entries.set(k, (e = { kind, name, quoteIds: new Set(), citationIds: new Set() }));
    if (ref.quote) e.quoteIds.add(ref.quote);
    if (ref.citation) e.citationIds.add(ref.citation);
  };
  const covering = coveringCitations(citations);
  for (const q of quotes) {
    const s = q.speaker;
    const name = s.name ?? s.organisation ?? null;
    const ref = { quote: q.id };
    // `the paper reported` names no outlet; the reference covering the quote does.
    const cited = covering.get(q.id)?.find((c) => c.outletKey || c.outletName);
    if (s.kind === 'anonymous') add('anonymous', q.id, null, ref);
    else if (s.kind === 'outlet' && name && isName(name)) add('outlet', outletKey(null, name), name, ref);
    else if (s.kind === 'outlet' && cited) add('outlet', outletKey(cited.outletKey, cited.outletName), cited.outletName ?? cited.outletKey, ref);
    else if (s.kind === 'organisation' && name) add('official-body', norm(name), name, ref);
    else if (s.kind === 'person' && s.name) add('named-person', norm(s.name), s.name, ref);
    else add('unidentified', q.id, null, ref);
  }
  for (const a of anonymous) if (a.quoteId === null) add('anonymous', a.id, null, {});
  for (const c of citations) {
    const ref = { citation: c.id };
    if (!c.ibidOf) {
      if (c.outletKey || c.outletName) add('outlet', outletKey(c.outletKey, c.outletName), c.outletName ?? c.outletKey, ref);
      else add('document', norm(c.title ?? c.url ?? c.authors.join(', ') ?? c.id) || c.id, c.title ?? c.url ?? (c.authors.join(', ') || null), ref);
    }
    if (c.via) {
      if (c.via.outletKey || c.via.outletName) add('outlet', outletKey(c.via.outletKey, c.via.outletName), c.via.outletName ?? c.via.outletKey, ref);
      else add('unidentified', norm(c.via.text), c.via.text, ref);
    }
  }
  const order: Record<SourceKind, number> = Object.fromEntries(SOURCE_KINDS.map((k, i) => [k, i])) as Record<SourceKind, number>;
  return [...entries.values()]
    .map((e) => ({ kind: e.kind, name: e.name, quoteIds: [...e.quoteIds], citationIds: [...e.citationIds] }))
    .sort((a, b) => order[a.kind] - order[b.kind] || (a.name ?? '').localeCompare(b.name ?? ''));
}

function stateAffiliated(outlets: OutletsLayer | undefined): StateAffiliatedOutlet[] {
  return (outlets?.outlets ?? [])
    .filter((o) => o.facts.stateAffiliated)
    .map((o) => ({
      key: o.facts.key,
      name: o.facts.name,
      country: o.facts.country,
      typology: o.facts.registry?.typology ?? null,
      typologyLabel: o.facts.registry?.typologyLabel ?? null,
      roles: [...o.roles],
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Chains of citing: a reference's outlet (through ibid to the one it repeats), then the source it
 * relied on (`via`); a quote's covering reference, then the quote's speaker. Equal neighbours
 * merge (`The Washington Post` quoted and cited is one link).
 */
function longestChains(quotes: readonly Quote[], citations: readonly Citation[]): SourceChain[] {
  const byId = new Map(citations.map((c) => [c.id, c]));
  const rootOf = (c: Citation): Citation => {
    const seen = new Set<string>();
    let r = c;
    while (r.ibidOf && !seen.has(r.id)) {
      seen.add(r.id);
      const next = byId.get(r.ibidOf);
      if (!next) break;
      r = next;
    }
    return r;
  };
  const nameOf = (c: Citation) => c.outletName ?? c.title ?? (c.authors.length > 0 ? c.authors.join(', ') : null);
  const chains: SourceChain[] = [];
  const covering = coveringCitations(citations);
  for (const c of citations) {
    const root = rootOf(c);
    const links = [nameOf(c) ?? nameOf(root), c.via ? (c.via.outletName ?? c.via.text) : null];
    chains.push({ links: compact(links), quoteIds: [], citationIds: unique([c.id, root.id]) });
  }
  for (const q of quotes) {
    const speaker = q.speaker.name ?? q.speaker.organisation;
    if (!speaker || !isName(speaker)) continue;
    for (const c of covering.get(q.id) ?? []) {
      const root = rootOf(c);
      const links = [nameOf(c) ?? nameOf(root), speaker, c.via ? (c.via.outletName ?? c.via.text) : null];
      chains.push({ links: compact(links), quoteIds: [q.id], citationIds: unique([c.id, root.id]) });
    }
  }
  const seen = new Set<string>();
  return chains
    .filter((c) => c.links.length >= 2)
    .map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.links.length - a.c.links.length || a.i - b.i)
    .map(({ c }) => c)
    .filter((c) => {
      const key = c.links.map(norm).join('\u0000');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_CHAINS);
}

function coveringCitations(citations: readonly Citation[]): Map<string, Citation[]> {
  const covering = new Map<string, Citation[]>();
  for (const c of citations) for (const q of c.covers.quotes) covering.set(q, [...(covering.get(q) ?? []), c]);
  return covering;
}

/** One key per outlet: the registry key, or the outlets layer's entry for a name as written, or the name. */
function outletKeyResolver(outlets: OutletsLayer | undefined): (key: string | null, name: string | null) => string {
  const byName = new Map<string, string>();
  for (const o of outlets?.outlets ?? []) for (const n of [o.facts.name, ...o.facts.aliases, ...o.aliasesSeen]) if (!byName.has(norm(n))) byName.set(norm(n), o.facts.key);
  return (key, name) => key ?? (name ? (byName.get(norm(name)) ?? norm(name)) : '');
}

/** A name, not a description: `The Washington Post`, not `the paper`. */
function isName(s: string): boolean {
  return /^(?:the\s+)?\p{Lu}/u.test(s.trim());
}

function countTechniques(techniques: readonly { readonly technique: string }[]) {
  const counts = new Map<string, number>();
  for (const t of techniques) counts.set(t.technique, (counts.get(t.technique) ?? 0) + 1);
  return [...counts].map(([technique, n]) => ({ technique, count: n })).sort((a, b) => b.count - a.count || a.technique.localeCompare(b.technique));
}

function count<K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

/** Drops nulls and merges equal neighbours (`the Washington Post` ≈ `The Washington Post`). */
function compact(links: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (const l of links) if (l && (out.length === 0 || norm(out[out.length - 1]!) !== norm(l))) out.push(l);
  return out;
}

function norm(name: string): string {
  return name.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}
