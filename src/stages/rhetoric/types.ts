import type { Span } from '../../core/span.js';

/**
 * The 14 technique classes of the Propaganda Techniques Corpus (SemEval-2020 Task 11), spelled
 * as the corpus spells them: the commas are part of the names (`Name_Calling,Labeling` is one class).
 */
export const TECHNIQUE_NAMES = [
  'Appeal_to_Authority',
  'Appeal_to_fear-prejudice',
  'Bandwagon,Reductio_ad_hitlerum',
  'Black-and-White_Fallacy',
  'Causal_Oversimplification',
  'Doubt',
  'Exaggeration,Minimisation',
  'Flag-Waving',
  'Loaded_Language',
  'Name_Calling,Labeling',
  'Repetition',
  'Slogans',
  'Thought-terminating_Cliches',
  'Whataboutism,Straw_Men,Red_Herring',
] as const;

export type TechniqueName = (typeof TECHNIQUE_NAMES)[number];

/** One persuasion technique found in the text. */
export interface Technique {
  /** Half-open UTF-16 span into the document text. */
  readonly span: Span;
  readonly technique: TechniqueName;
  /**
   * The span scorer's estimate, in [0, 1], of the share of the span that lies inside a technique
   * (trained on held-out spans of PTC train); `high-precision` mode keeps spans above a cut-off of it.
   */
  readonly confidence: number;
  /** The classifier's probability for `technique` given the span (the rest is spread over other classes). */
  readonly techniqueProbability: number;
}

/** The layer the rhetoric stage provides (`Layers.rhetoric`, with technique names narrowed). */
export interface RhetoricLayer {
  readonly techniques: readonly Technique[];
}

export type RhetoricMode = 'balanced' | 'high-precision';

export interface DetectOptions {
  /** `balanced` maximises span F1 on held-out training folds; `high-precision` aims at span precision ≥ 0.6. */
  readonly mode?: RhetoricMode;
  /**
   * Overrides the mode's threshold (0–1): in `balanced` the token probability at which tokens
   * join a span, in `high-precision` the minimum span confidence.
   */
  readonly threshold?: number;
}
