import type { Citation, CitationsLayer, Quote, QuotesLayer, StructureLayer } from '../../core/layers.js';
import { compareSpans, firstEndingAfter, overlaps, type Span } from '../../core/span.js';
import { classifyClause, mentionsQuantity } from './classify-clause.js';
import { findAnonymousSources } from './find-anonymous-sources.js';
import { findAttributions } from './find-attributions.js';
import { findHedges, type FoundHedge } from './find-hedges.js';
import { findStanceCues } from './find-stance-cues.js';
import { splitClauses } from './split-clauses.js';
import type { AnonymousSource, Claim, ClaimKind, ClaimsLayer, Hedge, QuoteStance, Stance } from './types.js';

export interface ClaimsInput {
  readonly text: string;
  readonly structure: StructureLayer;
  readonly quotes: QuotesLayer;
  readonly citations: CitationsLayer;
  /** Registry key of an outlet named in the text (`according to IRNA`); none by default. */
  readonly outletKeyOf?: (name: string) => string | null;
}

interface Draft {
  span: Span;
  kind: ClaimKind;
  paragraph: number;
  quoteIds: string[];
  citationIds: Set<string>;
  outletKeys: Set<string>;
  attributions: Span[];
  stance: Stance;
  stanceCue: Span | null;
}

// The anaphora of a sentence about an earlier claim: `This could not be independently verified.`
const ABOUT_EARLIER =
  /\b(?:this|that|these|those|it|the (?:claims?|reports?|accounts?|figures?|numbers?|toll|video|footage|images?|photos?|allegations?|details?|statements?|story))\b/i;
const NOT_PUNCTUATION_OR_SPACE = /[^\p{P}\s]/u;
// After a reference that closes its paragraph: punctuation, closing marks, space.
const CLOSING = new Set([...' \t\n\r\u00a0"”’\'».,;:!?)]']);

/**
 * The claims of an article from its sentences, quotes and references: which clauses assert
 * something checkable, of what kind, what supports them, how they are hedged, and how the author
 * frames attributions. Pure; linear in the text plus the layers.
 */
