/**
 * Hand-built provenance maps for the report's tests and previews: one that exercises every
 * layer the report draws (including the optional claims, hedges, techniques and evidence, in the
 * shapes their stages are settling on), and one whose every untrusted field carries a script
 * payload. Spans are found by searching the text, so the offsets are right by construction.
 */
import { SCHEMA_VERSION, type SerializedSpan } from '../contract/schema.js';
import type { ReportMap } from './optional-layers.js';

/** The `nth` (0-based) occurrence of `needle` in `text` as a span; throws when absent (a broken fixture). */
export function spanOf(text: string, needle: string, nth = 0): SerializedSpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`Expected ${JSON.stringify(needle)} (occurrence ${nth}) in the fixture text`);
  }
  return { start: at, end: at + needle.length, text: needle };
}

type MapParts = Partial<Omit<ReportMap, 'text' | 'meta'>> & { meta?: Partial<ReportMap['meta']> };

/** A map with empty layers around `text`; `parts` fills in the rest. */
export function emptyMap(text: string, parts: MapParts = {}): ReportMap {
  const { meta, ...rest } = parts;
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'claimtrace', version: '0.0.0-test' },
    source: { path: 'example.txt', format: 'text', encoding: 'utf-8', bytes: text.length },
    meta: { title: null, authors: [], published: null, modified: null, outlet: null, outletId: null, url: null, language: 'en', ...meta },
    text,
    paragraphs: [],
    links: [],
    quotes: [],
    markedPhrases: [],
    citations: [],
    outlets: [],
    entities: [],
    diagnostics: [],
    ...rest,
  } as ReportMap;
}

const SAMPLE_TEXT = [
  'Harbour bridge to close for repairs',
  '',
  '"The deck is no longer safe for heavy lorries," the city engineer Dana Okafor told reporters on Monday. She added that the work "could take a year".',
  '',
  'According to Harbour Radio, residents were "furious" about the closure (Lee Park, \'Bridge fears\', Harbour Radio, 3 May 2024). The agency RIA Novosti, citing ministry officials, said the repairs would cost twice the estimate. Officials who asked not to be named said the contract was "rushed".',
  '',
  'The closure will probably ruin local businesses. It is a disgrace and a betrayal of every family in the city. Who will pay for it?',
].join('\n');

/** A claim in the contract's shape (src/stages/claims/contract-schema.ts), support filled in with empty lists. */
function claim(id: string, span: SerializedSpan, kind: string, support: Record<string, unknown>): Record<string, unknown> {
  return {
    id, kind, span, paragraphId: null, hedgeIds: [], stance: 'neutral', stanceCue: null,
    support: { quoteIds: [], citationIds: [], outletIds: [], attributions: [], anonymousSourceIds: [], ...support },
  };
}

