/** Plain-text tables of evaluation results, for the terminal and for docs/quality.md. */
import type { Comparison } from './recorded-scores.js';
import type { QuoteReport, ScoreName, TrackReport } from './score-quotes.js';

const ROWS: readonly [ScoreName, string][] = [
  ['attrP', 'attributed quotes P'],
  ['attrR', 'attributed quotes R'],
  ['attrF1', 'attributed quotes F1 (headline)'],
  ['contentP', 'content P'],
  ['contentR', 'content R'],
  ['contentF1', 'content F1'],
  ['speakerAcc', 'speaker accuracy (matched pairs)'],
  ['cueAcc', 'cue accuracy (matched pairs)'],
];

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  n/a');

function cell(t: TrackReport, name: ScoreName): string {
  const [lo, hi] = t.ci95[name];
  return `${f3(t.scores[name])} [${f3(lo)}–${f3(hi)}]`;
}

function counts(t: TrackReport): string {
  const s = t.scores;
  return `${s.gold} / ${s.pred} / ${s.contentTp} / ${s.attrTp} / ${s.cueTp}`;
}

/** The Q- and A-track figures side by side, each with its 95% bootstrap interval. */
export function formatQuoteTable(report: QuoteReport): string {
  const w = 34;
  const col = 30;
  const lines = [
    `${''.padEnd(w)}${'Q-track (quotations)'.padEnd(col)}A-track (all attributions)`,
    `${''.padEnd(w)}${'score [95% CI]'.padEnd(col)}score [95% CI]`,
  ];
  for (const [name, label] of ROWS) lines.push(`${label.padEnd(w)}${cell(report.Q, name).padEnd(col)}${cell(report.A, name)}`);
  lines.push(`${'gold / pred / content TP / attr TP / cue TP'.padEnd(w)}`);
  lines.push(`${''.padEnd(w)}${counts(report.Q).padEnd(col)}${counts(report.A)}`);
  return lines.join('\n');
}

/** The same as a Markdown table (for docs/quality.md). */
export function formatQuoteMarkdown(report: QuoteReport): string {
  const lines = ['| | Q-track (quotations) | A-track (all attributions) |', '|---|---|---|'];
  for (const [name, label] of ROWS) lines.push(`| ${label} | ${cell(report.Q, name)} | ${cell(report.A, name)} |`);
  lines.push(`| gold / pred / content TP / attr TP / cue TP | ${counts(report.Q)} | ${counts(report.A)} |`);
  return lines.join('\n');
}

export function formatComparisons(comparisons: readonly Comparison[], tolerance: number): string {
  const lines = [`check against recorded scores (a drop of more than ${tolerance} fails):`];
  for (const c of comparisons) {
    const r = c.recorded === null ? '    —' : f3(c.recorded);
    const n = c.current === null ? '    —' : f3(c.current);
    const mark = c.status === 'dropped' || c.status === 'missing' ? 'FAIL' : c.status;
    lines.push(`  ${c.name.padEnd(40)} recorded ${r}  now ${n}  ${mark}`);
  }
  return lines.join('\n');
}

/** Every number of a citation result, one per line (`detection.f1  0.923`). */
export function formatCitations(result: unknown): string {
  const lines: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (typeof v === 'number') lines.push(`  ${path.padEnd(32)}${Number.isInteger(v) ? String(v) : f3(v)}`);
    else if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
  };
  walk(result, '');
  return lines.join('\n');
}