export function findClaims(input: ClaimsInput): ClaimsLayer {
  const { text, structure } = input;
  const quotes = input.quotes.quotes;
  const citations = [...input.citations.citations].sort((a, b) => compareSpans(a.span, b.span));
  const outletKeyOf = input.outletKeyOf ?? (() => null);
  // Only names: `the paper` is not the outlet called The Paper.
  const lookUpName = (name: string) => (/^(?:the\s+)?\p{Lu}/u.test(name) ? outletKeyOf(name) : null);
  const quoteContent = mergeSpans(quotes.flatMap((q) => q.content));
  // (pushed, not mapped: `map` can hand V8 holey arrays where the span helpers expect packed
  // ones, and the mismatch costs a recompilation of this whole function)
  const citationSpans: Span[] = [];
  for (const c of citations) citationSpans.push(c.span);
  const protectedSpans = mergeSpans(quoteContent.concat(citationSpans));
  const quoteIndex = sweepIndex(quotes.flatMap((q) => [...q.content, ...(q.cue ? [q.cue] : [])].map((s) => ({ ...s, quote: q }))));
  const quoteById = new Map(quotes.map((q) => [q.id, q]));

  const drafts: Draft[] = [];
  const allHedges: { hedge: FoundHedge; owner: Draft | null }[] = [];
  const lexiconAnonymous: Span[] = [];
  let lastDraftInParagraph: { paragraph: number; draft: Draft } | null = null;

  for (const sentence of structure.sentences) {
    if (structure.paragraphs[sentence.paragraph]?.kind === 'preformatted') continue; // code, tables: not prose
    const hedges = findHedges(text, sentence.start, sentence.end);
    lexiconAnonymous.push(...findAnonymousSources(text, sentence.start, sentence.end));
    const inSentence = allHedges.length;
    for (const h of hedges) allHedges.push({ hedge: h, owner: null });
    for (const clause of splitClauses(text, sentence, protectedSpans)) {
      const refs = spansWithin(citationSpans, clause);
      const own = blank(text, clause, refs);
      if (!NOT_PUNCTUATION_OR_SPACE.test(own)) continue; // a reference on its own (nothing but punctuation and space)
      const clauseQuotes = unique(quoteIndex.overlapping(clause).map((x) => x.quote));
      const markers = hedges.filter((h) => h.kind === 'unverified-marker' && overlaps(h.span, clause));
      // `The claim could not be independently verified.` or a bare `(Unconfirmed.)` speaks of the claim before.
      const bare = markers.length > 0 && wordCount(blank(text, clause, refs.concat(markers.map((h) => h.span)))) === 0;
      const meta = bare || (markers.length > 0 && ABOUT_EARLIER.test(own) && !mentionsQuantity(own) && clauseQuotes.length === 0);
      if (meta) {
        const earlier = lastDraftInParagraph?.paragraph === sentence.paragraph ? lastDraftInParagraph.draft : null;
        for (let k = inSentence; k < allHedges.length; k++) if (overlaps(allHedges[k]!.hedge.span, clause)) allHedges[k]!.owner = earlier;
        continue;
      }
      const label = classifyClause(own, { quoted: clauseQuotes.length > 0 });
      if (label === 'opinion' || label === 'exhortation' || label === 'question' || label === 'none') continue;
      const draft: Draft = {
        span: clause,
        kind: label,
        paragraph: sentence.paragraph,
        quoteIds: unique(clauseQuotes.map((q) => q.id)),
        citationIds: new Set(),
        outletKeys: new Set(),
        attributions: [],
        stance: 'neutral',
        stanceCue: null,
      };
      for (const k of allHedges.slice(inSentence)) if (k.owner === null && overlaps(k.hedge.span, clause)) k.owner = draft;
      const cues = findStanceCues(text, clause.start, clause.end, spansWithin(quoteContent, clause));
      const cue = cues.find((c) => c.stance === 'disputed') ?? cues[0];
      if (cue) Object.assign(draft, { stance: cue.stance, stanceCue: cue.span });
      draft.attributions = findAttributions(text, clause).filter(
        (a) => !refs.some((r) => overlaps(r, a)) && (clauseQuotes.length === 0 || /^(?:according|citing)/i.test(text.slice(Math.max(clause.start, a.start - 13), a.start).trim())),
      );
      drafts.push(draft);
      lastDraftInParagraph = { paragraph: sentence.paragraph, draft };
    }
  }

  linkCitations(text, structure, citations, quotes, drafts);
  addOutletKeys(text, drafts, quoteById, citations, lookUpName);
  const anonymousSources = collectAnonymous(quotes, lexiconAnonymous);
  const hedges: Hedge[] = allHedges.map((h, i) => ({ id: `h${i + 1}`, span: h.hedge.span, kind: h.hedge.kind, cue: h.hedge.cue }));
  const claims = toClaims(drafts, allHedges, anonymousSources, quoteById);
  return { claims, hedges, anonymousSources, quoteStances: findQuoteStances(text, quotes, quoteContent) };
}

/**
 * The registry keys of the outlets behind each draft: outlets quoted, named in an attribution,
 * or cited (along the citation's ibid and `citing` chain). (The steps after the clause loop are
 * functions of their own, so that V8 compiles the hot loop without them.)
 */
function addOutletKeys(text: string, drafts: readonly Draft[], quoteById: ReadonlyMap<string, Quote>, citations: readonly Citation[], lookUpName: (name: string) => string | null): void {
  for (const d of drafts) {
    for (const q of d.quoteIds) {
      const quote = quoteById.get(q);
      if (quote?.speaker.kind === 'outlet' && quote.speaker.name) addKey(d.outletKeys, lookUpName(quote.speaker.name));
    }
    for (const a of d.attributions) addKey(d.outletKeys, lookUpName(text.slice(a.start, a.end)));
  }
  const byId = new Map(citations.map((c) => [c.id, c]));
  for (const d of drafts) {
    for (const id of d.citationIds) {
      let c = byId.get(id);
      const seen = new Set<string>();
      while (c && !seen.has(c.id)) {
        seen.add(c.id);
        addKey(d.outletKeys, c.outletKey);
        if (c.via) addKey(d.outletKeys, c.via.outletKey);
        c = c.ibidOf ? byId.get(c.ibidOf) : undefined;
      }
    }
  }
}

