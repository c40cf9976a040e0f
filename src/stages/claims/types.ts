/**
 * The claims layer: sentences or clauses that assert something checkable, the words that
 * qualify them (hedges, evidentials, "could not be verified"), the anonymous sources in the
 * text, and what supports each claim. Words only: nothing here says whether a claim is true.
 * To be added to `Layers` as `claims: ClaimsLayer`.
 */
import type { Span } from '../../core/span.js';

/**
 * What a claim asserts, by the first rule that fits (in this order):
 * `attributed` — that someone said something (it overlaps a quote or has a speech verb with a source);
 * `causal` — that one thing caused another ("because", "led to", "as a result");
 * `quantity` — a number, amount or casualty figure; `event` — that something happened (an event verb or a date);
 * `other` — a declarative statement about named things with none of the above.
 */
export type ClaimKind = 'event' | 'quantity' | 'attributed' | 'causal' | 'other';

/** How the author frames an attribution: "falsely claimed" (disputed), "confirmed" (endorsed). */
export type Stance = 'disputed' | 'endorsed' | 'neutral';

export interface ClaimSupport {
  /** Quotes the claim is, or contains the cue of. */
  readonly quoteIds: readonly string[];
  /** References covering the claim: in it, right after it, or closing its paragraph. */
  readonly citationIds: readonly string[];
  /** Registry keys of the outlets behind the quotes, citations and "according to" sources. */
  readonly outletKeys: readonly string[];
  /** Sources named in the claim's own words ("according to the city's finance office"). */
  readonly attributions: readonly Span[];
  /** Ids of anonymous sources in the claim ("officials who asked not to be named"). */
  readonly anonymousSourceIds: readonly string[];
  /** `sourced` when any of the above is non-empty. Anonymous sources count, and are flagged apart. */
  readonly status: 'sourced' | 'unsourced';
}

export interface Claim {
  readonly id: string;
  readonly span: Span;
  readonly kind: ClaimKind;
  readonly support: ClaimSupport;
  /** Hedges, evidentials and unverified-markers that qualify the claim. */
  readonly hedgeIds: readonly string[];
  readonly stance: Stance;
  /** The words the stance was read from ("falsely claimed"), or null when neutral. */
  readonly stanceCue: Span | null;
}

export type HedgeKind = 'hedge' | 'evidential' | 'unverified-marker';

export interface Hedge {
  readonly id: string;
  readonly span: Span;
  readonly kind: HedgeKind;
  /** The lexicon entry matched, in lower case ("could not be independently verified"). */
  readonly cue: string;
}

export interface AnonymousSource {
  readonly id: string;
  /** The words describing the source ("officials who asked not to be named"). */
  readonly span: Span;
  /** The quote this source speaks, when the quotes stage found one. */
  readonly quoteId: string | null;
  /** Where the flag came from: the quote's speaker kind, or the claims stage's own lexicon. */
  readonly detectedBy: 'quote-speaker' | 'lexicon';
}

/** The author's framing of a quote's attribution ("falsely claimed", "confirmed"). */
export interface QuoteStance {
  readonly quoteId: string;
  readonly stance: Exclude<Stance, 'neutral'>;
  readonly cue: Span;
}

export interface ClaimsLayer {
  readonly claims: readonly Claim[];
  readonly hedges: readonly Hedge[];
  readonly anonymousSources: readonly AnonymousSource[];
  readonly quoteStances: readonly QuoteStance[];
}
