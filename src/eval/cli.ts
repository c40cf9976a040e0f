/**
 * `npm run eval`: runs the analyzer over PolNeAR (dev by default), scores quotations and
 * attribution (shared/EVAL.md §1) and, when src/eval/citations.ts provides it, citations.
 *
 *   npm run eval                         table of Q- and A-track scores with 95% bootstrap intervals
 *   npm run eval -- --json               the same as JSON
 *   npm run eval -- --markdown           the same as Markdown tables (for docs/quality.md)
 *   npm run eval -- --write-pred F       also write the provenance maps as JSON Lines (for the Python scorer)
 *   npm run eval -- --pred F             score an existing JSON Lines file instead of running the analyzer
 *   npm run eval -- --baseline           score the naive quotation-mark baseline (src/eval/naive-baseline.ts) instead
 *   npm run eval -- --check              compare with eval/scores.json (and the PTC scores with
 *                                        eval/rhetoric-scores.json); exit 1 on a drop of more than 0.005
 *   npm run eval -- --record             rewrite this split's entry of eval/scores.json and eval/rhetoric-scores.json
 *   npm run eval -- --no-rhetoric        leave out the persuasion-technique section (PTC, src/eval/ptc-score.ts)
 *   npm run eval -- --split train        the train split instead of dev
 *
 * Reads ../shared/datasets (or $CLAIMTRACE_SHARED/datasets); never copies it anywhere.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { runCitationScore, type CitationOutcome } from './citation-score.js';
import { formatCitations, formatComparisons, formatQuoteMarkdown, formatQuoteTable } from './format-report.js';
import { polnearAvailable, polnearPaths, recordedScoresPath, repoRoot, sharedDir, type Split } from './paths.js';
import { readGold, readPredictions } from './read-gold.js';
import { checkFailed, compareHeadline, DEFAULT_TOLERANCE, quoteHeadline, type RecordedRun, type RecordedScores } from './recorded-scores.js';
import { scoreQuotes, type PredDocument } from './score-quotes.js';

const USAGE = 'usage: node dist/eval/cli.js [--split dev|train] [--json|--markdown] [--write-pred FILE] [--pred FILE | --baseline] [--check] [--record] [--no-rhetoric] [--draws N] [--seed N]';

export async function main(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        split: { type: 'string', default: 'dev' },
        json: { type: 'boolean', default: false },
        markdown: { type: 'boolean', default: false },
        'write-pred': { type: 'string' },
        pred: { type: 'string' },
        baseline: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        record: { type: 'boolean', default: false },
        draws: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '7' },
        'no-rhetoric': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }).values;
  } catch (e) {
    process.stderr.write(`claimtrace eval: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const split = args.split;
  if (split !== 'dev' && split !== 'train') {
    process.stderr.write(`claimtrace eval: expected --split dev or train, not \`${split}\`\n`);
    return 2;
  }
  const draws = Number(args.draws);
  const seed = Number(args.seed);
  if (!Number.isInteger(draws) || draws < 0 || !Number.isInteger(seed)) {
    process.stderr.write(`claimtrace eval: expected whole numbers for --draws and --seed, not \`${args.draws}\`, \`${args.seed}\`\n`);
    return 2;
  }

  const shared = sharedDir();
  const paths = polnearPaths(shared, split);
  if (!polnearAvailable(paths)) {
    const where = `PolNeAR not found (looked for ${paths.textDir} and ${paths.goldJsonl}; set CLAIMTRACE_SHARED to the folder holding datasets/)`;
    if (args.check) {
      process.stdout.write(`claimtrace eval: check SKIPPED: ${where}. Nothing was measured.\n`);
      return 0;
    }
    process.stderr.write(`claimtrace eval: ${where}\n`);
    return 1;
  }

  const log = (s: string) => process.stderr.write(s);
  const gold = await readGold(paths.goldJsonl);
  let predictions: PredDocument[];
  let mapsForCitations: Parameters<typeof runCitationScore>[0]['maps'] = [];
  let runNote: string;
  if ((args.pred || args.baseline) && (args.record || args.check)) {
    process.stderr.write('claimtrace eval: --record and --check measure the analyzer; they cannot be combined with --pred or --baseline\n');
    return 2;
  }
  if (args.baseline) {
    const { naiveDocument } = await import('./naive-baseline.js');
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(paths.textDir)).filter((f) => f.endsWith('.txt')).sort();
    predictions = [];
    for (const f of files) predictions.push(naiveDocument(f, await readFile(join(paths.textDir, f), 'utf8')));
    runNote = `naive baseline (src/eval/naive-baseline.ts) over ${files.length} files — not the analyzer`;
  } else if (args.pred) {
    const { docs, unparsable } = await readPredictions(args.pred);
    predictions = docs as PredDocument[];
    runNote = `scored ${docs.length} predictions from ${args.pred}${unparsable ? ` (${unparsable} unparsable lines)` : ''}`;
  } else {
    log(`claimtrace eval: analysing ${paths.textDir} …\n`);
    // Loaded here, not at the top, so that `--pred` and `--check` without data need no analyzer.
    const { analyzeDirectory } = await import('./run-analyzer.js');
    const run = await analyzeDirectory(paths.textDir);
    predictions = run.maps;
    mapsForCitations = run.maps;
    runNote = `analysed ${run.maps.length} of ${run.files} files in ${(run.ms / 1000).toFixed(1)} s`;
    for (const f of run.failures.slice(0, 5)) log(`claimtrace eval: could not analyse ${f.path}: ${f.message}\n`);
    if (run.failures.length > 0) runNote += `; ${run.failures.length} failed (scored as predicting nothing)`;
  }
  if (args['write-pred'] && !args.pred) {
    await mkdir(dirname(args['write-pred']), { recursive: true });
    await writeFile(args['write-pred'], predictions.map((m) => JSON.stringify(m)).join('\n') + '\n');
    runNote += `; wrote ${args['write-pred']}`;
  }

  const quotes = scoreQuotes(gold, predictions, { draws, seed });
  const citations: CitationOutcome = await runCitationScore({ sharedDir: shared, repoRoot, split, maps: mapsForCitations });
  const headline = { ...quoteHeadline(quotes), ...(citations.status === 'ok' ? citations.headline : {}) };
  const git = gitState();
  const run: RecordedRun = {
    recordedAt: new Date().toISOString(),
    commit: git.commit,
    dirty: git.dirty,
    command: `npm run eval -- --split ${split}${args.pred ? ` --pred ${args.pred}` : ''}${args.baseline ? ' --baseline' : ''}`,
    data: { corpus: 'PolNeAR v1.0.0', split, docs: gold.length, gold: relative(shared, paths.goldJsonl) },
    headline,
    quotes,
    citations: citations.status === 'ok' ? citations.result : { skipped: citations.reason },
  };

  if (args.json) {
    process.stdout.write(JSON.stringify(run, null, 1) + '\n');
  } else if (args.markdown) {
    const cite = citations.status === 'ok' ? `\n\n| citation score | value |\n|---|---|\n${formatCitations(citations.result).split('\n').map((l) => `| ${l.trim().replace(/\s+/, ' | ')} |`).join('\n')}` : `\n\nCitations: skipped (${citations.reason}).`;
    process.stdout.write(`PolNeAR v1.0.0 ${split}, ${gold.length} articles, commit ${git.commit.slice(0, 10)}${git.dirty ? ' + uncommitted changes' : ''}; ${runNote}\n\n${formatQuoteMarkdown(quotes)}${cite}\n`);
  } else {
    const out = [`claimtrace eval: PolNeAR v1.0.0 ${split} (${gold.length} articles), commit ${git.commit.slice(0, 10)}${git.dirty ? ' + uncommitted changes' : ''}`, runNote];
    if (quotes.missingDocs || quotes.textMismatchDocs) {
      out.push(`WARNING: ${quotes.missingDocs} gold articles without a prediction, ${quotes.textMismatchDocs} whose text differs from the gold text (both scored as predicting nothing)`);
    }
    out.push(
      '',
      `Quotations and attribution (EVAL.md §1; 95% bootstrap over articles, ${draws} draws, seed ${seed})`,
      formatQuoteTable(quotes),
      '',
      citations.status === 'ok'
        ? `Citations (src/eval/citations.ts: hand-written cases in test/citations/cases.jsonl)\n${formatCitations(citations.result)}`
        : `Citations: skipped (${citations.reason})`,
    );
    process.stdout.write(out.join('\n') + '\n');
  }

  let status = 0;
  if (citations.status === 'failed') status = 1;
  if (!args.pred && !args.baseline && !args['no-rhetoric']) {
    const { runRhetoricSection } = await import('./ptc-section.js');
    status = Math.max(status, await runRhetoricSection({ shared, split, check: args.check, record: args.record, json: args.json, commit: git.commit, dirty: git.dirty }));
  }
  if (args.check) {
    const recorded = await readRecorded();
    const previous = recorded?.splits[split];
    if (!previous) {
      process.stderr.write(`claimtrace eval: no recorded ${split} scores in ${relative(repoRoot, recordedScoresPath)}; run with --record first.\n`);
      status = 1;
    } else {
      const comparisons = compareHeadline(previous.headline, headline, DEFAULT_TOLERANCE);
      process.stdout.write(`\n${formatComparisons(comparisons, DEFAULT_TOLERANCE)}\n(recorded at ${previous.commit.slice(0, 10)} on ${previous.recordedAt})\n`);
      if (checkFailed(comparisons)) status = 1;
    }
  }
  if (args.record) {
    const recorded = (await readRecorded()) ?? { note: '', splits: {} };
    const next: RecordedScores = {
      note: 'Written by `npm run eval -- --record`; `npm run eval -- --check` fails when a headline score drops by more than 0.005. See docs/quality.md.',
      splits: { ...recorded.splits, [split]: run },
    };
    await mkdir(dirname(recordedScoresPath), { recursive: true });
    await writeFile(recordedScoresPath, JSON.stringify(next, null, 1) + '\n');
    process.stderr.write(`claimtrace eval: recorded ${split} scores in ${relative(repoRoot, recordedScoresPath)}\n`);
  }
  return status;
}

async function readRecorded(): Promise<RecordedScores | null> {
  if (!existsSync(recordedScoresPath)) return null;
  return JSON.parse(await readFile(recordedScoresPath, 'utf8')) as RecordedScores;
}

/** The commit measured, and whether the files that decide the output had uncommitted changes. */
function gitState(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    const status = execFileSync('git', ['status', '--porcelain', '--', 'src', 'data', 'bin', 'package.json'], { cwd: repoRoot, encoding: 'utf8' });
    return { commit, dirty: status.trim() !== '' };
  } catch {
    return { commit: 'unknown', dirty: true };
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`claimtrace eval: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
