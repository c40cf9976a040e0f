/**
 * Measures the quotes stage on PolNeAR (shared/EVAL.md §1): runs structure + quotes over the
 * split's texts, read from ../shared (never copied here), writes claimtrace JSON Lines to /tmp
 * and scores them with the reference scorer.
 *
 *   npx tsx scripts/quotes-dev.ts [train|dev] [--errors N] [--track Q|A]
 *
 * `--errors N` prints N false positives and N false negatives of the track to study.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { OutletRegistry } from '../src/core/stage.js';
import { createPipeline } from '../src/core/pipeline.js';
import { emptyMeta } from '../src/core/document.js';
import { utf16ToCodePoints } from '../src/core/span.js';
import { matchContents } from '../src/eval/score-quotes.js';
import { structureStage } from '../src/stages/structure/index.js';
import { quotesStage } from '../src/stages/quotes/index.js';

const args = process.argv.slice(2);
const split = args.find((a) => a === 'train' || a === 'dev') ?? 'dev';
const errorsAt = args.indexOf('--errors');
const showErrors = errorsAt >= 0 ? Number(args[errorsAt + 1] ?? 20) : 0;
const trackAt = args.indexOf('--track');
const track = trackAt >= 0 ? (args[trackAt + 1] ?? 'Q') : 'Q';
const root = new URL('../../shared/', import.meta.url).pathname;
const corpus = join(root, 'datasets/polnear');
const textDir = join(corpus, split, 'text');
const goldPath = join(corpus, 'jsonl', `${split}.jsonl`);
const outPath = `/tmp/claimtrace-quotes-${split}.jsonl`;

const noOutlets: OutletRegistry = { byName: () => null, byHost: () => null, findMentions: () => [] };
const pipeline = createPipeline([structureStage, quotesStage], { outlets: noOutlets });

const lines: string[] = [];
const predicted = new Map<string, { text: string; quotes: { kind: string; content: { start: number; end: number }[]; cue: { start: number; end: number } | null; mention: { start: number; end: number } | null }[] }>();
let ms = 0;
for (const file of readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort()) {
  const path = join(textDir, file);
  const text = readFileSync(path, 'utf8');
  const t0 = performance.now();
  const result = pipeline.run({ text, source: { path, format: 'text', encoding: 'utf-8', bytes: Buffer.byteLength(text) }, meta: emptyMeta });
  ms += performance.now() - t0;
  const quotes = result.layers.quotes.quotes.map((q) => ({
    kind: q.kind,
    content: q.content.map((s) => ({ start: s.start, end: s.end })),
    cue: q.cue ? { start: q.cue.start, end: q.cue.end } : null,
    speaker: { mention: q.speaker.mention ? { start: q.speaker.mention.start, end: q.speaker.mention.end } : null },
    confidence: q.confidence,
  }));
  const markedPhrases = result.layers.quotes.markedPhrases.map((m) => ({ kind: m.kind, span: { start: m.span.start, end: m.span.end } }));
  lines.push(JSON.stringify({ source: { path }, text, quotes, markedPhrases }));
  predicted.set(basename(file, '.txt'), { text, quotes: quotes.map((q) => ({ ...q, mention: q.speaker.mention })) });
}
writeFileSync(outPath, lines.join('\n') + '\n');
console.error(`${lines.length} articles, ${ms.toFixed(0)} ms in the pipeline; wrote ${outPath}`);
console.log(execFileSync('python3', [join(root, 'tools/score_quotes.py'), goldPath, outPath], { encoding: 'utf8' }));

if (showErrors > 0) printErrors();

/** Pairs gold and predictions as the scorer does and prints misses, to study. */
function printErrors(): void {
  const QM = /["\u201c\u201d\u00ab\u00bb\u201e\u201f]/;
  const fps: string[] = [];
  const fns: string[] = [];
  const spk: string[] = [];
  for (const line of readFileSync(goldPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const g = JSON.parse(line) as { id: string; text: string; quotes: { cue: Sp[]; sources: Sp[]; contents: Sp[] }[] };
    const p = predicted.get(g.id);
    if (!p) continue;
    const cps = Array.from(g.text);
    const toCp = utf16ToCodePoints(p.text);
    const words = (spans: Sp[]): Set<number> => {
      const s = new Set<number>();
      for (const sp of spans) for (let i = sp.start; i < sp.end; i++) if (/[\p{L}\p{N}_]/u.test(cps[i] ?? '')) s.add(i);
      return s;
    };
    const slice = (sp: Sp): string => cps.slice(sp.start, sp.end).join('');
    const golds = g.quotes
      .filter((q) => track === 'A' || q.contents.some((c) => QM.test(cps.slice(Math.max(0, c.start - 1), c.end + 1).join(''))))
      .map((q) => ({ q, w: words(q.contents) }));
    const preds = p.quotes
      .filter((q) => track === 'A' || q.kind !== 'indirect')
      .map((q) => {
        const content = q.content.map((s) => ({ start: toCp(s.start), end: toCp(s.end) }));
        return { q, content, mention: q.mention ? { start: toCp(q.mention.start), end: toCp(q.mention.end) } : null, cue: q.cue ? { start: toCp(q.cue.start), end: toCp(q.cue.end) } : null, w: words(content) };
      });
    const ug = new Set<number>();
    const up = new Set<number>();
    for (const [gi, pi] of matchContents(golds.map((g) => g.w), preds.map((p) => p.w))) {
      ug.add(gi);
      up.add(pi);
      const gq = golds[gi]!.q;
      const pq = preds[pi]!;
      const ok = gq.sources.length === 0 ? !pq.mention : !!pq.mention && gq.sources.some((s) => s.start < pq.mention!.end && pq.mention!.start < s.end);
      if (!ok) spk.push(`${g.id}\n  gold src ${JSON.stringify(gq.sources.map(slice))} cue ${JSON.stringify(gq.cue.map(slice))}\n  pred src ${JSON.stringify(pq.mention ? slice(pq.mention) : null)} cue ${JSON.stringify(pq.cue ? slice(pq.cue) : null)}\n  content ${JSON.stringify(gq.contents.map(slice).join(' … ').slice(0, 100))}`);
    }
    preds.forEach((pq, pi) => {
      if (up.has(pi)) return;
      const a = pq.content[0]!.start;
      fps.push(`${g.id} [${pq.q.kind}] src ${JSON.stringify(pq.mention ? slice(pq.mention) : null)} cue ${JSON.stringify(pq.cue ? slice(pq.cue) : null)}\n  ${JSON.stringify(cps.slice(Math.max(0, a - 100), a).join('') + '⟦' + pq.content.map(slice).join('⟧…⟦').slice(0, 300) + '⟧')}`);
    });
    golds.forEach((gq, gi) => {
      if (ug.has(gi)) return;
      // A-track gold holds relations with no content span (a cue and source only).
      const a = gq.q.contents[0]?.start ?? gq.q.cue[0]?.start ?? 0;
      fns.push(`${g.id} src ${JSON.stringify(gq.q.sources.map(slice))} cue ${JSON.stringify(gq.q.cue.map(slice))}\n  ${JSON.stringify(cps.slice(Math.max(0, a - 100), a).join('') + '⟦' + gq.q.contents.map(slice).join('⟧…⟦').slice(0, 300) + '⟧')}`);
    });
  }
  const pick = (xs: string[]): string[] => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / showErrors)) === 0).slice(0, showErrors);
  console.log(`\n== ${fps.length} false positives (track ${track}) ==\n` + pick(fps).join('\n'));
  console.log(`\n== ${fns.length} false negatives ==\n` + pick(fns).join('\n'));
  console.log(`\n== ${spk.length} speaker errors ==\n` + pick(spk).join('\n'));
}

interface Sp {
  start: number;
  end: number;
}
