import type { ProvenanceMap } from '../contract/schema.js';

/** The per-article evidence counts the store keeps, from a map of any schema version. */
export interface EvidenceCounts {
  /** False for a map made before claims existed (schema 1.0.0): its counts are unknown, not zero. */
  readonly known: boolean;
  readonly claims: number;
  readonly sourced: number;
  readonly unsourced: number;
  readonly hedged: number;
  readonly anonymousOnly: number;
  readonly stateAffiliatedOutlets: number;
  readonly sourcesByKind: Readonly<Record<string, number>>;
  readonly techniques: readonly { readonly technique: string; readonly count: number }[];
}

export interface ClaimRow {
  readonly key: string;
  readonly kind: string;
  readonly status: 'sourced' | 'unsourced';
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// A map stored by an older claimtrace has no `claims` or `evidence`: read it as data of unknown
// shape rather than trusting today's type.
type AnyVersionMap = Omit<ProvenanceMap, 'claims' | 'evidence'> & {
  readonly claims?: ProvenanceMap['claims'];
  readonly evidence?: ProvenanceMap['evidence'];
};

export function evidenceOfMap(map: AnyVersionMap): EvidenceCounts {
  const e = map.evidence;
  if (!e || !Array.isArray(map.claims)) {
    return { known: false, claims: 0, sourced: 0, unsourced: 0, hedged: 0, anonymousOnly: 0, stateAffiliatedOutlets: 0, sourcesByKind: {}, techniques: [] };
  }
  const sourcesByKind = Object.fromEntries(Object.entries(e.sources?.byKind ?? {}).filter(([, n]) => typeof n === 'number' && n > 0)) as Record<string, number>;
  return {
    known: true,
    claims: e.claims.total,
    sourced: e.claims.sourced,
    unsourced: e.claims.unsourced,
    hedged: e.claims.hedged,
    anonymousOnly: e.claims.anonymousOnly,
    stateAffiliatedOutlets: e.stateAffiliatedOutlets?.length ?? 0,
    sourcesByKind,
    techniques: (e.techniques ?? []).map((t) => ({ technique: t.technique, count: t.count })),
  };
}

export function claimRowsOfMap(map: AnyVersionMap): ClaimRow[] {
  return (map.claims ?? []).map((k) => ({ key: k.id, kind: k.kind, status: k.support.status, text: k.span.text, start: k.span.start, end: k.span.end }));
}