/** The claims of the drafts, numbered, with their hedges, anonymous sources and support status. */
function toClaims(drafts: readonly Draft[], allHedges: readonly { hedge: FoundHedge; owner: Draft | null }[], anonymousSources: readonly AnonymousSource[], quoteById: ReadonlyMap<string, Quote>): Claim[] {
  const hedgeIdsOf = new Map<Draft, string[]>();
  allHedges.forEach((h, j) => {
    if (h.owner) hedgeIdsOf.set(h.owner, [...(hedgeIdsOf.get(h.owner) ?? []), `h${j + 1}`]);
  });
  const anonymousByQuote = new Map<string, string[]>();
  for (const a of anonymousSources) if (a.quoteId) anonymousByQuote.set(a.quoteId, [...(anonymousByQuote.get(a.quoteId) ?? []), a.id]);
  const anonymousIndex = sweepIndex(anonymousSources.map((a) => ({ ...a.span, id: a.id })));
  return drafts.map((d, i) => {
    const hedgeIds = hedgeIdsOf.get(d) ?? [];
    const anonymousIds: string[] = [];
    for (const q of d.quoteIds) for (const id of anonymousByQuote.get(q) ?? []) anonymousIds.push(id);
    for (const a of anonymousIndex.overlapping(d.span)) anonymousIds.push(a.id);
    const anonymousSourceIds = unique(anonymousIds).sort(byIdNumber);
    const quoteIds = d.quoteIds.filter((id) => {
      const q = quoteById.get(id);
      return q !== undefined && (q.speaker.kind !== 'unknown' || q.speaker.name !== null || q.speaker.mention !== null);
    });
    const citationIds = [...d.citationIds].sort(byIdNumber);
    const sourced = quoteIds.length + citationIds.length + d.attributions.length + anonymousSourceIds.length > 0;
    return {
      id: `k${i + 1}`,
      span: d.span,
      kind: d.kind,
      support: {
        quoteIds: d.quoteIds,
        citationIds,
        outletKeys: [...d.outletKeys].sort(),
        attributions: d.attributions,
        anonymousSourceIds,
        status: sourced ? 'sourced' : 'unsourced',
      },
      hedgeIds,
      stance: d.stance,
      stanceCue: d.stanceCue,
    };
  });
}

/**
 * A reference covers: the claim it sits in or right after; when it opens a sentence, the claim
 * before; when it closes its paragraph, the paragraph's claims since the previous reference in
 * the paragraph; and any claim holding a quote it covers (`covers.quotes`).
 */
function linkCitations(text: string, structure: StructureLayer, citations: readonly Citation[], quotes: readonly Quote[], drafts: Draft[]): void {
  const quoteEnds = new Map(quotes.map((q) => [q.id, q.content.map((c) => c.end)]));
  const byQuote = new Map<string, Draft[]>();
  for (const d of drafts) for (const q of d.quoteIds) byQuote.set(q, [...(byQuote.get(q) ?? []), d]);
  const draftStarts = drafts.map((d) => d.span.start);
  let previousEndInParagraph: { paragraph: number; end: number } | null = null;
  for (const c of citations) {
    const pi = paragraphIndexAt(structure, c.span.start);
    for (const q of c.covers.quotes) for (const d of byQuote.get(q) ?? []) d.citationIds.add(c.id);
    // The last claim starting before the reference ends.
    let k = upperBound(draftStarts, c.span.start) - 1;
    const before = k >= 0 ? drafts[k]! : null;
    if (before && before.paragraph === pi && (overlaps(before.span, c.span) || onlyPunctuation(text, before.span.end, c.span.start))) before.citationIds.add(c.id);
    const paragraph = pi === null ? undefined : structure.paragraphs[pi];
    // Only what follows tells: the citations stage fills `covers.paragraph` with the paragraph a reference sits in.
    const closes = paragraph !== undefined && closesParagraph(text, c.span.end, paragraph.end);
    // `… "We will respond." (Radio X, 2 May)` vouches for the quote it follows, not the paragraph.
    const narrower = c.covers.quotes.some((id) => quoteEnds.get(id)?.some((end) => onlyPunctuation(text, end, c.span.start)));
    if (closes && !narrower && pi !== null) {
      const from = previousEndInParagraph?.paragraph === pi ? previousEndInParagraph.end : paragraph.start;
      for (; k >= 0 && drafts[k]!.paragraph === pi && drafts[k]!.span.start >= from; k--) drafts[k]!.citationIds.add(c.id);
    }
    if (pi !== null) previousEndInParagraph = { paragraph: pi, end: c.span.end };
  }
}

