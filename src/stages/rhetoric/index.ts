import { defineStage } from '../../core/stage.js';
import { checkOptions, detectTechniques } from './detect-techniques.js';
import type { RhetoricModel } from './model.js';
import type { DetectOptions, RhetoricLayer } from './types.js';

/**
 * The rhetoric stage: persuasion techniques as spans. It needs no upstream layer (it tokenises
 * on its own, as its weights were trained that way) and takes its model as an argument, so it
 * stays pure.
 */
export function createRhetoricStage(model: RhetoricModel, options: DetectOptions = {}) {
  checkOptions(options);
  return defineStage({
    provides: 'rhetoric',
    version: `1+${model.version}`,
    requires: [],
    run(context) {
      const layer: RhetoricLayer = { techniques: detectTechniques(context.input.text, model, options) };
      return { layer };
    },
  });
}

export { detectTechniques, techniqueProbabilities, tokenProbabilities } from './detect-techniques.js';
export { loadRhetoricModel } from './load-model.js';
export type { RhetoricModel, DecodeParams } from './model.js';
export { TECHNIQUE_NAMES } from './types.js';
export type { DetectOptions, RhetoricLayer, RhetoricMode, Technique, TechniqueName } from './types.js';
export { scoreSi, scoreTc, mergeRanges, toCodePointRanges, toUtf16Spans } from './score-ptc.js';
