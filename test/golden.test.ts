/**
 * Golden cases: one folder per article under test/fixtures/<slug>/ with
 *  - input.txt or input.html — an article we wrote in the style of real reporting;
 *  - expectations.json — written by hand from reading the article: the floor the tool must meet
 *    (an entry with "known": "why" is a gap we know of: it is expected to fail, and the test
 *    says so loudly once it passes);
 *  - expected/<layer>.json — the tool's reviewed output, one file per layer, regenerated with
 *    `npm run fixtures:update` and reviewed in the diff like code.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInvariants, createAnalyzer, readArticle, type ProvenanceMap } from '../src/index.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const LAYERS = ['paragraphs', 'quotes', 'markedPhrases', 'citations', 'outlets', 'entities', 'diagnostics', 'meta'] as const;
const analyzer = createAnalyzer();

interface QuoteExpectation {
  content: string;
  kind?: string;
  speaker?: string;
  mention?: string;
  cue?: string;
  description?: string;
  organisation?: string;
  speakerKind?: string;
  sameQuoteAs?: string;
  known?: string;
}
interface CitationExpectation {
  contains: string;
  authors?: string[];
  title?: string;
  outlet?: string;
  date?: string;
  ibidOf?: string;
  via?: string;
  coversQuote?: string;
  known?: string;
}
interface OutletExpectation {
  name: string;
  stateAffiliated?: boolean;
  country?: string;
  known?: string;
}
interface Expectations {
  meta?: Record<string, unknown>;
  textExcludes?: string[];
  quotes?: QuoteExpectation[];
  notQuotes?: string[];
  markedPhrases?: { text: string; kind: string; known?: string }[];
  citations?: CitationExpectation[];
  notCitations?: string[];
  outlets?: OutletExpectation[];
  entities?: string[];
  links?: { text: string; url: string }[];
  noLinkUrlStartsWith?: string[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
const quoteText = (q: ProvenanceMap['quotes'][number]) => squash(q.content.map((c) => c.text).join(' '));
const has = (haystack: string | null | undefined, needle: string) => haystack != null && squash(haystack).includes(squash(needle));

/** The quotation holding `content`; when attributions nest, the innermost (shortest) one. */
function findQuote(map: ProvenanceMap, content: string) {
  const holding = map.quotes.filter((q) => quoteText(q).includes(squash(content)));
  return holding.reduce<(typeof holding)[number] | undefined>((best, q) => (!best || quoteText(q).length < quoteText(best).length ? q : best), undefined);
}

function speakerName(map: ProvenanceMap, q: ProvenanceMap['quotes'][number]): string {
  const entity = map.entities.find((e) => e.id === q.speaker.entityId);
  return [q.speaker.name, entity?.name].filter(Boolean).join(' | ');
}

function citationContaining(map: ProvenanceMap, text: string) {
  return map.citations.find((c) => c.span.text.includes(text));
}

function check(label: string, known: string | undefined, fn: () => void) {
  if (known) it.fails(`${label} — known gap: ${known}`, fn);
  else it(label, fn);
}

const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

