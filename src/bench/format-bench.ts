/** The benchmark's figures as a plain-text report. */
import type { BenchResult, Throughput } from './measures.js';

export function formatResult(r: BenchResult): string {
  const row = (label: string, t: Throughput, extra = '') =>
    `  ${label.padEnd(44)}${t.articlesPerS.toFixed(1).padStart(10)}${t.mbPerS.toFixed(2).padStart(9)}${(t.ms / 1000).toFixed(2).padStart(9)}${(t.cpuMs / 1000).toFixed(2).padStart(9)}${extra}`;
  const head = `  ${''.padEnd(44)}${'articles/s'.padStart(10)}${'MB/s'.padStart(9)}${'wall s'.padStart(9)}${'cpu s'.padStart(9)}`;
  const ratio = (x: { ratio: number; cpuRatio: number }) =>
    `  speed ratio claimtrace / wink: ${x.ratio.toFixed(2)} by wall time, ${x.cpuRatio.toFixed(2)} by CPU time (target ≥ 0.5: ${Math.min(x.ratio, x.cpuRatio) >= 0.5 ? 'met' : 'NOT met'})`;
  const lines = [
    `claimtrace bench: ${r.corpus.articles} texts, ${r.corpus.mb.toFixed(2)} MB (UTF-8), ${r.corpus.dir}`,
    `machine: ${r.machine.cpu}, ${r.machine.cores} cores (availableParallelism), node ${r.machine.node}; load average ${r.machine.loadAvg[0].toFixed(1)} at start, ${r.machine.loadAvg[1].toFixed(1)} at end; commit ${r.commit}`,
    `load: reading the corpus (readArticle) ${r.load.readMs.toFixed(0)} ms; analyzer ${r.load.analyzerMs.toFixed(0)} ms, wink-nlp + model ${r.load.winkMs.toFixed(0)} ms`,
    '',
    `In process, texts in memory (median of ${r.rounds} passes after a warm-up)`,
    head,
    row('claimtrace analyze, 1 core', r.inProcess.claimtrace),
    ...(r.inProcessOff ? [row('claimtrace analyze, techniques off, 1 core', r.inProcessOff.claimtrace)] : []),
    row('wink-nlp readDoc + pos, 1 core', r.inProcess.wink),
    ratio(r.inProcess),
    ...(r.inProcessOff ? [ratio(r.inProcessOff).replace('claimtrace /', 'claimtrace --techniques off /')] : []),
    `  peak RSS of the process after the 1-core passes (both tools loaded): ${r.inProcess.peakRssMb.toFixed(0)} MB`,
  ];
  if (r.parallel) {
    lines.push(
      '',
      `In process, ${r.parallel.workers} worker threads (one per core, warmed up, kept across rounds; median of ${r.rounds} passes)`,
      head,
      row(`claimtrace analyze, ${r.parallel.workers} workers`, r.parallel.claimtrace),
      row(`wink-nlp readDoc + pos, ${r.parallel.workers} workers`, r.parallel.wink),
      ratio(r.parallel),
      `  speed-up over 1 core: claimtrace ${(r.inProcess.claimtrace.ms / r.parallel.claimtrace.ms).toFixed(2)}×, wink ${(r.inProcess.wink.ms / r.parallel.wink.ms).toFixed(2)}×`,
      `  peak RSS of the process after the parallel passes: ${r.parallel.peakRssMb?.toFixed(0)} MB`,
    );
  }
  if (r.endToEnd) {
    lines.push(
      '',
      `End to end, child processes including process start (median of ${r.rounds})`,
      `${head}  peak RSS`,
      row('node bin/claimtrace.js analyze --format jsonl --jobs 1', r.endToEnd.claimtrace, `${r.endToEnd.claimtrace.rssMb.toFixed(0).padStart(7)} MB`),
      ...(r.endToEndOff ? [row('  … --techniques off', r.endToEndOff.claimtrace, `${r.endToEndOff.claimtrace.rssMb.toFixed(0).padStart(7)} MB`)] : []),
      row('node dist/bench/wink-pass.js', r.endToEnd.wink, `${r.endToEnd.wink.rssMb.toFixed(0).padStart(7)} MB`),
      ratio(r.endToEnd),
      ...(r.endToEndOff ? [ratio(r.endToEndOff).replace('claimtrace /', 'claimtrace --techniques off /')] : []),
      ...(r.endToEndAllCores
        ? [
            row(`  … --jobs ${r.endToEndAllCores.jobs} (all cores)`, r.endToEndAllCores.claimtrace, `${r.endToEndAllCores.claimtrace.rssMb.toFixed(0).padStart(7)} MB`),
            `  all cores against wink's one: ${r.endToEndAllCores.ratio.toFixed(2)} by wall time, ${r.endToEndAllCores.cpuRatio.toFixed(2)} by CPU time (not the target's measure, which is one thread against one)`,
          ]
        : []),
    );
  }
  lines.push('', 'Where claimtrace spends its time (1-core passes, mean per pass)', `  ${''.padEnd(38)}${'wall ms'.padStart(10)}${'share'.padStart(8)}${'cpu ms'.padStart(10)}${'share'.padStart(8)}`);
  for (const s of r.stages) {
    lines.push(`  ${s.stage.padEnd(38)}${s.ms.toFixed(0).padStart(10)}${`${(100 * s.share).toFixed(1)}%`.padStart(8)}${s.cpuMs.toFixed(0).padStart(10)}${`${(100 * s.cpuShare).toFixed(1)}%`.padStart(8)}`);
  }
  if (r.pathological.length) {
    lines.push('', 'Pathological inputs (one analysis each, in a worker thread)');
    for (const p of r.pathological) {
      lines.push(`  ${p.kind.padEnd(16)}${`${p.bytes / 1024} KB`.padStart(9)}  ${p.ms === null ? 'stopped (timeout)' : `${p.ms.toFixed(0).padStart(7)} ms`}${p.quotes === null ? '' : `  ${p.quotes} quotes`}`);
    }
  }
  return lines.join('\n');
}
