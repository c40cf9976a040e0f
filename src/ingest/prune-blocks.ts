import type { Block, Link } from '../core/document.js';
import type { Span } from '../core/span.js';
import type { BlocksText } from './html-to-blocks.js';

/** A block that is only links and this short is navigation or a share bar ("Whatsapp Facebook Pint"). */
const MAX_LINK_BLOCK_WORDS = 8;
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
    return true;
  });
  // Keep at least something: a page that is all links stays as it was.
  if (!keep.some(Boolean)) return { ...input, dropped: 0 };

  const parts: string[] = [];
  const outBlocks: Block[] = [];
  const outLinks: Link[] = [];
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
    for (const l of mine) outLinks.push({ start: l.start + shift, end: l.end + shift, url: l.url });
    length += b.end - b.start;
  }
  return { text: parts.join(''), blocks: outBlocks, links: outLinks, unresolvedLinks: input.unresolvedLinks, anchors: [], dropped };
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
