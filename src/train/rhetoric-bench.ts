/**
 * Micro-benchmark of the rhetoric detector: CPU time per article, split by step, on PolNeAR
 * train texts (the article size the pipeline bench uses).
 *
 *   npx tsx src/train/rhetoric-bench.ts [--limit 200] [--rounds 3] [--model models/rhetoric]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { decodeSpans } from '../stages/rhetoric/decode-spans.js';
import { detectTechniques, spanConfidence, techniqueProbabilities, tokenProbabilities } from '../stages/rhetoric/detect-techniques.js';
import { articleContext } from '../stages/rhetoric/features.js';
import { loadRhetoricModel } from '../stages/rhetoric/load-model.js';

const { values: args } = parseArgs({
  options: {
    limit: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    model: { type: 'string', default: 'models/rhetoric' },
  },
});
const dir = resolve(process.env['CLAIMTRACE_SHARED'] ?? '../shared', 'datasets', 'polnear', 'train', 'text');
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, Number(args.limit))
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const l0 = cpu();
const model = loadRhetoricModel(pathToFileURL(resolve(args.model!) + '/'));
const load = cpu() - l0;
detectTechniques(texts[0]!, model); // warm the interleaved tables
const steps = { context: 0, tokens: 0, decode: 0, spans: 0, total: 0 };
let best = Infinity;
for (let r = 0; r < Number(args.rounds); r++) {
  const t0 = cpu();
  for (const t of texts) detectTechniques(t, model);
  best = Math.min(best, cpu() - t0);
}
for (const text of texts) {
  let t = cpu();
  const ctx = articleContext(text);
  steps.context += cpu() - t;
  t = cpu();
  const probs = tokenProbabilities(ctx, model);
  steps.tokens += cpu() - t;
  t = cpu();
  const spans = decodeSpans(ctx, probs, model.si.modes.balanced.threshold, model.si.modes.balanced.decode);
  steps.decode += cpu() - t;
  t = cpu();
  for (const s of spans) {
    spanConfidence(ctx, s, s.score, model);
    techniqueProbabilities(ctx, s, model);
  }
  steps.spans += cpu() - t;
}
const n = texts.length;
const chars = texts.reduce((a, t) => a + t.length, 0);
console.log(`${n} PolNeAR train texts (${Math.round(chars / n)} chars on average); model load ${load.toFixed(0)} ms CPU`);
console.log(`detectTechniques: ${(best / n).toFixed(3)} ms CPU/article (best of ${args.rounds}), ${(n / best * 1000).toFixed(0)} articles/s`);
console.log(`steps (one pass, ms/article): context ${(steps.context / n).toFixed(3)}, token probabilities ${(steps.tokens / n).toFixed(3)}, decode ${(steps.decode / n).toFixed(3)}, span scoring + TC ${(steps.spans / n).toFixed(3)}`);