/** A short report with two speakers, an ibid-free citation, a state outlet and every optional layer. */
export function sampleMap(): ReportMap {
  const t = SAMPLE_TEXT;
  const s = (needle: string, nth = 0) => spanOf(t, needle, nth);
  return emptyMap(t, {
    meta: { title: 'Harbour bridge to close for repairs', outlet: 'Harbour Courier', authors: ['Sam Reyes'], published: '2024-05-06', url: 'https://courier.example/bridge' },
    paragraphs: [],
    quotes: [
      {
        id: 'q1', kind: 'direct', content: [s('The deck is no longer safe for heavy lorries,')], cue: s('told'),
        speaker: { mention: s('the city engineer Dana Okafor'), name: 'Dana Okafor', description: 'the city engineer', kind: 'person', organisation: null, antecedent: null, entityId: 'e1', outletId: null },
        via: { citationIds: [], outletIds: [] }, paragraphId: null, confidence: 0.9,
      },
      {
        id: 'q2', kind: 'mixed', content: [s('that the work "could take a year"')], cue: s('added'),
        speaker: { mention: s('She'), name: 'Dana Okafor', description: null, kind: 'person', organisation: null, antecedent: s('Dana Okafor'), entityId: 'e1', outletId: null },
        via: { citationIds: [], outletIds: [] }, paragraphId: null, confidence: 0.7,
      },
      {
        id: 'q3', kind: 'indirect', content: [s('residents were "furious" about the closure')], cue: s('According to'),
        speaker: { mention: s('Harbour Radio'), name: 'Harbour Radio', description: null, kind: 'outlet', organisation: null, antecedent: null, entityId: 'e2', outletId: 'o1' },
        via: { citationIds: ['c1'], outletIds: ['o1'] }, paragraphId: null, confidence: 0.8,
      },
      {
        id: 'q4', kind: 'indirect', content: [s('the repairs would cost twice the estimate')], cue: s('said', 0),
        speaker: { mention: s('The agency RIA Novosti'), name: 'RIA Novosti', description: 'The agency', kind: 'outlet', organisation: null, antecedent: null, entityId: 'e3', outletId: 'o2' },
        via: { citationIds: [], outletIds: ['o2'] }, paragraphId: null, confidence: 0.8,
      },
      {
        id: 'q5', kind: 'mixed', content: [s('the contract was "rushed"')], cue: s('said', 1),
        speaker: { mention: s('Officials who asked not to be named'), name: null, description: 'Officials who asked not to be named', kind: 'anonymous', organisation: null, antecedent: null, entityId: null, outletId: null },
        via: { citationIds: [], outletIds: [] }, paragraphId: null, confidence: 0.7,
      },
    ],
    markedPhrases: [{ id: 'm1', kind: 'scare', span: s('"furious"'), confidence: 0.6 }],
    citations: [
      {
        id: 'c1', kind: 'parenthetical', span: s("(Lee Park, 'Bridge fears', Harbour Radio, 3 May 2024)"), authors: ['Lee Park'], title: 'Bridge fears',
        outlet: 'Harbour Radio', outletId: 'o1', date: '2024-05-03', ibidOf: null, via: null, url: 'https://radio.example/bridge-fears', covers: { quoteIds: ['q3'], paragraphId: null },
      },
    ],
    outlets: [
      { id: 'o1', key: 'harbour-radio', name: 'Harbour Radio', aliasesSeen: ['Harbour Radio'], domains: ['radio.example'], country: null, stateAffiliated: false, registry: null, roles: ['named', 'cited', 'speaker'], mentions: [s('Harbour Radio'), s('Harbour Radio', 1)] },
      {
        id: 'o2', key: 'ria-novosti', name: 'RIA Novosti', aliasesSeen: ['RIA Novosti'], domains: ['ria.ru'], country: 'Russia', stateAffiliated: true,
        registry: { source: 'state-media-matrix', typology: 'SC', typologyLabel: 'State-controlled media', owner: 'Rossiya Segodnya' }, roles: ['named', 'speaker'], mentions: [s('RIA Novosti')],
      },
    ],
    entities: [],
    claims: [
      claim('k1', s('The deck is no longer safe for heavy lorries,'), 'other', { status: 'sourced', quoteIds: ['q1'] }),
      claim('k2', s('the repairs would cost twice the estimate'), 'quantity', { status: 'sourced', quoteIds: ['q4'], outletIds: ['o2'], attributions: [s('The agency RIA Novosti')] }),
      { ...claim('k3', s('The closure will probably ruin local businesses.'), 'causal', { status: 'unsourced' }), hedgeIds: ['h1'] },
    ],
    hedges: [{ id: 'h1', span: s('probably'), kind: 'hedge', cue: 'probably', claimIds: ['k3'] }],
    anonymousSources: [{ id: 'a1', span: s('Officials who asked not to be named'), quoteId: 'q5', detectedBy: 'quote-speaker' }],
    quoteStances: [],
    techniques: [
      { span: s('a disgrace and a betrayal'), technique: 'Loaded_Language', confidence: 0.71, techniqueProbability: 0.6 },
      { span: s('every family in the city'), technique: 'Appeal_to_fear-prejudice', confidence: 0.55, techniqueProbability: 0.4 },
    ],
    devices: [{ id: 'd1', kind: 'rhetorical-question', span: s('Who will pay for it?'), reason: 'question in the author’s voice' }],
  });
}

/** Every payload calls `window.__pwned.push(tag)`, so a test can tell which place leaked. */
export function payload(tag: string): string {
  const call = `window.__pwned&&window.__pwned.push('${tag}')`;
  return `</script><script>${call}</script><img src=x onerror="${call}"><svg onload="${call}"></svg>"' onmouseover="${call}" onfocus="${call}" x='<a href="javascript:${call}">${tag}</a><!--`;
}

/** The untrusted places of a map, for tests that plant a payload in one place at a time. */
export const HOSTILE_PLACES = ['text', 'title', 'url', 'quote', 'speaker', 'outlet', 'citation', 'other'] as const;
export type HostilePlace = (typeof HOSTILE_PLACES)[number];

