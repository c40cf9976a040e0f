import { diagnostic, type Diagnostic } from '../../core/diagnostics.js';
import type { Citation, CitationsLayer, Paragraph } from '../../core/layers.js';
import { trimSpan, type Span } from '../../core/span.js';
import { defineStage, type OutletRegistry } from '../../core/stage.js';
import { coverQuotes, paragraphIndexAt } from './find-covered-quotes.js';
import { findOutletInContext } from './find-outlet-in-context.js';
import { findParentheticals, type Parenthetical } from './find-parentheticals.js';
import { resolveReferenceDate } from './parse-reference-date.js';
import { parseReference, type ParsedReference } from './parse-reference.js';

type Draft = Omit<Citation, 'id' | 'covers'> & { readonly parsed: ParsedReference | null };

/**
 * Parenthetical references (`(Anna Reyes, 'Title', The Washington Post, 4 June 2015)`, `(ibid,
 * citing FARS news agency)`) and hyperlinks, with ibid chains resolved, day-month dates placed
 * before the publication date, and the quotes each reference vouches for.
 */
export const citationsStage = defineStage({
  provides: 'citations',
  version: '1',
  requires: ['structure', 'quotes'],
  run(ctx, { structure, quotes }) {
    const { text, meta } = ctx.input;
    const registry = ctx.resources.outlets;
    const diagnostics: Diagnostic[] = [];
    const drafts: Draft[] = [];

    for (const { paren, parsed } of findReferences(text, registry)) {
      if (isDateline(text, paren.span) || isAbbreviation(text, paren.span, parsed, structure.paragraphs, registry)) continue;
      let { outletName, outletKey } = parsed;
      if (!parsed.ibid && !outletName && (parsed.title || parsed.authors.length > 0)) {
        const pi = paragraphIndexAt(structure.paragraphs, paren.span.start);
        const found = findOutletInContext(text, pi === null ? 0 : structure.paragraphs[pi]!.start, paren.span.start, registry);
        if (found) ({ name: outletName, key: outletKey } = found);
      }
      drafts.push({
        kind: 'parenthetical',
        span: paren.span,
        authors: parsed.authors,
        title: parsed.title,
        outletName,
        outletKey,
        date: datedOrNull(parsed, meta.published, diagnostics),
        ibidOf: null,
        via: parsed.via,
        url: parsed.url,
        parsed,
      });
    }

    for (const link of ctx.input.links ?? []) {
      if (!/^https?:\/\//i.test(link.url)) continue;
      const inside = drafts.find((d) => d.kind === 'parenthetical' && d.span.start <= link.start && link.end <= d.span.end);
      if (inside) {
        if (!inside.url) drafts[drafts.indexOf(inside)] = { ...inside, url: link.url, ...outletOfUrl(link.url, registry, inside) };
        continue;
      }
      const { outletName, outletKey } = outletOfUrl(link.url, registry, null);
      drafts.push({ kind: 'link', span: { start: link.start, end: link.end }, authors: [], title: null, outletName, outletKey, date: null, ibidOf: null, via: null, url: link.url, parsed: null });
    }

    drafts.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
    const resolved = resolveIbid(drafts, diagnostics);
    const covers = coverQuotes({ text, paragraphs: structure.paragraphs, sentences: structure.sentences, quotes: quotes.quotes });
    const citations: Citation[] = [];
    let previous: { end: number; paragraph: number | null; covers: string[] } | null = null;
    for (const d of resolved) {
      const paragraph = paragraphIndexAt(structure.paragraphs, d.span.start);
      const previousEnd = previous && previous.paragraph === paragraph ? previous.end : null;
      // The second source of `(IRNA, 2 May; Tasnim, 2 May)` vouches for what the first does.
      const sameBrackets: boolean = previous !== null && /^\s*;\s*$/.test(text.slice(previous.end, Math.max(previous.end, d.span.start)));
      const covered: string[] = sameBrackets && previous ? previous.covers : covers(d.span, previousEnd);
      citations.push({
        id: `c${citations.length + 1}`,
        kind: d.kind,
        span: d.span,
        authors: d.authors,
        title: d.title,
        outletName: d.outletName,
        outletKey: d.outletKey,
        date: d.date,
        ibidOf: d.ibidOf,
        via: d.via,
        url: d.url,
        covers: { quotes: covered, paragraph },
      });
      previous = { end: d.span.end, paragraph, covers: covered };
    }
    // Ids were assigned after sorting; ibidOf pointed at draft indices until now.
    const layer: CitationsLayer = { citations: citations.map((c) => (c.ibidOf === null ? c : { ...c, ibidOf: `c${Number(c.ibidOf) + 1}` })) };
    return { layer, diagnostics };
  },
});

/**
 * Parsed references in text order. `(IRNA, 2 May 2019; Tasnim, 2 May 2019)` holds two: when every
 * `;`-separated piece parses as a reference on its own, each becomes one, spanning its piece.
 */
function findReferences(text: string, registry: OutletRegistry): { paren: Parenthetical; parsed: ParsedReference }[] {
  const out: { paren: Parenthetical; parsed: ParsedReference }[] = [];
  for (const paren of findParentheticals(text)) {
    const pieces = splitAtSemicolons(text, paren.inner);
    if (pieces.length > 1) {
      const parsedPieces = pieces.map((inner) => ({ paren: { span: inner, inner }, parsed: parseReference(text, inner, registry) }));
      if (parsedPieces.every((p) => p.parsed && !p.parsed.ibid)) {
        for (const p of parsedPieces) out.push({ paren: p.paren, parsed: p.parsed! });
        continue;
      }
    }
    const parsed = parseReference(text, paren.inner, registry);
    if (parsed) out.push({ paren, parsed });
  }
  return out;
}

function splitAtSemicolons(text: string, inner: Span): Span[] {
  const pieces: Span[] = [];
  let start = inner.start;
  for (let i = inner.start; i <= inner.end; i++) {
    if (i === inner.end || text[i] === ';') {
      const piece = trimSpan(text, { start, end: i });
      if (piece.end > piece.start) pieces.push(piece);
      start = i + 1;
    }
  }
  return pieces;
}

function datedOrNull(parsed: ParsedReference, published: string | null, diagnostics: Diagnostic[]): string | null {
  if (!parsed.date) return null;
  const r = resolveReferenceDate(parsed.date, published);
  const span = parsed.dateSpan ?? undefined;
  if (r.year === 'inferred') {
    diagnostics.push(diagnostic('citation/year-inferred', `The reference gives "${parsed.dateText}" without a year; took ${r.date.slice(0, 4)}, the last such date on or before publication.`, { severity: 'info', ...(span ? { span } : {}) }));
  } else if (r.year === 'unknown') {
    diagnostics.push(diagnostic('citation/undated', `The reference gives "${parsed.dateText}" without a year, and the article's publication date is unknown, so the year is left open (${r.date}).`, { severity: 'info', ...(span ? { span } : {}) }));
  }
  return r.date;
}

/**
 * `(ibid)` repeats the last reference that is not itself an ibid, so a chain of three ibids all
 * point at the original and inherit its fields; what the ibid adds (`citing X`, a new date) wins.
 * `ibidOf` holds the antecedent's index here; the stage turns it into an id.
 */
function resolveIbid(drafts: readonly Draft[], diagnostics: Diagnostic[]): Draft[] {
  let root: { index: number; draft: Draft } | null = null;
  return drafts.map((d, index) => {
    if (!d.parsed?.ibid) {
      root = { index, draft: d };
      return d;
    }
    if (!root) {
      diagnostics.push(diagnostic('citation/ibid-without-antecedent', 'An "ibid" reference comes before any reference it could repeat.', { span: d.span }));
      return d;
    }
    const r: Draft = root.draft;
    return {
      ...d,
      authors: d.authors.length > 0 ? d.authors : r.authors,
      title: d.title ?? r.title,
      outletName: d.outletName ?? r.outletName,
      outletKey: d.outletName ? d.outletKey : r.outletKey,
      date: d.date ?? r.date,
      url: d.url ?? r.url,
      ibidOf: String(root.index),
    };
  });
}

function outletOfUrl(url: string, registry: OutletRegistry, keep: Draft | null): { outletName: string | null; outletKey: string | null } {
  if (keep?.outletName) return { outletName: keep.outletName, outletKey: keep.outletKey };
  let host: string | null = null;
  try {
    host = new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return { outletName: null, outletKey: null };
  }
  const facts = registry.byHost(host);
  return { outletName: facts?.name ?? host, outletKey: facts?.key ?? null };
}

/** `KABUL (AP) — …`: the wire credit of a dateline, not a reference. */
function isDateline(text: string, span: Span): boolean {
  let i = span.start;
  while (i > 0 && text[i - 1] === ' ') i--;
  let w = i;
  while (w > 0 && /[\p{Lu}\s,.'-]/u.test(text[w - 1]!) && i - w < 40) w--;
  const before = text.slice(w, i);
  const atLineStart = w === 0 || text[w - 1] === '\n';
  return atLineStart && /\p{Lu}{3,}/u.test(before) && !/\p{Ll}/u.test(before) && /^\s*[—–-]/.test(text.slice(span.end, span.end + 4));
}

/** `the Islamic Republic News Agency (IRNA) said`: an outlet's short name introduced, not a reference. */
function isAbbreviation(text: string, span: Span, parsed: ParsedReference, paragraphs: readonly Paragraph[], registry: OutletRegistry): boolean {
  if (parsed.title || parsed.date || parsed.ibid || parsed.url || parsed.via || !parsed.outletKey) return false;
  const pi = paragraphIndexAt(paragraphs, span.start);
  const from = Math.max(pi === null ? 0 : paragraphs[pi]!.start, span.start - 120);
  const mentions = registry.findMentions(text.slice(from, span.start));
  const last = mentions[mentions.length - 1];
  return !!last && last.outlet.key === parsed.outletKey && /^[\s’']*s?\s*$/.test(text.slice(from + last.span.end, span.start));
}
