import { SCHEMA_VERSION, type ProvenanceMap, type SerializedOutlet, type SerializedSpan } from '../contract/schema.js';
import { evidenceLayersFromMap } from '../stages/evidence/from-provenance-map.js';
import { summarizeEvidence } from '../stages/evidence/summarize-evidence.js';

/**
 * Builds a small, valid provenance map by hand for store and corpus tests, so they run without
 * the analysis stages. Spans are found with `indexOf` in `text`: each given phrase must occur.
 */
export interface TestMapSpec {
  readonly text: string;
  readonly path?: string;
  readonly url?: string | null;
  readonly title?: string | null;
  readonly published?: string | null;
  /** The publishing outlet; a registry-like key and name. */
  readonly publisher?: TestOutlet;
  readonly quotes?: readonly {
    readonly content: string;
    readonly speaker?: string | null;
    readonly kind?: 'person' | 'organisation' | 'outlet' | 'anonymous' | 'unknown';
    readonly cue?: string;
    readonly via?: TestOutlet;
    /** What the article calls the speaker besides the name ("Syria's foreign minister"). */
    readonly description?: string;
    /**
     * The speaker's entity, as the analyzer groups an article's mentions: quotes naming the same
     * entity share it (`{ name: 'Walid al-Muallem' }` on a quote whose speaker is `al-Muallem`).
     */
    readonly entity?: { readonly name: string; readonly descriptions?: readonly string[] };
  }[];
  /** Claims: sourced when they name a quote or citation (by index) as support, else unsourced. */
  readonly claims?: readonly {
    readonly text: string;
    readonly kind?: 'event' | 'quantity' | 'attributed' | 'causal' | 'other';
    readonly quote?: number;
    readonly citation?: number;
  }[];
  readonly citations?: readonly { readonly text: string; readonly outlet: TestOutlet; readonly via?: TestOutlet }[];
}

export interface TestOutlet {
  readonly key: string;
  readonly name: string;
  readonly stateAffiliated?: boolean;
}

export function buildTestMap(spec: TestMapSpec): ProvenanceMap {
  const { text } = spec;
  const span = (phrase: string): SerializedSpan => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`Expected ${JSON.stringify(phrase)} in the test text`);
    return { start, end: start + phrase.length, text: phrase };
  };
  const outlets = new Map<string, SerializedOutlet>();
  const outletId = (o: TestOutlet, role: SerializedOutlet['roles'][number]): string => {
    const found = outlets.get(o.key);
    if (found) {
      if (!found.roles.includes(role)) found.roles.push(role);
      return found.id;
    }
    const id = `o${outlets.size + 1}`;
    outlets.set(o.key, {
      id,
      key: o.key,
      name: o.name,
      aliasesSeen: [],
      domains: [],
      country: null,
      stateAffiliated: o.stateAffiliated ?? false,
      registry: { source: 'test', typology: null, typologyLabel: null, owner: null },
      roles: [role],
      mentions: [],
    });
    return id;
  };
  const publisherId = spec.publisher ? outletId(spec.publisher, 'publisher') : null;
  const citations = (spec.citations ?? []).map((c, i) => {
    const oid = outletId(c.outlet, 'cited');
    const viaId = c.via ? outletId(c.via, 'via') : null;
    return {
      id: `c${i + 1}`,
      kind: 'parenthetical' as const,
      span: span(c.text),
      authors: [],
      title: null,
      outlet: c.outlet.name,
      outletId: oid,
      date: null,
      ibidOf: null,
      via: c.via ? { text: c.via.name, outlet: c.via.name, outletId: viaId } : null,
      url: null,
      covers: { quoteIds: [], paragraphId: null },
    };
  });
  const entities: ProvenanceMap['entities'] = [];
  const entityId = (e: { name: string; descriptions?: readonly string[] } | undefined, quoteId: string): string | null => {
    if (!e) return null;
    let found = entities.find((x) => x.name === e.name);
    if (!found) {
      found = { id: `e${entities.length + 1}`, kind: 'person', name: e.name, descriptions: [], mentions: [], quoteIds: [] };
      entities.push(found);
    }
    for (const d of e.descriptions ?? []) if (!found.descriptions.includes(d)) found.descriptions.push(d);
    found.quoteIds.push(quoteId);
    return found.id;
  };
  const quotes = (spec.quotes ?? []).map((q, i) => ({
    id: `q${i + 1}`,
    kind: 'direct' as const,
    content: [span(q.content)],
    cue: q.cue ? span(q.cue) : null,
    speaker: {
      mention: q.speaker && text.includes(q.speaker) ? span(q.speaker) : null,
      name: q.speaker ?? null,
      ...(q.description ? { description: q.description } : {}),
      kind: q.kind ?? (q.speaker || q.entity ? ('person' as const) : ('unknown' as const)),
      entityId: entityId(q.entity, `q${i + 1}`),
      outletId: null,
    },
    via: { citationIds: [], outletIds: q.via ? [outletId(q.via, 'via')] : [] },
    paragraphId: 'p1',
    confidence: 0.9,
  }));
  const claims: ProvenanceMap['claims'] = [...(spec.claims ?? [])]
    .map((k) => ({ k, span: span(k.text) }))
    .sort((a, b) => a.span.start - b.span.start)
    .map(({ k, span: s }, i) => {
      const quoteIds = k.quote !== undefined ? [`q${k.quote + 1}`] : [];
      const citationIds = k.citation !== undefined ? [`c${k.citation + 1}`] : [];
      return {
        id: `k${i + 1}`,
        kind: k.kind ?? 'event',
        span: s,
        paragraphId: 'p1',
        support: {
          quoteIds,
          citationIds,
          outletIds: [],
          attributions: [],
          anonymousSourceIds: [],
          status: quoteIds.length + citationIds.length > 0 ? ('sourced' as const) : ('unsourced' as const),
        },
        hedgeIds: [],
        stance: 'neutral' as const,
        stanceCue: null,
      };
    });
  const map: ProvenanceMap = {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'claimtrace', version: '0.0.0-test' },
    analysis: { stages: [] },
    source: { path: spec.path ?? 'test.txt', format: 'text', encoding: 'utf-8', bytes: Buffer.byteLength(text) },
    meta: {
      title: spec.title ?? null,
      authors: [],
      published: spec.published ?? null,
      modified: null,
      outlet: spec.publisher?.name ?? null,
      outletId: publisherId,
      url: spec.url ?? null,
      language: 'en',
    },
    text,
    paragraphs: [{ id: 'p1', kind: 'paragraph', span: { start: 0, end: text.length, text } }],
    links: [],
    quotes,
    markedPhrases: [],
    citations,
    outlets: [...outlets.values()],
    entities,
    claims,
    hedges: [],
    anonymousSources: [],
    quoteStances: [],
    techniques: [],
    devices: [],
    evidence: summarizeEvidence({}) as ProvenanceMap["evidence"],
    diagnostics: [],
  };
  return claims.length > 0 ? { ...map, evidence: summarizeEvidence(evidenceLayersFromMap(map)) as ProvenanceMap['evidence'] } : map;
}

/** The map as a claimtrace from before schema 1.1.0 wrote it: no claims, hedges or evidence. */
export function withoutClaims(map: ProvenanceMap): ProvenanceMap {
  const { claims: _c, hedges: _h, anonymousSources: _a, quoteStances: _s, evidence: _e, ...old } = map;
  return { ...old, schemaVersion: '1.0.0' } as unknown as ProvenanceMap;
}
