/**
 * Layers other stages are adding to the provenance map (claims, hedges, persuasion techniques,
 * an evidence summary). The report treats them as optional and reads them defensively: a field
 * that is missing or not shaped as expected renders as nothing, never as an error.
 */
import type { ProvenanceMap, SerializedSpan } from '../contract/schema.js';

export interface ReportSpan {
  readonly start: number;
  readonly end: number;
}

export interface ReportClaim {
  readonly id: string;
  readonly span: ReportSpan;
  readonly kind: string | null;
  readonly status: 'sourced' | 'unsourced' | null;
  readonly stance: string | null;
  readonly stanceCue: string | null;
  readonly quoteIds: readonly string[];
  readonly citationIds: readonly string[];
  readonly outletIds: readonly string[];
  /** The words naming a source inside the claim ("according to the finance office"). */
  readonly attributions: readonly string[];
  readonly anonymous: boolean;
  readonly hedgeIds: readonly string[];
}

export interface ReportAnonymousSource {
  readonly span: ReportSpan;
  readonly quoteId: string | null;
}

export interface ReportQuoteStance {
  readonly quoteId: string;
  readonly stance: string;
  readonly cue: string | null;
}

export interface ReportHedge {
  readonly id: string;
  readonly span: ReportSpan;
  readonly kind: string | null;
  readonly cue: string | null;
}

export interface ReportTechnique {
  readonly span: ReportSpan;
  readonly technique: string;
  readonly confidence: number | null;
}

export interface ReportDevice {
  readonly span: ReportSpan;
  readonly kind: string;
  readonly reason: string | null;
}

/** Layers other stages add; the report reads them when present, whatever version of the contract wrote the map. */
type OptionalLayerName = 'claims' | 'hedges' | 'anonymousSources' | 'quoteStances' | 'techniques' | 'devices' | 'evidence';

/**
 * The provenance map as the report reads it: the core contract, with the optional layers typed
 * `unknown` so that maps from before and after they joined the schema (1.0.0, 1.1.0 …) both fit,
 * and so that the readers below check their shape instead of trusting it.
 */
export type ReportMap = Omit<ProvenanceMap, OptionalLayerName> & {
  readonly claims?: unknown;
  readonly hedges?: unknown;
  readonly anonymousSources?: unknown;
  readonly quoteStances?: unknown;
  readonly techniques?: unknown;
  readonly devices?: unknown;
  readonly evidence?: unknown;
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function readSpan(v: unknown, textLength: number): ReportSpan | null {
  if (!isRecord(v)) return null;
  const { start, end } = v;
  if (typeof start !== 'number' || typeof end !== 'number') return null;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > textLength || end <= start) return null;
  return { start, end };
}

/** `claims` may be the array itself or the claims stage's layer object `{claims, hedges, …}`. */
function listOf(map: ReportMap, field: 'claims' | 'hedges' | 'techniques'): unknown[] {
  const direct = map[field];
  if (Array.isArray(direct)) return direct;
  if (isRecord(direct) && Array.isArray(direct[field])) return direct[field] as unknown[];
  if (field === 'hedges' && isRecord(map.claims) && Array.isArray(map.claims.hedges)) return map.claims.hedges as unknown[];
  if (field === 'techniques' && isRecord(map['rhetoric' as keyof ReportMap])) {
    const rhetoric = map['rhetoric' as keyof ReportMap] as Record<string, unknown>;
    if (Array.isArray(rhetoric.techniques)) return rhetoric.techniques;
  }
  return [];
}

export function readClaims(map: ReportMap): ReportClaim[] {
  const out: ReportClaim[] = [];
  for (const [i, c] of listOf(map, 'claims').entries()) {
    if (!isRecord(c)) continue;
    const span = readSpan(c.span, map.text.length);
    if (!span) continue;
    const support = isRecord(c.support) ? c.support : {};
    const status = support.status === 'sourced' || support.status === 'unsourced' ? support.status : null;
    out.push({
      id: str(c.id) ?? `claim${i + 1}`,
      span,
      kind: str(c.kind),
      status,
      stance: str(c.stance),
      stanceCue: isRecord(c.stanceCue) ? str(c.stanceCue.text) : null,
      quoteIds: strings(support.quoteIds),
      citationIds: strings(support.citationIds),
      outletIds: strings(support.outletIds),
      attributions: Array.isArray(support.attributions) ? support.attributions.map((a) => (isRecord(a) ? str(a.text) : null)).filter((a): a is string => a !== null) : [],
      anonymous: strings(support.anonymousSourceIds).length > 0,
      hedgeIds: strings(c.hedgeIds),
    });
  }
  return out;
}

