/**
 * Speakers of the report: quotes grouped by who speaks them, each with a colour slot, an
 * underline style and initials, so a quotation is told apart by colour *and* by pattern and label.
 */
import type { SerializedQuote } from '../contract/schema.js';
import type { ReportMap } from './optional-layers.js';

/** Underline styles, cycled alongside the colours. */
export const UNDERLINE_STYLES = ['solid', 'double', 'dotted', 'dashed', 'wavy'] as const;
export const SPEAKER_COLOURS = 8;

export interface ReportSpeaker {
  /** 0-based, in order of the speaker's first quote. */
  readonly index: number;
  readonly name: string;
  readonly initials: string;
  readonly kind: SerializedQuote['speaker']['kind'];
  readonly descriptions: readonly string[];
  readonly organisation: string | null;
  readonly quoteIds: readonly string[];
  readonly outletId: string | null;
  readonly colour: number;
  readonly underline: (typeof UNDERLINE_STYLES)[number];
}

export interface SpeakerIndex {
  readonly speakers: readonly ReportSpeaker[];
  readonly byQuote: ReadonlyMap<string, ReportSpeaker>;
}

function speakerKey(q: SerializedQuote): string {
  const s = q.speaker;
  if (s.entityId) return `e:${s.entityId}`;
  if (s.outletId) return `o:${s.outletId}`;
  if (s.name) return `n:${s.name.toLowerCase()}`;
  if (s.kind === 'anonymous') return `a:${(s.description ?? s.mention?.text ?? '').toLowerCase()}`;
  if (s.description) return `d:${s.description.toLowerCase()}`;
  if (s.mention) return `m:${s.mention.text.toLowerCase()}`;
  return 'unknown';
}

function displayName(q: SerializedQuote): string {
  const s = q.speaker;
  return s.name ?? s.description ?? s.mention?.text ?? (s.kind === 'anonymous' ? 'anonymous source' : 'unknown speaker');
}

/** "Peter Marsh" → "PM"; "the paper" → "PA"; "we" → "WE". At most three letters. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s\-–—.,'’]+/u).filter((w) => /\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  const pick = capitalised.length >= 2 ? capitalised : [];
  if (pick.length >= 2) return pick.slice(0, 3).map((w) => [...w][0]!).join('').toUpperCase();
  const word = capitalised[0] ?? words[words.length - 1] ?? '?';
  return [...word].slice(0, 2).join('').toUpperCase();
}

export function indexSpeakers(map: ReportMap): SpeakerIndex {
  const byKey = new Map<string, { name: string; quotes: SerializedQuote[] }>();
  for (const q of map.quotes) {
    const key = speakerKey(q);
    const entry = byKey.get(key);
    if (entry) entry.quotes.push(q);
    else byKey.set(key, { name: displayName(q), quotes: [q] });
  }
  const speakers: ReportSpeaker[] = [];
  const byQuote = new Map<string, ReportSpeaker>();
  const usedInitials = new Map<string, number>();
  for (const { name, quotes } of byKey.values()) {
    const index = speakers.length;
    let initials = initialsOf(name);
    const seen = usedInitials.get(initials) ?? 0;
    usedInitials.set(initials, seen + 1);
    if (seen > 0) initials = `${initials}${seen + 1}`; // two "PM"s become PM and PM2
    const descriptions = [...new Set(quotes.map((q) => q.speaker.description).filter((d): d is string => !!d))];
    const first = quotes[0]!.speaker;
    const speaker: ReportSpeaker = {
      index,
      name,
      initials,
      kind: first.kind,
      descriptions,
      organisation: quotes.map((q) => q.speaker.organisation).find((o): o is string => !!o) ?? null,
      quoteIds: quotes.map((q) => q.id),
      outletId: quotes.map((q) => q.speaker.outletId).find((o): o is string => !!o) ?? null,
      colour: index % SPEAKER_COLOURS,
      // 8 colours and 5 styles are coprime: neighbours differ in both, and a pair repeats only after 40 speakers.
      underline: UNDERLINE_STYLES[index % UNDERLINE_STYLES.length]!,
    };
    speakers.push(speaker);
    for (const q of quotes) byQuote.set(q.id, speaker);
  }
  return { speakers, byQuote };
}
