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
export interface Stage<Provides extends LayerName = LayerName, Requires extends LayerName = LayerName> {
  readonly provides: Provides;
  readonly version: string;
  readonly requires: readonly Requires[];
  run(context: StageContext, needs: Pick<Layers, Requires>): StageResult<Layers[Provides]>;
}

export function defineStage<P extends LayerName, R extends LayerName>(stage: Stage<P, R>): Stage<P, R> {
  return Object.freeze(stage);
}
