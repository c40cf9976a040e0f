/**
 * Wraps each stage's `run` so that the benchmark can say which stage dominates.
 * The clock lives here, in the benchmark, not in the stages (which stay pure).
 */
import type { AnyStage } from '../core/pipeline.js';
import type { StageContext } from '../core/stage.js';

export interface StageClock {
  readonly stages: readonly AnyStage[];
  /** Wall milliseconds spent in each stage so far, by the layer it provides. */
  readonly ms: Map<string, number>;
  /** CPU milliseconds (user + system, whole process) in each stage: steadier than wall time on a busy machine. */
  readonly cpuMs: Map<string, number>;
}

const cpuNowMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function timeStages(stages: readonly AnyStage[]): StageClock {
  const ms = new Map<string, number>();
  const cpuMs = new Map<string, number>();
  const wrapped = stages.map((stage): AnyStage => {
    ms.set(stage.provides, 0);
    cpuMs.set(stage.provides, 0);
    return Object.freeze({
      ...stage,
      run(context: StageContext, needs: Parameters<AnyStage['run']>[1]) {
        const c0 = cpuNowMs();
        const t0 = performance.now();
        try {
          return stage.run(context, needs);
        } finally {
          ms.set(stage.provides, ms.get(stage.provides)! + performance.now() - t0);
          cpuMs.set(stage.provides, cpuMs.get(stage.provides)! + cpuNowMs() - c0);
        }
      },
    });
  });
  return { stages: wrapped, ms, cpuMs };
}
