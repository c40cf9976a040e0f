/**
 * Studies the choice between a page's `<h1>` and its declared title where the two disagree
 * ("The best CRM software for 2026" on the page, "Best CRM software for 2026: Top CRM
 * Platforms Compared" in `<title>`): trains a logistic model over a few features of the two on
 * wcxb dev and reports it cross-validated with folds by domain (a site's pages never sit on
 * both sides of a fold). Reads ../shared/datasets (never copied into the repo); writes nothing.
 *
 *   npx tsx src/train/title-choice.ts          (L2=10 to change the shrinkage)
 *
 * At 2026-11-24 (83c639b): 148 disagreements, 142 with the gold title one of the two; always
 * the <h1> gets 104, the model 105 in sample but 99 cross-validated (104 with L2=10, where it
 * always says <h1>). So `pickTitle` takes the <h1> and ships no weights.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { decodeBytes } from '../ingest/decode-bytes.js';
import type { DomDocument } from '../ingest/dom-types.js';
import { flattenDeepHtml } from '../ingest/flatten-deep-html.js';
import { readTitle, type TitleChoiceInput } from '../ingest/pick-title.js';
import { readTitleSources } from '../ingest/read-page-metadata.js';

/** Features of one disagreement, tried as evidence for the declared title over the <h1>. */
const TITLE_CHOICE_FEATURES = [
  'bias', 'jsonLdIsHeadline', 'jsonLdIsDeclared', 'declaredVotes', 'overlap', 'shortHeadline', 'moreWordsDeclared',
  'capsHeadline', 'colonHeadline', 'colonDeclared', 'yearOnlyDeclared', 'yearOnlyHeadline', 'numberOnlyDeclared',
  'headlineInDeclared', 'declaredInHeadline', 'manyH1', 'titleHasSuffix', 'inArticle', 'theHeadline', 'questionHeadline',
] as const;

const letters = (s: string) => s.toLowerCase().replace(/&/g, 'and').replace(/[^\p{L}\p{N}]+/gu, '');
const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const STOP = new Set('a an the and or of for to in on at by with from is are be your our my you we it its this that these those how what why when who vs'.split(' '));
const content = (s: string) => new Set(tokens(s).filter((w) => !STOP.has(w)));

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const subset = (a: Set<string>, b: Set<string>) => a.size > 0 && [...a].every((x) => b.has(x));
const numbers = (s: string, re: RegExp) => new Set(s.match(re) ?? []);
const onlyIn = (a: Set<string>, b: Set<string>) => [...a].some((x) => !b.has(x));

/** The features, in the order of `TITLE_CHOICE_FEATURES`. */
function titleChoiceFeatures(x: TitleChoiceInput): number[] {
  const h = content(x.headline);
  const d = content(x.declared);
  const hl = letters(x.headline);
  const dl = letters(x.declared);
  const YEAR = /\b(?:19|20)\d{2}\b/g;
  const NUM = /\d+/g;
  return [
    1,
    +(x.jsonLd !== null && letters(x.jsonLd) === hl),
    +(x.jsonLd !== null && letters(x.jsonLd) === dl),
    x.heads.filter((s) => letters(s) === dl).length / 3,
    dice(h, d),
    +(x.headline.split(/\s+/).length <= 3),
    Math.max(-5, Math.min(5, d.size - h.size)) / 5,
    +(/\p{L}/u.test(x.headline) && x.headline === x.headline.toUpperCase()),
    +x.headline.includes(':'),
    +x.declared.includes(':'),
    +onlyIn(numbers(x.declared, YEAR), numbers(x.headline, YEAR)),
    +onlyIn(numbers(x.headline, YEAR), numbers(x.declared, YEAR)),
    +onlyIn(numbers(x.declared, NUM), numbers(x.headline, NUM)),
    +subset(h, d),
    +subset(d, h),
    +(x.h1Count > 1),
    +x.titleHasSuffix,
    +x.inArticle,
    +/^the\s/i.test(x.headline),
    +x.headline.trim().endsWith('?'),
  ];
}

const here = fileURLToPath(new URL('.', import.meta.url));
const DATASETS = resolve(process.env.CLAIMTRACE_DATASETS ?? join(here, '../../../shared/datasets'));
const DEV = join(DATASETS, 'wcxb/dev');
const FOLDS = 5;
const L2 = Number(process.env.L2 ?? 1);
const STEPS = 3000;

