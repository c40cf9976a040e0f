/**
 * The persuasion-technique section of `npm run eval`: scores the rhetoric model on PTC
 * (src/eval/ptc-score.ts), prints it, and with `--check` / `--record` compares with or rewrites
 * `eval/rhetoric-scores.json` (a file of its own, so that recording it never touches the quote
 * scores in eval/scores.json). Without PTC the section says so and passes.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import { formatComparisons } from './format-report.js';
import { repoRoot, type Split } from './paths.js';
import { formatPtc, ptcAvailable, ptcDirOf, ptcHeadline, recordedRhetoricPath, scorePtc, type PtcReport } from './ptc-score.js';
import { checkFailed, compareHeadline, DEFAULT_TOLERANCE } from './recorded-scores.js';

export interface RecordedRhetoricRun {
  readonly recordedAt: string;
  readonly commit: string;
  readonly dirty: boolean;
  readonly command: string;
  readonly data: { readonly corpus: string; readonly split: Split; readonly articles: number };
  readonly headline: Readonly<Record<string, number>>;
  readonly report: Omit<PtcReport, 'cpuMsPerArticle'>;
}

export interface RecordedRhetoric {
  readonly note: string;
  readonly splits: Partial<Record<Split, RecordedRhetoricRun>>;
}

export interface SectionOptions {
  readonly shared: string;
  readonly split: Split;
  readonly check: boolean;
  readonly record: boolean;
  /** Print to stderr (stdout holds the JSON of the quote scores). */
  readonly json: boolean;
  readonly commit: string;
  readonly dirty: boolean;
}

/** Returns the exit status of the section: 1 when a guarded score dropped or none was recorded. */
export async function runRhetoricSection(o: SectionOptions): Promise<number> {
  const print = (s: string): void => {
    (o.json ? process.stderr : process.stdout).write(s);
  };
  if (!ptcAvailable(o.shared, o.split)) {
    print(`\nPersuasion techniques: skipped (PTC ${o.split} not found in ${ptcDirOf(o.shared)}). Nothing was measured.\n`);
    return 0;
  }
  const report = scorePtc(o.shared, o.split);
  const headline = ptcHeadline(report);
  print(`\n${formatPtc(report, o.split)}\n`);
  let status = 0;
  const recorded = await readRecordedRhetoric();
  if (o.check) {
    const previous = recorded?.splits[o.split];
    if (!previous) {
      process.stderr.write(`claimtrace eval: no recorded ${o.split} scores in ${relative(repoRoot, recordedRhetoricPath)}; run with --record first.\n`);
      status = 1;
    } else {
      const comparisons = compareHeadline(previous.headline, headline, DEFAULT_TOLERANCE);
      print(`\n${formatComparisons(comparisons, DEFAULT_TOLERANCE)}\n(recorded at ${previous.commit.slice(0, 10)} on ${previous.recordedAt})\n`);
      if (checkFailed(comparisons)) status = 1;
    }
  }
  if (o.record) {
    const { cpuMsPerArticle: _cpu, ...stable } = report;
    const run: RecordedRhetoricRun = {
      recordedAt: new Date().toISOString(),
      commit: o.commit,
      dirty: o.dirty,
      command: `npm run eval -- --split ${o.split}`,
      data: { corpus: 'PTC v2 (SemEval-2020 Task 11)', split: o.split, articles: report.articles },
      headline,
      report: stable,
    };
    const next: RecordedRhetoric = {
      note: 'Written by `npm run eval -- --record`; `npm run eval -- --check` fails when a headline score drops by more than 0.005. See docs/quality.md.',
      splits: { ...(recorded?.splits ?? {}), [o.split]: run },
    };
    await mkdir(dirname(recordedRhetoricPath), { recursive: true });
    await writeFile(recordedRhetoricPath, JSON.stringify(next, null, 1) + '\n');
    process.stderr.write(`claimtrace eval: recorded ${o.split} PTC scores in ${relative(repoRoot, recordedRhetoricPath)}\n`);
  }
  return status;
}

async function readRecordedRhetoric(): Promise<RecordedRhetoric | null> {
  if (!existsSync(recordedRhetoricPath)) return null;
  return JSON.parse(await readFile(recordedRhetoricPath, 'utf8')) as RecordedRhetoric;
}
