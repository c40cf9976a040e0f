import type { PipelineResult } from '../core/pipeline.js';
import { withText, compareSpans, type Span } from '../core/span.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ProvenanceMap } from './schema.js';
import { SCHEMA_VERSION } from './schema-version.js';
import { serializeClaims } from './serialize-claims.js';

export interface SerializeOptions {
  readonly generatorVersion: string;
  /** The stages that ran, recorded in `analysis.stages`. */
  readonly stages: readonly { readonly provides: string; readonly version: string }[];
}

/**
 * Turns the pipeline's layers into the versioned provenance map: spans gain their `text`,
 * internal indices become ids (`p3`, `o2`), and cross-references are resolved both ways
 * (a citation's covered quotes ↔ a quote's `via`).
 */
export function toProvenanceMap(result: PipelineResult, options: SerializeOptions): ProvenanceMap {
  const { input, layers } = result;
  const text = input.text;
  const s = (sp: Span) => withText(text, sp);
  const sOrNull = (sp: Span | null | undefined) => (sp ? s(sp) : null);

  const paragraphs = layers.structure.paragraphs.map((p, i) => ({ id: `p${i + 1}`, kind: p.kind, span: s(p) }));
  const paragraphAt = (offset: number): string | null => {
    // Paragraphs are sorted and disjoint: binary search.
    let lo = 0;
    let hi = layers.structure.paragraphs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = layers.structure.paragraphs[mid]!;
      if (offset < p.start) hi = mid - 1;
      else if (offset >= p.end) lo = mid + 1;
      else return `p${mid + 1}`;
    }
    return null;
  };

  const outlets = layers.outlets.outlets;
  const norm = (name: string) => name.toLowerCase().replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const outletIdByKey = new Map<string, string>();
  const outletIdByName = new Map<string, string>();
  for (const o of outlets) {
    outletIdByKey.set(o.facts.key, o.id);
    for (const n of [o.facts.name, ...o.facts.aliases, ...o.aliasesSeen]) if (!outletIdByName.has(norm(n))) outletIdByName.set(norm(n), o.id);
  }
  const outletId = (key: string | null, name: string | null): string | null =>
    (key ? outletIdByKey.get(key) : undefined) ?? (name ? outletIdByName.get(norm(name)) : undefined) ?? null;

  const entityBySpeakerQuote = new Map<string, string>();
  for (const e of layers.entities.entities) for (const q of e.quotes) entityBySpeakerQuote.set(q, e.id);

  const citations = layers.citations.citations.map((c) => ({
    id: c.id,
    kind: c.kind,
    span: s(c.span),
    authors: [...c.authors],
    title: c.title,
    outlet: c.outletName,
    outletId: outletId(c.outletKey, c.outletName),
    date: c.date,
    ibidOf: c.ibidOf,
    via: c.via ? { text: c.via.text, outlet: c.via.outletName, outletId: outletId(c.via.outletKey, c.via.outletName) } : null,
    url: c.url,
    covers: {
      quoteIds: [...c.covers.quotes],
      paragraphId: c.covers.paragraph === null ? null : `p${c.covers.paragraph + 1}`,
    },
  }));

  const citationsByQuote = new Map<string, string[]>();
  for (const c of citations) for (const q of c.covers.quoteIds) citationsByQuote.set(q, [...(citationsByQuote.get(q) ?? []), c.id]);
  const citationById = new Map(citations.map((c) => [c.id, c]));

  const quotes = layers.quotes.quotes.map((q) => {
    const speakerOutletId = q.speaker.kind === 'outlet' && q.speaker.name ? outletId(null, q.speaker.name) : null;
    const citationIds = citationsByQuote.get(q.id) ?? [];
    const outletIds = new Set<string>();
    if (speakerOutletId) outletIds.add(speakerOutletId);
    for (const cid of citationIds) {
      const c = citationById.get(cid);
      if (c?.outletId) outletIds.add(c.outletId);
      if (c?.via?.outletId) outletIds.add(c.via.outletId);
    }
    const first = q.content[0];
    return {
      id: q.id,
      kind: q.kind,
      content: q.content.map(s),
      cue: sOrNull(q.cue),
      speaker: {
        mention: sOrNull(q.speaker.mention),
        name: q.speaker.name,
        description: q.speaker.description,
        kind: q.speaker.kind,
        organisation: q.speaker.organisation,
        antecedent: sOrNull(q.speaker.antecedent),
        entityId: entityBySpeakerQuote.get(q.id) ?? null,
        outletId: speakerOutletId,
      },
      via: { citationIds, outletIds: [...outletIds] },
      paragraphId: first ? paragraphAt(first.start) : null,
      confidence: round(q.confidence),
    };
  });

  const publisher = outlets.find((o) => o.roles.includes('publisher'));

  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'claimtrace', version: options.generatorVersion },
    analysis: { stages: options.stages.map((st) => ({ layer: st.provides, version: st.version })) },
    source: { ...input.source },
    meta: {
      title: input.meta.title,
      authors: [...input.meta.authors],
      published: input.meta.published,
      modified: input.meta.modified,
      outlet: input.meta.siteName ?? publisher?.facts.name ?? null,
      outletId: publisher?.id ?? null,
      url: input.meta.url,
      language: input.meta.language,
    },
    text,
    paragraphs,
    links: (input.links ?? []).map((l, i) => ({ id: `l${i + 1}`, span: s(l), url: l.url })),
    quotes,
    markedPhrases: layers.quotes.markedPhrases.map((m) => ({ id: m.id, kind: m.kind, span: s(m.span), confidence: round(m.confidence) })),
    citations,
    outlets: outlets.map((o) => ({
      id: o.id,
      key: o.facts.key,
      name: o.facts.name,
      aliasesSeen: [...o.aliasesSeen],
      domains: [...o.facts.domains],
      country: o.facts.country,
      stateAffiliated: o.facts.stateAffiliated,
      registry: o.facts.registry ? { ...o.facts.registry, stateEditorialControl: o.facts.registry.stateEditorialControl ?? null } : null,
      roles: [...o.roles],
      mentions: [...o.mentions].sort(compareSpans).map(s),
    })),
    entities: layers.entities.entities.map((e) => ({
      id: e.id,
      kind: e.kind,
      name: e.name,
      descriptions: [...e.descriptions],
      mentions: e.mentions.map(s),
      quoteIds: [...e.quotes],
    })),
    ...serializeClaims(layers.claims, { text, paragraphIdAt: paragraphAt, outletIdOfKey: (key) => outletIdByKey.get(key) ?? null }),
    techniques: [...(layers.rhetoric?.techniques ?? [])]
      .sort((a, b) => compareSpans(a.span, b.span) || a.technique.localeCompare(b.technique))
      .map((t, i) => ({ id: `t${i + 1}`, technique: t.technique, span: s(t.span), confidence: round(t.confidence), techniqueProbability: round(t.techniqueProbability) })),
    devices: [...(layers.devices?.devices ?? [])].map((d, i) => ({ id: `d${i + 1}`, kind: d.kind, span: s(d.span), reason: d.reason })),
    evidence: cloneData(layers.evidence) as ProvenanceMap['evidence'],
    diagnostics: sortDiagnostics(result.diagnostics).map((d) => {
      const out: { code: string; severity: Diagnostic['severity']; message: string; span?: ReturnType<typeof s> } = {
        code: d.code,
        severity: d.severity,
        message: d.message,
      };
      if (d.span) out.span = s(d.span);
      return out;
    }),
  };
}

/**
 * A deep copy of plain data (objects, arrays, primitives), as `structuredClone` gives but several
 * times faster on these small trees; anything else (a Map, a Date) still goes to `structuredClone`.
 */
function cloneData(x: unknown): unknown {
  if (typeof x !== 'object' || x === null) return x;
  if (Array.isArray(x)) return x.map(cloneData);
  const proto = Object.getPrototypeOf(x) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(x);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(x)) out[key] = cloneData((x as Record<string, unknown>)[key]);
  return out;
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 1000) / 1000;
}

function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => (a.span?.start ?? -1) - (b.span?.start ?? -1) || a.code.localeCompare(b.code));
}
