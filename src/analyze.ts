import { emptyMeta, type ArticleInput, type ArticleMeta } from './core/document.js';
import { createPipeline, type AnyStage, type Pipeline } from './core/pipeline.js';
import type { Resources } from './core/stage.js';
import { toProvenanceMap } from './contract/serialize.js';
import type { ProvenanceMap } from './contract/schema.js';
import { loadOutletRegistry } from './registry/index.js';
import { structureStage } from './stages/structure/index.js';
import { quotesStage } from './stages/quotes/index.js';
import { citationsStage } from './stages/citations/index.js';
import { outletsStage } from './stages/outlets/index.js';
import { entitiesStage } from './stages/entities/index.js';
import { claimsStage } from './stages/claims/index.js';
import { devicesStage } from './stages/devices/index.js';
import { evidenceStage } from './stages/evidence/index.js';
import { createRhetoricStage, loadRhetoricModel, type RhetoricMode } from './stages/rhetoric/index.js';
import { shippedCueModel } from './stages/quotes/learned-cue-model.js';
import { VERSION } from './version.js';

/** The stages of the provenance map, in order, without rhetoric (which needs its model loaded). */
export const defaultStages: readonly AnyStage[] = Object.freeze([
  structureStage,
  quotesStage,
  citationsStage,
  outletsStage,
  entitiesStage,
  claimsStage,
  devicesStage,
  evidenceStage,
] as AnyStage[]);

export interface AnalyzerOptions {
  /** Knowledge the stages consult; defaults to the registry shipped with claimtrace. */
  readonly resources?: Resources;
  /** The whole list of stages, replacing the default (then `rhetoric` is ignored). */
  readonly stages?: readonly AnyStage[];
  /**
   * Persuasion techniques (the `techniques` layer): on by default, in `balanced` mode;
   * `false` leaves them out (faster: the model is the slowest part of the analysis).
   */
  readonly rhetoric?: boolean | { readonly mode: RhetoricMode };
}

/** The default stages with the rhetoric stage (and its model) put before the evidence summary. */
export function stagesWith(rhetoric: AnalyzerOptions['rhetoric'] = true): readonly AnyStage[] {
  if (rhetoric === false) return defaultStages;
  const mode: RhetoricMode = typeof rhetoric === 'object' ? rhetoric.mode : 'balanced';
  const stage = createRhetoricStage(loadRhetoricModel(), { mode }) as AnyStage;
  const at = defaultStages.indexOf(evidenceStage as AnyStage);
  return Object.freeze([...defaultStages.slice(0, at), stage, ...defaultStages.slice(at)]);
}

export interface Analyzer {
  readonly pipeline: Pipeline;
  analyze(input: ArticleInput): ProvenanceMap;
}

let defaultResources: Resources | undefined;

/** Loads the shipped resources once (the outlet registry) and freezes a pipeline over them. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const resources = options.resources ?? (defaultResources ??= { outlets: loadOutletRegistry() });
  // Read the quotes stage's learned attribution cues now, while the analyzer is built, so that
  // no stage does I/O while it runs. (It is cached; the stage looks it up again, in memory.)
  shippedCueModel();
  const pipeline = createPipeline(options.stages ?? stagesWith(options.rhetoric), resources);
  return Object.freeze({
    pipeline,
    analyze(input: ArticleInput): ProvenanceMap {
      return toProvenanceMap(pipeline.run(input), { generatorVersion: VERSION, stages: pipeline.stages });
    },
  });
}

let shared: Analyzer | undefined;

/** Analyses a plain text held in memory. */
export function analyzeText(text: string, options: { path?: string; meta?: Partial<ArticleMeta> } = {}): ProvenanceMap {
  shared ??= createAnalyzer();
  return shared.analyze({
    text,
    source: { path: options.path ?? '<text>', format: 'text', encoding: 'utf-16', bytes: Buffer.byteLength(text, 'utf8') },
    meta: { ...emptyMeta, ...options.meta },
  });
}
