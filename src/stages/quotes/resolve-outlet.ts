import type { Speaker } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { OutletRegistry } from '../../core/stage.js';
import { ORGANISATION, OUTLET } from './describe-speaker.js';

/** An outlet named in the text, in order of mention. */
export interface OutletMention {
  readonly name: string;
  readonly span: Span;
}

// `the paper reported`, `the agency said`: a common noun standing for an outlet named before.
const OUTLET_NOUN = /^(?:the|that|this)\s+(?:paper|newspaper|agency|news\s+agency|broadcaster|network|channel|station|daily|outlet|website|site|magazine|wire\s+service|tabloid)$/i;

// Runs of capitalised words (`The Washington Post`, `Iran Front Page`). Each repetition must take
// a word and its space, so the bounded group cannot backtrack more than five times a position.
const RUN = /(?:\p{Lu}[\p{L}’'.&-]*\s+){0,4}\p{Lu}[\p{L}’'.&-]*/gu;
const MAX_DISTANCE = 1500;

export function isOutletNoun(text: string, s: Span): boolean {
  return s.end - s.start < 30 && OUTLET_NOUN.test(text.slice(s.start, s.end));
}

/**
 * Outlets named in the text: the registry's mentions, and capitalised runs holding an outlet
 * word (`Port Ellis Gazette`) that the registry does not know. Linear: one pass of each.
 */
export function findOutletMentions(text: string, outlets: OutletRegistry | undefined): OutletMention[] {
  const out: OutletMention[] = [];
  for (const m of outlets?.findMentions(text) ?? []) out.push({ name: m.outlet.name, span: m.span });
  RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN.exec(text)) !== null) {
    const run = m[0].replace(/[’']s$/, '');
    if (!OUTLET.test(run) || ORGANISATION.test(run)) continue;
    const start = m.index;
    if (out.some((o) => o.span.start < start + run.length && start < o.span.end)) continue;
    out.push({ name: outlets?.byName(run)?.name ?? run.replace(/^(?:The)\s+/, ''), span: { start, end: start + run.length } });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/**
 * `"…," the paper reported` after `The Washington Post was less certain.`: a speaker named by
 * an outlet noun takes the most recent outlet named before it (within a few paragraphs).
 */
export function resolveOutletNoun(text: string, speaker: Speaker, mentions: readonly OutletMention[]): Speaker {
  const m = speaker.mention;
  if (!m || !isOutletNoun(text, m)) return speaker;
  let best: OutletMention | null = null;
  for (const o of mentions) {
    if (o.span.start >= m.start) break;
    if (m.start - o.span.end <= MAX_DISTANCE) best = o;
  }
  return best ? { ...speaker, name: best.name, kind: 'outlet', description: null, organisation: null, antecedent: best.span } : speaker;
}
