/**
 * Runs `extractHtml` over the shared extraction benchmarks and writes one JSON line per page
 * (`{source: {path}, text, meta}`) for `../shared/tools/score_extract.py` (EVAL.md §3).
 * Reads ../shared/datasets (never copied into the repo); not part of `npm test`.
 *
 *   npx tsx src/ingest/extract-eval.ts [aeb|wcxb ...] [--out-dir DIR]   → /tmp/aeb.jsonl, /tmp/wcxb.jsonl (or DIR/…)
 *   python3 ../shared/tools/score_extract.py aeb ../shared/datasets/aeb/ground-truth.json /tmp/aeb.jsonl ../shared/datasets/aeb/output/*.json
 *   python3 ../shared/tools/score_extract.py wcxb ../shared/datasets/wcxb/dev/ground-truth /tmp/wcxb.jsonl
 *
 * Measured 2026-11-24 at ed75f1f (EVAL.md §3; docs/quality.md "Extraction quality" has the history):
 *   aeb body F1 (119 pages)   claimtrace 0.966 (P 0.949, R 0.983) · rs_trafilatura 0.967 · trafilatura 0.955
 *                             · go_trafilatura 0.954 · readability_js 0.943 · html-text 0.661
 *   wcxb dev (711 pages)      title 0.855 · author 0.854 · date 0.850 (35 dates where the gold has none)
 *                             · body F1 0.933 · 1 page with no text in its HTML (E_NO_ARTICLE)
 *   Later (83c639b): wcxb title 0.871, author 0.855 (docs/quality.md has the current figures).
 *   (wcxb dev is the tuning set: there is no other wcxb split here.)
 */
import { createWriteStream, existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { decodeBytes } from './decode-bytes.js';
import { extractHtml } from './extract-html.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const DATASETS = resolve(process.env.CLAIMTRACE_DATASETS ?? join(here, '../../../shared/datasets'));

interface Corpus {
  readonly name: string;
  readonly htmlDir: string;
  /** The page URL for a file id, from the ground truth (used to resolve links, as a crawler would know it). */
  readonly urlOf: (id: string) => Promise<string | null>;
}

const corpora: Record<string, Corpus> = {
  aeb: {
    name: 'aeb',
    htmlDir: join(DATASETS, 'aeb/html'),
    urlOf: (() => {
      let truth: Record<string, { url?: string }> | null = null;
      return async (id: string) => {
        truth ??= JSON.parse(await readFile(join(DATASETS, 'aeb/ground-truth.json'), 'utf8')) as Record<string, { url?: string }>;
        return truth[id]?.url ?? null;
      };
    })(),
  },
  wcxb: {
    name: 'wcxb',
    htmlDir: join(DATASETS, 'wcxb/dev/html'),
    urlOf: async (id: string) => {
      try {
        return (JSON.parse(await readFile(join(DATASETS, `wcxb/dev/ground-truth/${id}.json`), 'utf8')) as { url?: string }).url ?? null;
      } catch {
        return null;
      }
    },
  },
};

async function run(corpus: Corpus, outDir: string): Promise<void> {
  if (!existsSync(corpus.htmlDir)) {
    console.error(`${corpus.name}: ${corpus.htmlDir} not found (set CLAIMTRACE_DATASETS); skipped.`);
    return;
  }
  const files = (await readdir(corpus.htmlDir)).filter((f) => f.endsWith('.html.gz')).sort();
  const outPath = join(outDir, `${corpus.name}.jsonl`);
  const out = createWriteStream(outPath);
  let failed = 0;
  let slowest = { ms: 0, file: '' };
  const started = performance.now();
  for (const file of files) {
    const path = join(corpus.htmlDir, file);
    const id = basename(file).split('.')[0]!;
    const t0 = performance.now();
    try {
      const bytes = gunzipSync(await readFile(path));
      const { text } = decodeBytes(bytes, { name: path });
      const page = extractHtml(text, { url: await corpus.urlOf(id), name: path });
      out.write(JSON.stringify({ source: { path }, text: page.text, meta: page.meta, diagnostics: page.diagnostics.map((d) => d.code) }) + '\n');
    } catch (e) {
      failed++;
      out.write(JSON.stringify({ source: { path }, text: '', meta: {}, error: e instanceof Error ? e.message : String(e) }) + '\n');
    }
    const ms = performance.now() - t0;
    if (ms > slowest.ms) slowest = { ms, file };
  }
  await new Promise<void>((done) => out.end(done));
  const total = performance.now() - started;
  console.error(`${corpus.name}: ${files.length} pages → ${outPath} (${failed} failed) in ${(total / 1000).toFixed(1)} s, mean ${(total / files.length).toFixed(0)} ms, slowest ${slowest.file} ${slowest.ms.toFixed(0)} ms`);
}

// `--out-dir DIR` writes DIR/aeb.jsonl and DIR/wcxb.jsonl, so two people can run it at once.
const args = process.argv.slice(2);
const at = args.indexOf('--out-dir');
const outDir = at >= 0 ? resolve(args[at + 1] ?? '/tmp') : '/tmp';
const wanted = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
for (const name of wanted.length ? wanted : Object.keys(corpora)) {
  const corpus = corpora[name];
  if (!corpus) throw new Error(`Expected a corpus name (${Object.keys(corpora).join(', ')}), not \`${name}\`.`);
  await run(corpus, outDir);
}