interface Row {
  readonly x: number[];
  /** 1 when the gold title is the declared headline, 0 when it is the `<h1>`, null when neither. */
  readonly y: 0 | 1 | null;
  readonly domain: string;
}

const norm = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

async function readRows(): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let pages = 0;
  for (const f of (await readdir(join(DEV, 'ground-truth'))).filter((n) => n.endsWith('.json')).sort()) {
    const id = f.split('.')[0]!;
    const truth = JSON.parse(await readFile(join(DEV, 'ground-truth', f), 'utf8')) as { url?: string; ground_truth: { title: string | null } };
    const gold = truth.ground_truth.title;
    if (!gold) continue;
    pages++;
    const { text } = decodeBytes(gunzipSync(await readFile(join(DEV, 'html', `${id}.html.gz`))), { name: id });
    let html = flattenDeepHtml(text).html;
    if (!/<body[\s>]/i.test(html)) html = html.replace(/<\/head\s*>/i, (m) => `${m}<body>`) + '</body>';
    const doc = (parseHTML(html) as unknown as { document: DomDocument }).document;
    const url = truth.url ?? null;
    const { declared, site } = readTitleSources(doc, url);
    const r = readTitle(doc, declared, site);
    if (!('choice' in r)) continue;
    const y = norm(gold) === norm(r.choice.declared) ? 1 : norm(gold) === norm(r.headline) ? 0 : null;
    let domain = '';
    try {
      domain = new URL(url ?? '').hostname.replace(/^www\./, '');
    } catch {
      domain = id;
    }
    rows.push({ x: titleChoiceFeatures(r.choice), y, domain });
  }
  return { rows, pages };
}

/** Full-batch gradient descent on the logistic loss with L2 (not on the bias): deterministic. */
function train(rows: readonly Row[]): number[] {
  const labelled = rows.filter((r) => r.y !== null);
  const n = TITLE_CHOICE_FEATURES.length;
  const w = new Array<number>(n).fill(0);
  for (let step = 0; step < STEPS; step++) {
    const g = new Array<number>(n).fill(0);
    for (const r of labelled) {
      let z = 0;
      for (let i = 0; i < n; i++) z += w[i]! * r.x[i]!;
      const p = 1 / (1 + Math.exp(-z));
      for (let i = 0; i < n; i++) g[i]! += (p - r.y!) * r.x[i]!;
    }
    for (let i = 0; i < n; i++) w[i]! -= (0.5 * (g[i]! + (i === 0 ? 0 : L2 * w[i]!))) / labelled.length;
  }
  return w;
}

const predict = (w: readonly number[], x: readonly number[]) => x.reduce((z, v, i) => z + v * w[i]!, 0) > 0;

/** Titles right among the rows: the declared one when predicted, the `<h1>` otherwise. */
const correct = (rows: readonly Row[], choose: (r: Row) => boolean) => rows.filter((r) => r.y !== null && +choose(r) === r.y).length;

function fold(domain: string): number {
  let h = 2166136261;
  for (let i = 0; i < domain.length; i++) h = Math.imul(h ^ domain.charCodeAt(i), 16777619);
  return (h >>> 0) % FOLDS;
}

const { rows, pages } = await readRows();
const w = train(rows);
let cv = 0;
for (let k = 0; k < FOLDS; k++) {
  const wk = train(rows.filter((r) => fold(r.domain) !== k));
  cv += correct(rows.filter((r) => fold(r.domain) === k), (r) => predict(wk, r.x));
}
const labelled = rows.filter((r) => r.y !== null).length;
const h1 = correct(rows, () => false);
console.log(`${pages} pages with a gold title; ${rows.length} where the <h1> and the declared title disagree (${labelled} with the gold one of the two)`);
console.log(`right among them: always <h1> ${h1}, always declared ${labelled - h1}, model in sample ${correct(rows, (r) => predict(w, r.x))}, model ${FOLDS}-fold by domain ${cv}`);
for (let i = 0; i < w.length; i++) console.log(`  ${TITLE_CHOICE_FEATURES[i]!.padEnd(20)} ${w[i]!.toFixed(3)}`);