/**
 * A map whose fields that come from the article hold script payloads, in the chosen places
 * (all by default); elsewhere the same fields hold plain words.
 */
export function hostileMap(places: readonly HostilePlace[] = HOSTILE_PLACES): ReportMap {
  const at = (place: HostilePlace) => (tag: string) => (places.includes(place) ? payload(tag) : tag);
  const [text_, title, url, quote, speaker, outlet, citation, other] = HOSTILE_PLACES.map(at);
  const jsUrl = (tag: string) => `javascript:window.__pwned&&window.__pwned.push('${tag}')`;
  const quoteText = `inner ${quote!('quote')} quote`;
  const text = [
    `Intro ${text_!('text')} end.`,
    '',
    `"${quoteText}," said ${speaker!('speaker-mention')}.`,
    '',
    `A reference (${citation!('citation-span')}) and 'scare ${text_!('marked')}' words.`,
  ].join('\n');
  const s = (needle: string) => spanOf(text, needle);
  const mention = s(speaker!('speaker-mention'));
  return emptyMap(text, {
    source: { path: other!('source-path'), format: 'text', encoding: 'utf-8', bytes: text.length },
    meta: {
      title: title!('title'),
      authors: [other!('author')],
      outlet: outlet!('meta-outlet'),
      published: other!('published'),
      url: places.includes('url') ? jsUrl('meta-url') : 'https://example.org/article',
      language: places.includes('other') ? `en" onmouseover="window.__pwned.push('lang')` : 'en',
    },
    quotes: [
      {
        id: 'q1', kind: 'direct', content: [s(quoteText)], cue: s('said'),
        speaker: { mention, name: speaker!('speaker-name'), description: speaker!('speaker-description'), kind: 'person', organisation: speaker!('organisation'), antecedent: null, entityId: null, outletId: 'o1' },
        via: { citationIds: ['c1'], outletIds: ['o1'] }, paragraphId: null, confidence: 0.9,
      },
    ],
    markedPhrases: [{ id: 'm1', kind: 'scare', span: s(`'scare ${text_!('marked')}'`), confidence: 0.5 }],
    citations: [
      {
        id: 'c1', kind: 'parenthetical', span: s(`(${citation!('citation-span')})`), authors: [citation!('citation-author')], title: citation!('citation-title'),
        outlet: outlet!('citation-outlet'), outletId: 'o1', date: citation!('citation-date'), ibidOf: null,
        via: { text: citation!('via-text'), outlet: outlet!('via-outlet'), outletId: null },
        url: places.includes('url') || places.includes('citation') ? jsUrl('citation-url') : 'https://example.org/cited', covers: { quoteIds: ['q1'], paragraphId: null },
      },
    ],
    outlets: [
      {
        id: 'o1', key: outlet!('outlet-key'), name: outlet!('outlet-name'), aliasesSeen: [outlet!('alias')], domains: [outlet!('domain')], country: outlet!('country'), stateAffiliated: true,
        registry: { source: outlet!('registry'), typology: 'SC', typologyLabel: outlet!('typology'), owner: outlet!('owner') }, roles: ['cited', 'speaker'], mentions: [mention],
      },
    ],
    claims: [
      {
        id: 'k1', span: s(quoteText), kind: other!('claim-kind'), stance: other!('stance'), stanceCue: { ...s('said'), text: other!('claim-stance-cue') }, hedgeIds: ['h1'],
        support: { status: 'sourced', outletIds: ['o1'], attributions: [{ ...mention, text: speaker!('attribution') }], quoteIds: ['q1'], citationIds: ['c1'], anonymousSourceIds: ['a1'] },
      },
    ],
    hedges: [{ id: 'h1', span: s('inner'), kind: other!('hedge-kind'), cue: other!('hedge-cue') }],
    anonymousSources: [{ id: 'a1', span: mention, quoteId: 'q1', detectedBy: 'lexicon' }],
    quoteStances: [{ quoteId: 'q1', stance: other!('quote-stance'), cue: { ...s('said'), text: other!('stance-cue') } }],
    techniques: [{ span: s('Intro'), technique: other!('technique'), confidence: 0.9 }],
    devices: [{ id: 'd1', kind: other!('device-kind'), span: s('Intro'), reason: other!('device-reason') }],
    evidence: { [other!('evidence-key')]: other!('evidence-value'), nested: { [other!('evidence-nested')]: 1 } },
    diagnostics: [{ code: other!('diagnostic-code'), severity: 'warning', message: other!('diagnostic-message') }],
  });
}
