import { defineStage, type Stage } from '../../core/stage.js';
import type { LayerName } from '../../core/layers.js';
import { checkOptions, detectTechniques } from './detect-techniques.js';
import type { RhetoricModel } from './model.js';
import type { DetectOptions, RhetoricLayer } from './types.js';

/**
 * The rhetoric stage: persuasion techniques as spans. It needs no upstream layer (it tokenises
 * on its own, as its weights were trained that way) and takes its model as an argument, so it
 * stays pure. `'rhetoric'` is not yet a member of `Layers`; until it is, the factory is typed
 * loosely and the caller casts.
 */
export function createRhetoricStage(model: RhetoricModel, options: DetectOptions = {}) {
  checkOptions(options);
  return defineStage({
    provides: 'rhetoric' as LayerName,
    version: `1+${model.version}`,
    requires: [],
    run(context) {
      const layer: RhetoricLayer = { techniques: detectTechniques(context.input.text, model, options) };
      return { layer: layer as never };
    },
  } as Stage<LayerName, never>);
}

export { detectTechniques, techniqueProbabilities, tokenProbabilities } from './detect-techniques.js';
export { loadRhetoricModel } from './load-model.js';
export type { RhetoricModel, DecodeParams } from './model.js';
export { TECHNIQUE_NAMES } from './types.js';
export type { DetectOptions, RhetoricLayer, RhetoricMode, Technique, TechniqueName } from './types.js';
export { scoreSi, scoreTc, mergeRanges, toCodePointRanges, toUtf16Spans } from './score-ptc.js';
