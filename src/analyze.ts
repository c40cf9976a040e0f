import { emptyMeta, type ArticleInput, type ArticleMeta } from './core/document.js';
import { createPipeline, type Pipeline } from './core/pipeline.js';
import type { Resources, Stage } from './core/stage.js';
import { toProvenanceMap } from './contract/serialize.js';
import type { ProvenanceMap } from './contract/schema.js';
import { loadOutletRegistry } from './registry/index.js';
import { structureStage } from './stages/structure/index.js';
import { quotesStage } from './stages/quotes/index.js';
import { citationsStage } from './stages/citations/index.js';
import { outletsStage } from './stages/outlets/index.js';
import { entitiesStage } from './stages/entities/index.js';
import { claimsStage } from './stages/claims/index.js';
import { evidenceStage } from './stages/evidence/index.js';
import { VERSION } from './version.js';

/** The stages of the provenance map, in order. */
export const defaultStages: readonly Stage[] = Object.freeze([
  structureStage,
  quotesStage,
  citationsStage,
  outletsStage,
  entitiesStage,
  claimsStage,
  evidenceStage,
] as Stage[]);

export interface AnalyzerOptions {
  /** Knowledge the stages consult; defaults to the registry shipped with claimtrace. */
  readonly resources?: Resources;
  readonly stages?: readonly Stage[];
}

export interface Analyzer {
  readonly pipeline: Pipeline;
  analyze(input: ArticleInput): ProvenanceMap;
}

let defaultResources: Resources | undefined;

/** Loads the shipped resources once (the outlet registry) and freezes a pipeline over them. */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const resources = options.resources ?? (defaultResources ??= { outlets: loadOutletRegistry() });
  const pipeline = createPipeline(options.stages ?? defaultStages, resources);
  return Object.freeze({
    pipeline,
    analyze(input: ArticleInput): ProvenanceMap {
      return toProvenanceMap(pipeline.run(input), { generatorVersion: VERSION });
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
