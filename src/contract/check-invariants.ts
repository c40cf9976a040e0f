import { provenanceMapSchema, type ProvenanceMap } from './schema.js';

export interface InvariantIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Checks what the schema alone cannot: every span lies inside `text` and carries exactly
 * its slice, ids are unique within their layer, and every reference resolves.
 * Returns the problems found (empty when the map is sound).
 */
export function checkInvariants(map: ProvenanceMap): InvariantIssue[] {
  const issues: InvariantIssue[] = [];
  const parsed = provenanceMapSchema.safeParse(map);
  if (!parsed.success) {
    for (const i of parsed.error.issues) issues.push({ path: i.path.join('.'), message: i.message });
  }
  const text = map.text;

  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && typeof o.text === 'string' && path !== '') {
      if (o.start < 0 || o.end > text.length || o.start > o.end) {
        issues.push({ path, message: `span [${o.start}, ${o.end}) is out of bounds (text length ${text.length})` });
      } else if (text.slice(o.start, o.end) !== o.text) {
        issues.push({ path, message: `span text ${JSON.stringify(o.text)} differs from the slice ${JSON.stringify(text.slice(o.start, o.end))}` });
      }
      return;
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'text') visit(v, path ? `${path}.${k}` : k);
  };
  const { text: _t, ...rest } = map;
  visit(rest, '');

  const ids = new Map<string, string>();
  const layerIds = (layer: string, items: readonly { id: string }[]) => {
    for (const item of items) {
      if (ids.has(item.id)) issues.push({ path: `${layer}.${item.id}`, message: `duplicate id ${item.id}` });
      ids.set(item.id, layer);
    }
  };
  layerIds('paragraphs', map.paragraphs);
  layerIds('links', map.links);
  layerIds('quotes', map.quotes);
  layerIds('markedPhrases', map.markedPhrases);
  layerIds('citations', map.citations);
  layerIds('outlets', map.outlets);
  layerIds('entities', map.entities);
  layerIds('claims', map.claims);
  layerIds('hedges', map.hedges);
  layerIds('anonymousSources', map.anonymousSources);
  layerIds('techniques', map.techniques);
  layerIds('devices', map.devices);

  const ref = (path: string, id: string | null | undefined, layer: string) => {
    if (id == null) return;
    if (ids.get(id) !== layer) issues.push({ path, message: `${id} does not resolve to an item of ${layer}` });
  };
  ref('meta.outletId', map.meta.outletId, 'outlets');
  for (const q of map.quotes) {
    ref(`quotes.${q.id}.speaker.entityId`, q.speaker.entityId, 'entities');
    ref(`quotes.${q.id}.speaker.outletId`, q.speaker.outletId, 'outlets');
    ref(`quotes.${q.id}.paragraphId`, q.paragraphId, 'paragraphs');
    q.via.citationIds.forEach((c) => ref(`quotes.${q.id}.via`, c, 'citations'));
    q.via.outletIds.forEach((o) => ref(`quotes.${q.id}.via`, o, 'outlets'));
  }
  for (const c of map.citations) {
    ref(`citations.${c.id}.outletId`, c.outletId, 'outlets');
    ref(`citations.${c.id}.ibidOf`, c.ibidOf, 'citations');
    ref(`citations.${c.id}.via.outletId`, c.via?.outletId, 'outlets');
    ref(`citations.${c.id}.covers.paragraphId`, c.covers.paragraphId, 'paragraphs');
    c.covers.quoteIds.forEach((q) => ref(`citations.${c.id}.covers`, q, 'quotes'));
    if (c.ibidOf === c.id) issues.push({ path: `citations.${c.id}.ibidOf`, message: 'a citation cannot repeat itself' });
  }
  for (const e of map.entities) e.quoteIds.forEach((q) => ref(`entities.${e.id}.quoteIds`, q, 'quotes'));
  for (const k of map.claims) {
    ref(`claims.${k.id}.paragraphId`, k.paragraphId, 'paragraphs');
    k.support.quoteIds.forEach((q) => ref(`claims.${k.id}.support.quoteIds`, q, 'quotes'));
    k.support.citationIds.forEach((c) => ref(`claims.${k.id}.support.citationIds`, c, 'citations'));
    k.support.outletIds.forEach((o) => ref(`claims.${k.id}.support.outletIds`, o, 'outlets'));
    k.support.anonymousSourceIds.forEach((a) => ref(`claims.${k.id}.support.anonymousSourceIds`, a, 'anonymousSources'));
    k.hedgeIds.forEach((h) => ref(`claims.${k.id}.hedgeIds`, h, 'hedges'));
  }
  for (const h of map.hedges) h.claimIds.forEach((k) => ref(`hedges.${h.id}.claimIds`, k, 'claims'));
  for (const a of map.anonymousSources) ref(`anonymousSources.${a.id}.quoteId`, a.quoteId, 'quotes');
  for (const qs of map.quoteStances) ref(`quoteStances.${qs.quoteId}`, qs.quoteId, 'quotes');
  for (const [i, m] of (map.sourceMap ?? []).entries()) {
    ref(`sourceMap.${i}.paragraphId`, m.paragraphId, 'paragraphs');
    if (m.htmlStart !== null && m.htmlEnd !== null && m.htmlEnd < m.htmlStart) issues.push({ path: `sourceMap.${i}`, message: 'htmlEnd is before htmlStart' });
  }

  const sorted = (layer: string, starts: number[]) => {
    for (let i = 1; i < starts.length; i++) {
      if (starts[i]! < starts[i - 1]!) {
        issues.push({ path: layer, message: `items are not in text order at index ${i}` });
        return;
      }
    }
  };
  sorted('paragraphs', map.paragraphs.map((p) => p.span.start));
  sorted('citations', map.citations.map((c) => c.span.start));
  sorted('markedPhrases', map.markedPhrases.map((m) => m.span.start));
  sorted('claims', map.claims.map((k) => k.span.start));
  return issues;
}
