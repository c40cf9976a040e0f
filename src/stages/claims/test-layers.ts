/**
 * Hand-built upstream layers for tests: the claims stage is tested without the quotes and
 * citations stages, from spans found by their text.
 */
import type { Citation, Quote, SpeakerKind, StructureLayer } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import { splitParagraphs, splitSentences } from '../structure/index.js';

export function structureOf(text: string): StructureLayer {
  const paragraphs = splitParagraphs(text);
  return { paragraphs, sentences: splitSentences(text, paragraphs) };
}

/** The span of the `nth` occurrence of `part` in `text`; throws when it is not there. */
export function at(text: string, part: string, nth = 0): Span {
  let from = -1;
  for (let i = 0; i <= nth; i++) {
    from = text.indexOf(part, from + 1);
    if (from < 0) throw new Error(`Expected \`${part}\` in the test text.`);
  }
  return { start: from, end: from + part.length };
}

export function quote(id: string, content: Span, options: { cue?: Span; kind?: SpeakerKind; name?: string; mention?: Span } = {}): Quote {
  return {
    id,
    kind: 'direct',
    content: [content],
    cue: options.cue ?? null,
    speaker: {
      mention: options.mention ?? null,
      name: options.name ?? null,
      description: null,
      kind: options.kind ?? 'person',
      organisation: null,
      antecedent: null,
    },
    confidence: 0.9,
  };
}

export function citation(id: string, span: Span, options: Partial<Omit<Citation, 'id' | 'span'>> = {}): Citation {
  return {
    id,
    kind: 'parenthetical',
    span,
    authors: [],
    title: null,
    outletName: null,
    outletKey: null,
    date: null,
    ibidOf: null,
    via: null,
    url: null,
    covers: { quotes: [], paragraph: null },
    ...options,
  };
}
