/**
 * The evidence summary: counts of what an article rests on, for the reports. Every label is a
 * description of the text ("unsourced", "anonymous source", "state-affiliated outlet"), never a
 * verdict on truth.
 */
import type { ClaimKind, DeviceKind, HedgeKind } from './layers.js';

export type SourceKind = 'named-person' | 'anonymous' | 'official-body' | 'outlet' | 'document' | 'unidentified';

export const SOURCE_KINDS: readonly SourceKind[] = ['named-person', 'anonymous', 'official-body', 'outlet', 'document', 'unidentified'];

/** One source as the article names it, with where it appears. */
export interface SourceEntry {
  readonly kind: SourceKind;
  /** As written (untrusted text: escape before display); null for an anonymous or unidentified source. */
  readonly name: string | null;
  readonly quoteIds: readonly string[];
  readonly citationIds: readonly string[];
}

export interface StateAffiliatedOutlet {
  readonly key: string;
  readonly name: string;
  readonly country: string | null;
  /** The registry's typology code and its meaning (State Media Matrix), when given. */
  readonly typology: string | null;
  readonly typologyLabel: string | null;
  readonly roles: readonly string[];
}

/** "A, citing B, citing C": `links[0]` is what the article cites, each next one what it relied on. */
export interface SourceChain {
  readonly links: readonly string[];
  readonly quoteIds: readonly string[];
  readonly citationIds: readonly string[];
}

export interface EvidenceSummary {
  readonly claims: {
    readonly total: number;
    readonly sourced: number;
    readonly unsourced: number;
    /** Sourced claims whose only support is an anonymous source. */
    readonly anonymousOnly: number;
    readonly byKind: Readonly<Record<ClaimKind, number>>;
    /** Claims qualified by a hedge, evidential or unverified-marker. */
    readonly hedged: number;
    readonly hedgedIds: readonly string[];
    readonly unsourcedIds: readonly string[];
    /** How the author frames attributions: "falsely claimed" (disputed), "confirmed" (endorsed). */
    readonly disputed: number;
    readonly endorsed: number;
  };
  readonly hedges: { readonly total: number; readonly byKind: Readonly<Record<HedgeKind, number>> };
  readonly sources: { readonly byKind: Readonly<Record<SourceKind, number>>; readonly list: readonly SourceEntry[] };
  readonly stateAffiliatedOutlets: readonly StateAffiliatedOutlet[];
  /** The longest chains, longest first (at most five, each of two links or more). */
  readonly chains: readonly SourceChain[];
  /** Persuasion techniques by count, most frequent first. */
  readonly techniques: readonly { readonly technique: string; readonly count: number }[];
  /** Rhetorical devices in the author's voice by kind, in a fixed order, kinds with none left out. */
  readonly devices: readonly { readonly kind: DeviceKind; readonly count: number }[];
}
