/**
 * Golden cases for the evidence layers (claims, hedges, anonymous sources, chains, persuasion
 * techniques, rhetorical devices): `test/fixtures/<slug>/evidence.json`, written by hand from
 * reading each article — what a careful fact-checker marks. As in test/golden.test.ts, an entry
 * with "known": "why" is a gap we know of: it is expected to fail, and the test says so loudly
 * once it passes, so that the mark is taken off.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, readArticle, type ProvenanceMap } from '../src/index.js';

const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;
const analyzer = createAnalyzer();

interface Known {
  known?: string;
}
interface ClaimExpectation extends Known {
  text: string;
  status?: 'sourced' | 'unsourced';
  kind?: string;
  hedges?: string[];
  quote?: string;
  citation?: string;
  anonymousOnly?: boolean;
}
interface EvidenceExpectations {
  claims?: ClaimExpectation[];
  notClaims?: (Known & { text: string })[];
  hedges?: (Known & { text: string; kind: string })[];
  anonymousSources?: (Known & { text: string })[];
  chains?: (Known & { links: string[] })[];
  stateAffiliated?: (Known & { name: string })[];
  devices?: (Known & { text: string; kind: string })[];
  notDevices?: (Known & { text: string })[];
  techniques?: (Known & { text: string; technique: string })[];
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function locate(map: ProvenanceMap, text: string): { start: number; end: number } {
  const start = map.text.indexOf(text);
  if (start < 0) throw new Error(`evidence.json names text that is not in the article: ${text}`);
  return { start, end: start + text.length };
}

function check(label: string, known: string | undefined, fn: () => void) {
  if (known) it.fails(`${label} — known gap: ${known}`, fn);
  else it(label, fn);
}

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'evidence.json')))
  .map((d) => d.name)
  .sort();

for (const slug of cases) {
  const dir = join(FIXTURES, slug);
  const inputFile = ['input.txt', 'input.html'].map((f) => join(dir, f)).find((f) => existsSync(f))!;
  const expected = JSON.parse(readFileSync(join(dir, 'evidence.json'), 'utf8')) as EvidenceExpectations;

  describe(`golden evidence: ${slug}`, async () => {
    const map = analyzer.analyze(await readArticle(inputFile));
    const claimAt = (text: string) => map.claims.find((k) => squash(k.span.text).includes(squash(text)));

    for (const e of expected.claims ?? []) {
      check(`claim: ${e.text}${e.status ? ` (${e.status})` : ''}`, e.known, () => {
        const claim = claimAt(e.text);
        expect(claim, 'a claim holds this text').toBeDefined();
        if (e.status) expect(claim!.support.status).toBe(e.status);
        if (e.kind) expect(claim!.kind).toBe(e.kind);
        for (const cue of e.hedges ?? []) {
          const cues = claim!.hedgeIds.map((id) => map.hedges.find((h) => h.id === id)!.cue);
          expect(cues).toContain(cue);
        }
        if (e.quote) {
          const quotes = claim!.support.quoteIds.map((id) => map.quotes.find((q) => q.id === id)!);
          expect(quotes.some((q) => q.content.some((c) => squash(c.text).includes(squash(e.quote!)))), `supported by a quote holding "${e.quote}"`).toBe(true);
        }
        if (e.citation) {
          const citations = claim!.support.citationIds.map((id) => map.citations.find((c) => c.id === id)!);
          expect(citations.some((c) => c.span.text.includes(e.citation!)), `supported by the reference ${e.citation}`).toBe(true);
        }
        if (e.anonymousOnly !== undefined) expect(map.evidence.claims.anonymousOnly > 0 && claim!.support.anonymousSourceIds.length > 0).toBe(e.anonymousOnly);
      });
    }

    for (const e of expected.notClaims ?? []) {
      check(`not a claim: ${e.text}`, e.known, () => {
        const at = locate(map, e.text);
        expect(map.claims.filter((k) => k.span.start <= at.start && at.end <= k.span.end).map((k) => k.span.text)).toEqual([]);
      });
    }

    for (const e of expected.hedges ?? []) {
      check(`hedge: ${e.text} (${e.kind})`, e.known, () => {
        expect(map.hedges.some((h) => h.kind === e.kind && squash(h.span.text) === squash(e.text))).toBe(true);
      });
    }

    for (const e of expected.anonymousSources ?? []) {
      check(`anonymous source: ${e.text}`, e.known, () => {
        expect(map.anonymousSources.map((a) => squash(a.span.text))).toContain(squash(e.text));
      });
    }

    for (const e of expected.chains ?? []) {
      check(`chain: ${e.links.join(', citing ')}`, e.known, () => {
        expect(map.evidence.chains.map((c) => c.links.map(squash))).toContainEqual(e.links.map(squash));
      });
    }

    for (const e of expected.stateAffiliated ?? []) {
      check(`state-affiliated outlet: ${e.name}`, e.known, () => {
        expect(map.evidence.stateAffiliatedOutlets.map((o) => o.name)).toContain(e.name);
      });
    }

    for (const e of expected.devices ?? []) {
      check(`device: ${e.kind} — ${e.text}`, e.known, () => {
        expect(map.devices.some((d) => d.kind === e.kind && squash(d.span.text) === squash(e.text))).toBe(true);
      });
    }

    for (const e of expected.notDevices ?? []) {
      check(`not a device: ${e.text}`, e.known, () => {
        const at = locate(map, e.text);
        expect(map.devices.filter((d) => d.span.start < at.end && at.start < d.span.end).map((d) => d.span.text)).toEqual([]);
      });
    }

    for (const e of expected.techniques ?? []) {
      check(`technique: ${e.technique} — ${e.text}`, e.known, () => {
        const at = locate(map, e.text);
        const overlapping = map.techniques.filter((t) => t.span.start < at.end && at.start < t.span.end);
        expect(overlapping.map((t) => t.technique)).toContain(e.technique);
      });
    }
  });
}