function collectAnonymous(quotes: readonly Quote[], found: readonly Span[]): AnonymousSource[] {
  const out: Omit<AnonymousSource, 'id'>[] = [];
  const foundIndex = sweepIndex(found);
  const taken = new Set<Span>();
  const anonymousQuotes = quotes
    .flatMap((q) => {
      const span = q.speaker.kind === 'anonymous' ? (q.speaker.mention ?? q.cue ?? q.content[0]) : undefined;
      return span ? [{ ...span, quote: q }] : [];
    })
    .sort(compareSpans);
  for (const q of anonymousQuotes) {
    const lexical = foundIndex.overlapping(q)[0];
    if (lexical) taken.add(lexical);
    out.push({ span: lexical ?? { start: q.start, end: q.end }, quoteId: q.quote.id, detectedBy: 'quote-speaker' });
  }
  // A quote whose speaker the lexicon describes, though the quotes stage did not call it anonymous.
  const mentions = sweepIndex(quotes.flatMap((q) => (q.speaker.mention ? [{ ...q.speaker.mention, id: q.id }] : [])));
  for (const f of found) {
    if (taken.has(f)) continue;
    const q = mentions.overlapping(f)[0];
    out.push({ span: f, quoteId: q?.id ?? null, detectedBy: 'lexicon' });
  }
  return out.sort((a, b) => compareSpans(a.span, b.span)).map((a, i) => ({ id: `a${i + 1}`, ...a }));
}

function findQuoteStances(text: string, quotes: readonly Quote[], quoteContent: readonly Span[]): QuoteStance[] {
  const out: QuoteStance[] = [];
  for (const q of quotes) {
    if (!q.cue) continue;
    const from = Math.max(0, q.cue.start - 30);
    const to = Math.min(text.length, q.cue.end + 30);
    const cues = findStanceCues(text, from, to, spansWithin(quoteContent, { start: from, end: to }));
    const cue = cues.find((c) => c.stance === 'disputed') ?? cues[0];
    if (cue) out.push({ quoteId: q.id, stance: cue.stance, cue: cue.span });
  }
  return out;
}

// ── small helpers ────────────────────────────────────────────────────────────

/** Overlap queries over spans in document order, for queries that also come in document order. */
function sweepIndex<T extends Span>(items: readonly T[]): { overlapping(query: Span): T[] } {
  const sorted = [...items].sort(compareSpans);
  let next = 0;
  let active: T[] = [];
  return {
    overlapping(query) {
      while (next < sorted.length && sorted[next]!.start < query.end) active.push(sorted[next++]!);
      active = active.filter((s) => s.end > query.start);
      return active.filter((s) => overlaps(s, query));
    },
  };
}

function spansWithin(sorted: readonly Span[], clause: Span): Span[] {
  const out: Span[] = [];
  for (let i = firstEndingAfter(sorted, clause.start); i < sorted.length && sorted[i]!.start < clause.end; i++) if (overlaps(sorted[i]!, clause)) out.push(sorted[i]!);
  return out;
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function paragraphIndexAt(structure: StructureLayer, offset: number): number | null {
  let lo = 0;
  let hi = structure.paragraphs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = structure.paragraphs[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return mid;
  }
  return null;
}

/** The clause text with the references blanked (same length, so offsets hold). */
function blank(text: string, clause: Span, refs: readonly Span[]): string {
  let out = '';
  let at = clause.start;
  for (const r of refs) {
    const s = Math.max(r.start, clause.start);
    const e = Math.min(r.end, clause.end);
    if (s > at) out += text.slice(at, s);
    if (e > Math.max(s, at)) out += ' '.repeat(e - Math.max(s, at));
    at = Math.max(at, e);
  }
  return out + text.slice(at, clause.end);
}

function onlyPunctuation(text: string, from: number, to: number): boolean {
  if (to - from > 8 || to < from) return false;
  return /^[\s\p{P}]*$/u.test(text.slice(from, to));
}

/** Only closing marks follow, or short parentheticals such as `(uncorroborated)`. */
function closesParagraph(text: string, from: number, end: number): boolean {
  let i = from;
  while (i < end) {
    const ch = text[i]!;
    if (CLOSING.has(ch)) i++;
    else if (ch === '(') {
      const close = text.slice(i, Math.min(end, i + 41)).indexOf(')'); // bounded: `((((…` stays linear
      if (close < 0) return false;
      i += close + 1;
    } else return false;
  }
  return true;
}

function mergeSpans(spans: Span[]): Span[] {
  spans.sort(compareSpans);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) out[out.length - 1] = { start: last.start, end: Math.max(last.end, s.end) };
    else out.push(s);
  }
  return out;
}

function wordCount(s: string): number {
  return s.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).length;
}

function unique<T>(xs: readonly T[]): T[] {
  return [...new Set(xs)];
}

function addKey(set: Set<string>, key: string | null | undefined): void {
  if (key) set.add(key);
}

function byIdNumber(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1)) || a.localeCompare(b);
}
