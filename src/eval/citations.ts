/**
 * Scores the citations stage on our hand-written reference set, `test/citations/cases.jsonl`:
 * short passages in the style of partisan and mainstream opinion pieces, each with the references
 * a careful reader finds (and parentheticals that are not references).
 *
 *   npx tsx -e "import('./src/eval/citations.ts').then(m => console.log(JSON.stringify(m.scoreCitations(), null, 2)))"
 *
 * Detection: an expected reference is found when a predicted parenthetical citation overlaps the
 * first occurrence of its `contains` string in the passage (`hurt (ibid)` picks one of three ibids). Fields are compared on found references only.
 */
import { readFileSync } from 'node:fs';
import { emptyMeta, type ArticleInput } from '../core/document.js';
import type { Citation } from '../core/layers.js';
import type { OutletRegistry } from '../core/stage.js';
import { loadOutletRegistry } from '../registry/load-outlet-registry.js';
import { citationsStage } from '../stages/citations/index.js';
import { structureStage } from '../stages/structure/index.js';

const CASES_URL = new URL('../../test/citations/cases.jsonl', import.meta.url);

export interface ExpectedCitation {
  readonly contains: string;
  readonly authors: readonly string[];
  readonly title: string | null;
  readonly outlet: string | null;
  readonly date: string | null;
  /** The `contains` of the reference this one repeats. */
  readonly ibidOf: string | null;
  /** Text the `via` must contain. */
  readonly via: string | null;
}

export interface CitationCase {
  readonly id: string;
  readonly text: string;
  readonly published: string | null;
  readonly expect: readonly ExpectedCitation[];
  readonly notCitations?: readonly string[];
  readonly note?: string;
  /** `dev`: the stage was tuned on these; `heldout`: written afterwards, scored before any change. */
  readonly split?: 'dev' | 'heldout';
}

export const CITATION_FIELDS = ['authors', 'title', 'outlet', 'date', 'ibidOf', 'via'] as const;
export type CitationField = (typeof CITATION_FIELDS)[number];

export interface CaseResult {
  readonly id: string;
  readonly expected: number;
  readonly predicted: number;
  readonly found: number;
  /** Field mismatches on found references: `field: expected ≠ got`. */
  readonly errors: readonly string[];
}

export interface CitationScores {
  readonly detection: { readonly p: number; readonly r: number; readonly f1: number; readonly tp: number; readonly fp: number; readonly fn: number };
  /** Accuracy of each field over found references. */
  readonly fields: Readonly<Record<CitationField, number>>;
  readonly cases: readonly CaseResult[];
}

export interface CitationReport extends CitationScores {
  /** The same scores on each split of the set. */
  readonly splits: Readonly<Record<string, CitationScores>>;
}

export function loadCitationCases(): CitationCase[] {
  return readFileSync(CASES_URL, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CitationCase);
}

/** Runs the stage on every case (structure first, no quotes: covers are not scored here). */
export function scoreCitationCases(cases: readonly CitationCase[], registry: OutletRegistry): CitationScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const right: Record<CitationField, number> = { authors: 0, title: 0, outlet: 0, date: 0, ibidOf: 0, via: 0 };
  const results: CaseResult[] = [];

  for (const c of cases) {
    const predicted = runCitations(c, registry).filter((p) => p.kind === 'parenthetical');
    const matched = new Map<number, Citation>(); // expected index → prediction
    const used = new Set<Citation>();
    c.expect.forEach((e, i) => {
      const at = c.text.indexOf(e.contains);
      const p = at < 0 ? undefined : predicted.find((q) => !used.has(q) && q.span.start < at + e.contains.length && at < q.span.end);
      if (p) matched.set(i, p), used.add(p);
    });
    tp += matched.size;
    fn += c.expect.length - matched.size;
    fp += predicted.length - used.size;

    const errors: string[] = [];
    for (const [i, p] of matched) {
      const e = c.expect[i]!;
      const antecedent = e.ibidOf === null ? null : c.expect.findIndex((x) => x.contains === e.ibidOf);
      const checks: Record<CitationField, [unknown, unknown, boolean]> = {
        authors: [e.authors, p.authors, sameList(e.authors, p.authors)],
        title: [e.title, p.title, same(e.title, p.title)],
        outlet: [e.outlet, p.outletName, same(e.outlet, p.outletName)],
        date: [e.date, p.date, e.date === p.date],
        ibidOf: [e.ibidOf, p.ibidOf, antecedent === null ? p.ibidOf === null : p.ibidOf !== null && p.ibidOf === matched.get(antecedent)?.id],
        via: [e.via, p.via?.text ?? null, e.via === null ? p.via === null : p.via !== null && squash(p.via.text).includes(squash(e.via))],
      };
      for (const f of CITATION_FIELDS) {
        const [want, got, ok] = checks[f];
        if (ok) right[f]++;
        else errors.push(`${e.contains} ${f}: ${JSON.stringify(want)} ≠ ${JSON.stringify(got)}`);
      }
    }
    for (const p of predicted) if (!used.has(p)) errors.push(`unexpected citation ${JSON.stringify(c.text.slice(p.span.start, p.span.end))}`);
    c.expect.forEach((e, i) => matched.has(i) || errors.push(`missed ${JSON.stringify(e.contains)}`));
    results.push({ id: c.id, expected: c.expect.length, predicted: predicted.length, found: matched.size, errors });
  }

  const p = tp + fp === 0 ? 1 : tp / (tp + fp);
  const r = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const fields = Object.fromEntries(CITATION_FIELDS.map((f) => [f, tp === 0 ? 0 : right[f] / tp])) as Record<CitationField, number>;
  return { detection: { p, r, f1, tp, fp, fn }, fields, cases: results };
}

/** Scores the shipped stage and registry on the shipped case set, overall and per split. */
export function scoreCitations(): CitationReport {
  const cases = loadCitationCases();
  const registry = loadOutletRegistry();
  const splits: Record<string, CitationScores> = {};
  for (const split of new Set(cases.map((c) => c.split ?? 'dev'))) {
    splits[split] = scoreCitationCases(cases.filter((c) => (c.split ?? 'dev') === split), registry);
  }
  return { ...scoreCitationCases(cases, registry), splits };
}

function runCitations(c: CitationCase, registry: OutletRegistry): readonly Citation[] {
  const input: ArticleInput = {
    text: c.text,
    source: { path: c.id, format: 'text', encoding: 'utf-8', bytes: c.text.length },
    meta: { ...emptyMeta, published: c.published },
  };
  const ctx = { input, resources: { outlets: registry } };
  const structure = structureStage.run(ctx, {}).layer;
  return citationsStage.run(ctx, { structure, quotes: { quotes: [], markedPhrases: [] } }).layer.citations;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const same = (a: string | null, b: string | null) => (a === null || b === null ? a === b : squash(a) === squash(b));
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].map(squash).sort().join('|') === [...b].map(squash).sort().join('|');
