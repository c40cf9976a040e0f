import { ClaimtraceError, type Diagnostic } from './diagnostics.js';
import type { ArticleInput } from './document.js';
import type { LayerName, Layers } from './layers.js';
import type { Resources, Stage } from './stage.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyStage = Stage<LayerName, LayerName, any>;

export interface PipelineResult {
  readonly input: ArticleInput;
  readonly layers: Layers;
  readonly diagnostics: readonly Diagnostic[];
}

export interface Pipeline {
  readonly stages: readonly AnyStage[];
  run(input: ArticleInput): PipelineResult;
}

/**
 * Freezes an ordered list of stages into a pipeline. Misuse throws at once: a stage whose
 * required layer no earlier stage provides, or two stages providing the same layer.
 */
export function createPipeline(stages: readonly AnyStage[], resources: Resources): Pipeline {
  const provided = new Set<LayerName>();
  for (const stage of stages) {
    for (const need of stage.requires) {
      if (!provided.has(need)) {
        throw new ClaimtraceError(
          'E_PIPELINE',
          `Expected layer \`${need}\` before stage \`${stage.provides}\`, but no earlier stage provides it (have: ${[...provided].join(', ') || 'none'}).`,
        );
      }
    }
    for (const later of stages.slice(stages.indexOf(stage) + 1)) {
      if ((stage.uses ?? []).includes(later.provides)) {
        throw new ClaimtraceError('E_PIPELINE', `Expected \`${later.provides}\` before stage \`${stage.provides}\`, which uses it, but it comes after.`);
      }
    }
    if (provided.has(stage.provides)) {
      throw new ClaimtraceError('E_PIPELINE', `Expected one stage per layer, but \`${stage.provides}\` is provided twice.`);
    }
    provided.add(stage.provides);
  }
  const frozen = Object.freeze([...stages]);
  return Object.freeze({
    stages: frozen,
    run(input: ArticleInput): PipelineResult {
      const layers: Partial<Layers> = {};
      const diagnostics: Diagnostic[] = [...(input.diagnostics ?? [])];
      for (const stage of frozen) {
        const needs: Partial<Layers> = {};
        for (const need of stage.requires) (needs as Record<string, unknown>)[need] = layers[need];
        for (const use of (stage.uses ?? []) as readonly LayerName[]) if (layers[use] !== undefined) (needs as Record<string, unknown>)[use] = layers[use];
        const result = stage.run({ input, resources }, needs as Layers);
        (layers as Record<string, unknown>)[stage.provides] = result.layer;
        if (result.diagnostics) diagnostics.push(...result.diagnostics);
      }
      return { input, layers: layers as Layers, diagnostics };
    },
  });
}