export function readHedges(map: ReportMap): ReportHedge[] {
  const out: ReportHedge[] = [];
  for (const [i, h] of listOf(map, 'hedges').entries()) {
    if (!isRecord(h)) continue;
    const span = readSpan(h.span, map.text.length);
    if (!span) continue;
    out.push({ id: str(h.id) ?? `h${i + 1}`, span, kind: str(h.kind), cue: str(h.cue) });
  }
  return out;
}

export function readTechniques(map: ReportMap): ReportTechnique[] {
  const out: ReportTechnique[] = [];
  for (const t of listOf(map, 'techniques')) {
    if (!isRecord(t)) continue;
    const span = readSpan(t.span, map.text.length);
    const technique = str(t.technique);
    if (!span || !technique) continue;
    const confidence = typeof t.confidence === 'number' && Number.isFinite(t.confidence) ? t.confidence : null;
    out.push({ span, technique, confidence });
  }
  return out;
}

/** Rhetorical devices (schema 1.2.0); none from older maps. */
export function readDevices(map: ReportMap): ReportDevice[] {
  const out: ReportDevice[] = [];
  for (const d of Array.isArray(map.devices) ? (map.devices as unknown[]) : []) {
    if (!isRecord(d)) continue;
    const span = readSpan(d.span, map.text.length);
    const kind = str(d.kind);
    if (span && kind) out.push({ span, kind, reason: str(d.reason) });
  }
  return out;
}

export function readAnonymousSources(map: ReportMap): ReportAnonymousSource[] {
  const list = Array.isArray(map.anonymousSources) ? map.anonymousSources : isRecord(map.claims) && Array.isArray(map.claims.anonymousSources) ? map.claims.anonymousSources : [];
  const out: ReportAnonymousSource[] = [];
  for (const a of list as unknown[]) {
    if (!isRecord(a)) continue;
    const span = readSpan(a.span, map.text.length);
    if (span) out.push({ span, quoteId: str(a.quoteId) });
  }
  return out;
}

/** The author's framing of quotes ("falsely claimed": disputed), by quote id. */
export function readQuoteStances(map: ReportMap): Map<string, ReportQuoteStance> {
  const list = Array.isArray(map.quoteStances) ? map.quoteStances : isRecord(map.claims) && Array.isArray(map.claims.quoteStances) ? map.claims.quoteStances : [];
  const out = new Map<string, ReportQuoteStance>();
  for (const q of list as unknown[]) {
    if (!isRecord(q)) continue;
    const quoteId = str(q.quoteId);
    const stance = str(q.stance);
    if (quoteId && stance) out.set(quoteId, { quoteId, stance, cue: isRecord(q.cue) ? str(q.cue.text) : null });
  }
  return out;
}

/** `Loaded_Language` → "Loaded language"; `Name_Calling,Labeling` → "Name calling, labeling". */
export function techniqueLabel(name: string): string {
  const words = name.replace(/_/g, ' ').replace(/,/g, ', ').replace(/\s+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type EvidenceEntry = readonly [label: string, value: string];

/**
 * The evidence summary as label/value rows. Its shape is still being settled, so the report
 * shows any flat object: numbers and strings as they are, arrays by length and content,
 * nested objects one level deep (`sources.named`).
 */
export function readEvidence(map: ReportMap): EvidenceEntry[] {
  const e = map.evidence;
  if (!isRecord(e)) return [];
  const rows: [string, string][] = [];
  const show = (v: unknown): string | null => {
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isFinite(v)) return Number.isInteger(v) ? String(v) : v.toFixed(2);
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (Array.isArray(v)) {
      const items = v.map((x) => (typeof x === 'string' || typeof x === 'number' ? String(x) : null)).filter((x) => x !== null);
      return items.length === v.length && items.length <= 8 ? items.join(', ') || '—' : `${v.length}`;
    }
    return null;
  };
  for (const [k, v] of Object.entries(e).slice(0, 40)) {
    const direct = show(v);
    if (direct !== null) rows.push([humanise(k), direct]);
    else if (isRecord(v)) {
      for (const [k2, v2] of Object.entries(v).slice(0, 20)) {
        const nested = show(v2);
        if (nested !== null) rows.push([`${humanise(k)}: ${humanise(k2)}`, nested]);
      }
    }
  }
  return rows;
}

function humanise(key: string): string {
  const s = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export type { SerializedSpan };
