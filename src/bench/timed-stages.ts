/**
 * Wraps each stage's `run` so that the benchmark can say which stage dominates.
 * The clock lives here, in the benchmark, not in the stages (which stay pure).
 */
import type { Stage, StageContext } from '../core/stage.js';

export interface StageClock {
  readonly stages: readonly Stage[];
  /** Milliseconds spent in each stage so far, by the layer it provides. */
  readonly ms: Map<string, number>;
}

export function timeStages(stages: readonly Stage[]): StageClock {
  const ms = new Map<string, number>();
  const wrapped = stages.map((stage): Stage => {
    ms.set(stage.provides, 0);
    return Object.freeze({
      ...stage,
      run(context: StageContext, needs: Parameters<Stage['run']>[1]) {
        const t0 = performance.now();
        try {
          return stage.run(context, needs);
        } finally {
          ms.set(stage.provides, ms.get(stage.provides)! + performance.now() - t0);
        }
      },
    });
  });
  return { stages: wrapped, ms };
}
