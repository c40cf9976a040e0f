/**
 * The layers the pipeline builds over one text. Each is provided by one stage
 * (`src/stages/<name>`), and all positions are spans into the same `text`.
 * These are the in-pipeline shapes; `src/contract` turns them into the versioned JSON.
 */
import type { Block } from './document.js';
import type { EvidenceSummary } from './evidence-summary.js';
import type { Span } from './span.js';

// ── structure ────────────────────────────────────────────────────────────────

export interface Paragraph extends Span {
  readonly kind: Block['kind'];
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  readonly kind: TokenKind;
}

export interface Sentence extends Span {
  /** Index into `paragraphs`. */
  readonly paragraph: number;
}

export interface StructureLayer {
  readonly paragraphs: readonly Paragraph[];
  readonly sentences: readonly Sentence[];
}

// ── quotes ───────────────────────────────────────────────────────────────────

export type QuoteKind = 'direct' | 'mixed' | 'indirect';

export type SpeakerKind = 'person' | 'organisation' | 'outlet' | 'anonymous' | 'unknown';

export interface Speaker {
  /** Where the speaker is named for this quote (may be a pronoun), or null. */
  readonly mention: Span | null;
  /** The resolved name ("Hugh Hill" for a mention "he"), or null when only described. */
  readonly name: string | null;
  /** A description kept as said ("a senior analyst for the International Crisis Group in Kabul"). */
  readonly description: string | null;
  readonly kind: SpeakerKind;
  /** An organisation the speaker is described as belonging to ("International Crisis Group"). */
  readonly organisation: string | null;
  /** The span the name was resolved from when the mention is a pronoun or a short form. */
  readonly antecedent: Span | null;
}

export interface Quote {
  readonly id: string;
  readonly kind: QuoteKind;
  /** One or more spans: a quote interrupted by its cue ("…," he said, "…") has two. */
  readonly content: readonly Span[];
  readonly cue: Span | null;
  readonly speaker: Speaker;
  readonly confidence: number;
}

export type MarkedPhraseKind = 'scare' | 'title' | 'term';

/** Words in quotation marks that are not a quotation: scare quotes, titles, terms. */
export interface MarkedPhrase {
  readonly id: string;
  readonly kind: MarkedPhraseKind;
  /** The span including the marks. */
  readonly span: Span;
  readonly confidence: number;
}

export interface QuotesLayer {
  readonly quotes: readonly Quote[];
  readonly markedPhrases: readonly MarkedPhrase[];
}

// ── citations ────────────────────────────────────────────────────────────────

export type CitationKind = 'parenthetical' | 'link';

export interface Citation {
  readonly id: string;
  readonly kind: CitationKind;
  readonly span: Span;
  readonly authors: readonly string[];
  readonly title: string | null;
  /** The outlet as written, or as inherited through ibid / the surrounding text. */
  readonly outletName: string | null;
  /** Registry key of the outlet, when it is in the registry. */
  readonly outletKey: string | null;
  /** ISO 8601 (`2015-06-04`), or `--MM-DD` when the year is unknown. */
  readonly date: string | null;
  /** Id of the citation this one repeats ("(ibid)"). */
  readonly ibidOf: string | null;
  /** The source the cited one relied on ("citing FARS news agency"). */
  readonly via: { readonly text: string; readonly outletName: string | null; readonly outletKey: string | null } | null;
  readonly url: string | null;
  /** What the reference covers: quote ids and the paragraph index it closes. */
  readonly covers: { readonly quotes: readonly string[]; readonly paragraph: number | null };
}

export interface CitationsLayer {
  readonly citations: readonly Citation[];
}

// ── outlets ──────────────────────────────────────────────────────────────────

export interface OutletFacts {
  readonly key: string;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly domains: readonly string[];
  readonly country: string | null;
  /**
   * True when the registry lists the outlet with state editorial control (State Media Matrix
   * typologies SC, CaPu, CaPr). Independent public or state-funded media (the matrix's ISFM,
   * ISF, ISM, IP) are false here and described by `registry.typology`.
   */
  readonly stateAffiliated: boolean;
  /** Registry detail: typology code and its meaning, owner, source registry. */
  readonly registry: {
    readonly source: string;
    readonly typology: string | null;
    readonly typologyLabel: string | null;
    readonly owner: string | null;
    /** Per the typology: does the state control the editorial line? Null when unknown. */
    readonly stateEditorialControl?: boolean | null;
  } | null;
}

export interface OutletRef {
  readonly id: string;
  /** Registry facts, or a minimal record built from what the article says. */
  readonly facts: OutletFacts;
  /** Names as they appear in this article. */
  readonly aliasesSeen: readonly string[];
  readonly mentions: readonly Span[];
  /** How the outlet appears: named in text, cited, linked, speaks, publishes the article. */
  readonly roles: readonly ('named' | 'cited' | 'linked' | 'speaker' | 'via' | 'publisher')[];
}

export interface OutletsLayer {
  readonly outlets: readonly OutletRef[];
}

// ── entities ─────────────────────────────────────────────────────────────────

export type EntityKind = 'person' | 'organisation' | 'outlet' | 'group';

export interface Entity {
  readonly id: string;
  readonly kind: EntityKind;
  readonly name: string;
  readonly descriptions: readonly string[];
  readonly mentions: readonly Span[];
  /** Quote ids this entity speaks. */
  readonly quotes: readonly string[];
}

export interface EntitiesLayer {
  readonly entities: readonly Entity[];
}

// ── claims ───────────────────────────────────────────────────────────────────
// Sentences or clauses that assert something checkable, the words that qualify them, the
// anonymous sources, and what supports each claim. Words only: never a verdict on truth.

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

// ── rhetoric ─────────────────────────────────────────────────────────────────

/** One persuasion technique found in the text (PTC / SemEval-2020 Task 11 class names). */
export interface TechniqueSpan {
  readonly span: Span;
  readonly technique: string;
  /** The span scorer's estimate, in [0, 1], that the span lies inside a technique. */
  readonly confidence: number;
  /** The classifier's probability for `technique` given the span. */
  readonly techniqueProbability: number;
}

export interface RhetoricLayer {
  readonly techniques: readonly TechniqueSpan[];
}

// ── devices ──────────────────────────────────────────────────────────────────

/**
 * Rhetorical devices found by rules in the author's own voice (see src/stages/devices):
 * questions put to the reader, exclamations, slogans, scare quotes.
 */
export type DeviceKind = 'rhetorical-question' | 'exclamation' | 'slogan' | 'scare-quote';

export interface RhetoricalDevice {
  readonly kind: DeviceKind;
  readonly span: Span;
  /** Why the rule fired, in a few words ("exclamation of 4 words, no pronoun"). */
  readonly reason: string;
}

export interface DevicesLayer {
  readonly devices: readonly RhetoricalDevice[];
}

export interface Layers {
  structure: StructureLayer;
  quotes: QuotesLayer;
  citations: CitationsLayer;
  outlets: OutletsLayer;
  entities: EntitiesLayer;
  claims: ClaimsLayer;
  rhetoric: RhetoricLayer;
  devices: DevicesLayer;
  evidence: EvidenceSummary;
}

export type LayerName = keyof Layers;
