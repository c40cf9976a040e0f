/** What the benchmark measures, and the small arithmetic on it. */
import type { PathologicalKind } from './pathological.js';

const MB = 1024 * 1024;

export interface Throughput {
  readonly ms: number;
  /** CPU time (user + system, all threads of the process) of the same pass: less sensitive to other load than wall time. */
  readonly cpuMs: number;
  readonly articlesPerS: number;
  readonly mbPerS: number;
}

export interface Sample {
  readonly ms: number;
  readonly cpuMs: number;
}

export const cpuNowMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** The median pass by wall time, and the median CPU time (taken separately). */
export function throughput(samples: readonly Sample[], articles: number, bytes: number): Throughput {
  const ms = median(samples.map((x) => x.ms));
  return { ms, cpuMs: median(samples.map((x) => x.cpuMs)), articlesPerS: articles / (ms / 1000), mbPerS: bytes / MB / (ms / 1000) };
}

export interface BenchResult {
  readonly corpus: { readonly dir: string; readonly articles: number; readonly mb: number };
  /** `loadAvg`: the 1-minute load average at the start and at the end (other processes compete for the cores). */
  readonly machine: { readonly cpu: string; readonly cores: number; readonly node: string; readonly loadAvg: readonly [number, number] };
  readonly commit: string;
  readonly rounds: number;
  /** `readMs`: reading and decoding the corpus with claimtrace's readArticle (not part of the passes). */
  readonly load: { readonly readMs: number; readonly analyzerMs: number; readonly winkMs: number };
  /** `ratio` is claimtrace's speed over wink's (wink wall time / claimtrace wall time); `cpuRatio` the same with CPU time. */
  readonly inProcess: { readonly claimtrace: Throughput; readonly wink: Throughput; readonly ratio: number; readonly cpuRatio: number; readonly peakRssMb: number };
  readonly parallel: { readonly claimtrace: Throughput; readonly wink: Throughput; readonly workers: number; readonly ratio: number; readonly cpuRatio: number; readonly peakRssMb: number | null } | null;
  readonly endToEnd: { readonly claimtrace: Throughput & { rssMb: number }; readonly wink: Throughput & { rssMb: number }; readonly ratio: number; readonly cpuRatio: number } | null;
  /** The 1-core pass with persuasion techniques off (`rhetoric: false`), against the same wink pass; null with --skip-off. */
  readonly inProcessOff: { readonly claimtrace: Throughput; readonly wink: Throughput; readonly ratio: number; readonly cpuRatio: number } | null;
  /** `claimtrace analyze --techniques off`, end to end, against the same wink runs; null with --skip-off or --skip-e2e. */
  readonly endToEndOff: { readonly claimtrace: Throughput & { rssMb: number }; readonly wink: Throughput & { rssMb: number }; readonly ratio: number; readonly cpuRatio: number } | null;
  /**
   * `claimtrace analyze --jobs <cores>` (the CLI's default), end to end, against the same wink
   * runs (which use one core): not the target's measure; null with --skip-parallel or --skip-e2e.
   */
  readonly endToEndAllCores?: { readonly claimtrace: Throughput & { rssMb: number }; readonly jobs: number; readonly ratio: number; readonly cpuRatio: number } | null;
  /** Mean per 1-core pass; `share` of the analysis by wall time, `cpuShare` by CPU time. */
  readonly stages: readonly { readonly stage: string; readonly ms: number; readonly cpuMs: number; readonly share: number; readonly cpuShare: number }[];
  readonly pathological: readonly { readonly kind: PathologicalKind; readonly bytes: number; readonly ms: number | null; readonly quotes: number | null }[];
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export const maxRssMb = (): number => process.resourceUsage().maxRSS / 1024;

export function ratios(x: { claimtrace: Throughput; wink: Throughput }): { ratio: number; cpuRatio: number } {
  return { ratio: x.wink.ms / x.claimtrace.ms, cpuRatio: x.wink.cpuMs / x.claimtrace.cpuMs };
}