for (const slug of cases) {
  const dir = join(FIXTURES, slug);
  const inputFile = ['input.txt', 'input.html'].map((f) => join(dir, f)).find((f) => existsSync(f));
  if (!inputFile) continue;
  const expectations: Expectations = existsSync(join(dir, 'expectations.json'))
    ? (JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Expectations)
    : {};

  describe(`golden: ${slug}`, async () => {
    const input = await readArticle(inputFile);
    const map = analyzer.analyze({ ...input, source: { ...input.source, path: `${slug}/${inputFile.split('/').pop()}` } });

    it('satisfies the contract invariants', () => {
      expect(checkInvariants(map)).toEqual([]);
    });

    it('matches the reviewed golden layers', () => {
      const expectedDir = join(dir, 'expected');
      for (const layer of LAYERS) {
        const file = join(expectedDir, `${layer}.json`);
        const actual = JSON.parse(JSON.stringify(map[layer])) as unknown;
        if (UPDATE) {
          mkdirSync(expectedDir, { recursive: true });
          writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
        } else if (existsSync(file)) {
          expect(actual, `${slug}/expected/${layer}.json`).toEqual(JSON.parse(readFileSync(file, 'utf8')));
        }
      }
    });

    if (inputFile.endsWith('.txt')) {
      it('keeps the text exactly as the file', () => {
        expect(map.text).toBe(readFileSync(inputFile, 'utf8').replace(/^\uFEFF/, ''));
      });
    }

    for (const [key, value] of Object.entries(expectations.meta ?? {})) {
      it(`meta.${key}`, () => {
        const actual = (map.meta as Record<string, unknown>)[key];
        if (typeof value === 'string' && typeof actual === 'string') expect(actual.startsWith(value), `${actual} starts with ${value}`).toBe(true);
        else expect(actual).toEqual(value);
      });
    }
    for (const t of expectations.textExcludes ?? []) {
      it(`text leaves out page furniture: ${t}`, () => expect(map.text).not.toContain(t));
    }

    for (const e of expectations.quotes ?? []) {
      check(`quote “${e.content}”`, e.known, () => {
        const q = findQuote(map, e.content);
        expect(q, `a quote containing “${e.content}”`).toBeDefined();
        if (!q) return;
        if (e.kind) expect(q.kind, 'kind').toBe(e.kind);
        if (e.speaker) expect(has(speakerName(map, q), e.speaker), `speaker “${speakerName(map, q)}” ~ “${e.speaker}”`).toBe(true);
        if (e.mention) expect(squash(q.speaker.mention?.text ?? ''), 'mention').toBe(squash(e.mention));
        if (e.cue) expect(has(q.cue?.text, e.cue), `cue “${q.cue?.text}” ~ “${e.cue}”`).toBe(true);
        if (e.description) expect(has(q.speaker.description, e.description), `description “${q.speaker.description}”`).toBe(true);
        if (e.organisation) expect(has(q.speaker.organisation, e.organisation), `organisation “${q.speaker.organisation}”`).toBe(true);
        if (e.speakerKind) expect(q.speaker.kind, 'speaker kind').toBe(e.speakerKind);
        if (e.sameQuoteAs) expect(quoteText(q)).toContain(squash(e.sameQuoteAs));
      });
    }
    for (const phrase of expectations.notQuotes ?? []) {
      it(`“${phrase}” is not reported as a quotation`, () => {
        const p = squash(phrase);
        const offending = map.quotes.filter((q) => quoteText(q).replace(/^[\s'"‘’“”]+|[\s'"‘’“”.,]+$/g, '') === p);
        expect(offending.map((q) => q.id)).toEqual([]);
      });
    }
    for (const m of expectations.markedPhrases ?? []) {
      check(`marked phrase ${m.text} is ${m.kind}`, m.known, () => {
        const found = map.markedPhrases.find((x) => x.span.text.includes(m.text) || m.text.includes(x.span.text));
        expect(found?.kind, m.text).toBe(m.kind);
      });
    }
    for (const e of expectations.citations ?? []) {
      check(`citation “${e.contains}”`, e.known, () => {
        const c = citationContaining(map, e.contains);
        expect(c, `a citation containing “${e.contains}”`).toBeDefined();
        if (!c) return;
        if (e.authors) expect(c.authors).toEqual(e.authors);
        if (e.title) expect(c.title).toBe(e.title);
        if (e.outlet) expect(has(c.outlet, e.outlet) || has(e.outlet, c.outlet ?? '\u0000'), `outlet “${c.outlet}”`).toBe(true);
        if (e.date) expect(c.date).toBe(e.date);
        if (e.ibidOf) expect(c.ibidOf).toBe(citationContaining(map, e.ibidOf)?.id);
        if (e.via) expect(has(c.via?.outlet ?? c.via?.text, e.via), `via ${JSON.stringify(c.via)}`).toBe(true);
        if (e.coversQuote) expect(c.covers.quoteIds).toContain(findQuote(map, e.coversQuote)?.id);
      });
    }
    for (const t of expectations.notCitations ?? []) {
      it(`${t} is not a citation`, () => expect(map.citations.filter((c) => c.span.text.trim() === t)).toEqual([]));
    }
    for (const e of expectations.outlets ?? []) {
      check(`outlet ${e.name}`, e.known, () => {
        const o = map.outlets.find((x) => has(x.name, e.name) || x.aliasesSeen.some((a) => has(a, e.name)));
        expect(o, `an outlet named like “${e.name}” among ${map.outlets.map((x) => x.name).join(', ')}`).toBeDefined();
        if (e.stateAffiliated !== undefined) expect(o?.stateAffiliated, 'stateAffiliated').toBe(e.stateAffiliated);
        if (e.country) expect(o?.country).toBe(e.country);
      });
    }
    for (const name of expectations.entities ?? []) {
      it(`entity ${name}`, () => expect(map.entities.map((e) => e.name)).toContain(name));
    }
    for (const l of expectations.links ?? []) {
      it(`link ${l.text}`, () => expect(map.links.find((x) => x.span.text === l.text)?.url).toBe(l.url));
    }
    for (const prefix of expectations.noLinkUrlStartsWith ?? []) {
      it(`no ${prefix} link survives`, () => {
        expect(map.links.filter((x) => x.url.toLowerCase().startsWith(prefix))).toEqual([]);
        expect(map.citations.filter((x) => (x.url ?? '').toLowerCase().startsWith(prefix))).toEqual([]);
      });
    }
  });
}
