import type { Diagnostic } from './diagnostics.js';
import type { ArticleInput } from './document.js';
import type { LayerName, Layers, OutletFacts } from './layers.js';
import type { Span } from './span.js';

/**
 * Read-only knowledge that stages consult: loaded once, before any pipeline is built,
 * so stages themselves stay pure (no I/O, clock or randomness).
 */
export interface OutletRegistry {
  /** Looks an outlet up by a name as written ("the New York Times", "IRNA", "Fars news agency"). */
  byName(name: string): OutletFacts | null;
  /** Looks an outlet up by host name (`www.nytimes.com` → The New York Times). */
  byHost(host: string): OutletFacts | null;
  /** Every outlet name of the registry found in `text`, longest match first, non-overlapping. */
  findMentions(text: string): readonly { readonly span: Span; readonly outlet: OutletFacts }[];
}

export interface Resources {
  readonly outlets: OutletRegistry;
}

export interface StageContext {
  readonly input: ArticleInput;
  readonly resources: Resources;
}

export interface StageResult<T> {
  readonly layer: T;
  readonly diagnostics?: readonly Diagnostic[];
}

/**
 * A stage provides one layer from the layers it requires. It receives only those
 * (`needs`), which lets it be tested without its upstream and cached by
 * (document, stage, version, options).
 */
export interface Stage<Provides extends LayerName = LayerName, Requires extends LayerName = LayerName, Uses extends LayerName = never> {
  readonly provides: Provides;
  readonly version: string;
  readonly requires: readonly Requires[];
  /** Layers read when an earlier stage provides them (a pipeline may leave them out). */
  readonly uses?: readonly Uses[];
  run(context: StageContext, needs: Pick<Layers, Requires> & Partial<Pick<Layers, Uses>>): StageResult<Layers[Provides]>;
}

export function defineStage<P extends LayerName, R extends LayerName, U extends LayerName = never>(stage: Stage<P, R, U>): Stage<P, R, U> {
  return Object.freeze(stage);
}
