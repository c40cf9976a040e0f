import type { Block, Link } from '../core/document.js';
import type { Span } from '../core/span.js';
import type { BlocksText } from './html-to-blocks.js';

/**
 * A block that is only links and this short is navigation, a share bar or a teaser for another
 * story ("Andrew parties in unearthed pics despite claiming…"). Measured on aeb: at 20 words
 * 23 such blocks go for 2 real ones (8 words: F1 0.964, 20 words: 0.966).
 */
const MAX_LINK_BLOCK_WORDS = 20;
const MIN_LINK_SHARE = 0.9;
/**
 * Repeated blocks up to this length are captions and teasers shown twice, not prose; short
 * repeated labels ("Pre-Workout Meal" in each section of a meal plan) are content and stay.
 */
const MAX_REPEATED_BLOCK_CHARS = 300;
const MIN_REPEATED_BLOCK_WORDS = 12;

export interface PrunedBlocks extends BlocksText {
  readonly dropped: number;
}

/**
 * Drops page furniture Readability leaves inside the article: short blocks made only of links
 * (share bars, "Sign In", tag lists) and short blocks repeated word for word (a caption shown
 * in the slideshow and again under the photo). Rebuilds the text, moving link spans with it.
 * Pure: the same blocks in give the same text out.
 */
export function pruneBlocks(input: BlocksText): PrunedBlocks {
  const { text, blocks, links } = input;
  const seen = new Set<string>();
  const keep: boolean[] = blocks.map((b) => {
    const body = text.slice(b.start, b.end);
    const words = body.split(/\s+/).filter(Boolean).length;
    if (b.kind !== 'preformatted' && words >= MIN_REPEATED_BLOCK_WORDS && body.length <= MAX_REPEATED_BLOCK_CHARS) {
      const key = body.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
    }
    if (words <= MAX_LINK_BLOCK_WORDS && linkedShare(text, b, input.anchors) >= MIN_LINK_SHARE) return false;
    if (b.kind !== 'preformatted' && b.kind !== 'blockquote' && isFurniture(body, words)) return false;
    return true;
  });
  // Keep at least something: a page that is all links stays as it was.
  if (!keep.some(Boolean)) return { ...input, dropped: 0 };

  const parts: string[] = [];
  const outBlocks: Block[] = [];
  const outLinks: Link[] = [];
  const outSources: number[] = [];
  let length = 0;
  let dropped = 0;
  let linkIndex = 0;
  for (const [i, b] of blocks.entries()) {
    // links that start before this block's end belong to it (or straddle a boundary: dropped)
    const mine: Link[] = [];
    while (linkIndex < links.length && links[linkIndex]!.start < b.end) {
      const l = links[linkIndex++]!;
      if (l.start >= b.start && l.end <= b.end) mine.push(l);
    }
    if (!keep[i]) {
      dropped++;
      continue;
    }
    if (length > 0) {
      parts.push('\n\n');
      length += 2;
    }
    const shift = length - b.start;
    parts.push(text.slice(b.start, b.end));
    outBlocks.push({ kind: b.kind, start: b.start + shift, end: b.end + shift });
    outSources.push(input.sources[i] ?? -1);
    for (const l of mine) outLinks.push({ start: l.start + shift, end: l.end + shift, url: l.url });
    length += b.end - b.start;
  }
  return { text: parts.join(''), blocks: outBlocks, links: outLinks, unresolvedLinks: input.unresolvedLinks, anchors: [], sources: outSources, dropped };
}

const SHARE_WORDS = /^(share|shares|whatsapp|facebook|twitter|x|pinterest|pin|pint|linkedin|reddit|tumblr|telegram|email|e-mail|print|copy|link|tweet|baixar|download|compartilhar|teilen|partager|messenger|flipboard|sms|save|comments?|\d+)$/i;
/**
 * Lines every page has and no article needs, recognised by their words, never by position:
 * "Advertisement", "Sign In", "This slideshow requires JavaScript.", a bare URL, a copyright
 * line, "PUBLISHED: 10:48, Tue, Nov 19, 2019" (the date is in `meta`), a photo caption set as a
 * paragraph ("Protesters in masks (Image: GETTY )").
 */
const FURNITURE = [
  /^(advert(isement)?|sponsored( content)?|comments?|\d+ comments?|sign in|log in|subscribe( now)?|breaking news|don'?t miss|see more|read more|related( articles| stories)?|more stories|recommended|trending|tags?|share( this( article| story)?)?|follow us|newsletter|menu|close|caption|image \d+ of \/? ?\d+|this slideshow requires javascript\.?|tell us what you think\.*)$/i,
  /^(see more|read more|related|also read|read also|more|watch|listen)\s*:/i,
  /^(©|copyright\b|\(c\)\s*\d{4})/i,
  /^https?:\/\/\S+$/i,
  /^\|?\s*(published|updated|last updated|posted|first published)( on| at)?\s*:?\s*[\w,:. \/-]{0,60}$/i,
  /\b(this (web)?site uses cookies|we use cookies|accept cookies|cookie policy)\b/i,
  /\((image|images|photo|photos|picture|foto|credit|source: getty)s?:[^)]{1,60}\)\s*$/i,
  /^\(?\s*(image|photo|picture|foto|video|graphic)?\s*(credit|courtesy|source)s?\s*:[^)]{1,80}\)?$/i,
  /^(photo|image|foto|picture|video|graphic)s?( credit)?\s*:/i,
  /^(\S+@\S+\.[a-z]{2,}|(www\.|twitter\.com\/|instagram\.com\/)\S+)$/i,
  /^[Bb][Yy]\s+\p{Lu}[\p{L}.'’-]*(\s+\p{Lu}[\p{L}.'’-]*){0,3}(\s*[-|,–—]\s*[\w:,/. ]{0,40})?$/u,
  /^(email|e-mail|follow|contact)\b.{0,120}(@|twitter|facebook|instagram)/i,
  /^(sign up|join our|want more|subscribe to|click here|get .{1,40} delivered)\b/i,
];
/** A line that is only a date ("September 10, 2018 |", "05/10/2018"). */
const DATE_ONLY = /^[\s|·•,-]*(\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(\w+,?\s+)?(\d{1,2}\s+)?[a-z]{3,9}\.?\s+\d{1,2}(st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4})([\s,|·•-]+\d{1,2}:\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?[\s|·•,-]*$/i;

function isFurniture(body: string, words: number): boolean {
  if (body.length > 200) return false;
  const tokens = body.split(/[\s|·•,]+/).filter(Boolean);
  if (tokens.length >= 2 && tokens.every((t) => SHARE_WORDS.test(t))) return true;
  const line = body.trim();
  return words <= 30 && (DATE_ONLY.test(line) || FURNITURE.some((re) => re.test(line)));
}

/** Share of a block's non-space characters inside anchors ("Whatsapp Facebook Pint" → 1). */
function linkedShare(text: string, b: Block, anchors: readonly Span[]): number {
  let linked = 0;
  for (const a of anchors) {
    if (a.end <= b.start) continue;
    if (a.start >= b.end) break;
    linked += nonSpace(text, Math.max(a.start, b.start), Math.min(a.end, b.end));
  }
  const total = nonSpace(text, b.start, b.end);
  return total === 0 ? 0 : linked / total;
}

function nonSpace(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (!/\s/.test(text[i]!)) n++;
  return n;
}
