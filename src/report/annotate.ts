/**
 * Annotations: what the report draws on the text. Each layer descriptor turns part of the
 * provenance map into annotations; the renderer knows nothing about quotes or claims, only
 * annotations with spans, a label, details and CSS classes. A new layer is one more descriptor.
 */
import type { SerializedCitation, SerializedOutlet } from '../contract/schema.js';
import type { ReportMap, ReportSpan } from './optional-layers.js';
import type { SpeakerIndex } from './speakers.js';

export interface Annotation {
  /** Unique in the report and safe as an HTML id part: `<layer>-<n>`. */
  readonly id: string;
  readonly layer: string;
  readonly spans: readonly ReportSpan[];
  /** Extra classes on the covered segments (`spk-2`, `us-dotted`, `claim-unsourced`). Fixed vocabulary, never article text. */
  readonly classes: readonly string[];
  /** What it is, in one line: "Quotation (direct) by Peter Marsh". */
  readonly label: string;
  /** Where it comes from and what else is known, one fact a line. */
  readonly details: readonly string[];
  /** A short label drawn before the first span (speaker initials, "? unsourced"): the non-colour signal. */
  readonly marker?: string;
  /** The id of what it draws in the map (`q3`, `c1`), so the panel can link to it. */
  readonly ref?: string;
  /** Citations: the note number drawn after the last span, linking to the notes. */
  readonly note?: { readonly number: number; readonly citationId: string };
}

/** What the descriptors may consult besides the map. */
export interface ReportContext {
  readonly speakers: SpeakerIndex;
  readonly outletsById: ReadonlyMap<string, SerializedOutlet>;
  readonly citationsById: ReadonlyMap<string, SerializedCitation>;
  /** Note numbers of the citations, 1-based in text order. */
  readonly noteNumbers: ReadonlyMap<string, number>;
}

export interface LayerDescriptor {
  /** CSS-safe key: `[a-z][a-z0-9-]*`. */
  readonly key: string;
  readonly label: string;
  /** How the layer is marked without colour, for the legend. */
  readonly signal: string;
  /** Rules for the layer's highlights; scoped by the renderer under `.on-<key>`. */
  readonly css: string;
  /** When false the layer starts switched off. */
  readonly initiallyOn?: boolean;
  collect(map: ReportMap, context: ReportContext): Omit<Annotation, 'id' | 'layer'>[];
}
