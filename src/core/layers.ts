/**
 * The layers the pipeline builds over one text. Each is provided by one stage
 * (`src/stages/<name>`), and all positions are spans into the same `text`.
 * These are the in-pipeline shapes; `src/contract` turns them into the versioned JSON.
 */
import type { Block } from './document.js';
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

export interface Layers {
  structure: StructureLayer;
  quotes: QuotesLayer;
  citations: CitationsLayer;
  outlets: OutletsLayer;
  entities: EntitiesLayer;
}

export type LayerName = keyof Layers;
