import type { Block, BlockKind, Link } from '../core/document.js';
import type { Span } from '../core/span.js';
import { repairMojibake } from './repair-mojibake.js';

/** The subset of the DOM we read; linkedom's nodes satisfy it. */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode?: DomNode | null;
  querySelector?(selector: string): DomNode | null;
  readonly nodeValue?: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

export interface BlocksText {
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly links: readonly Link[];
  /** Links whose URL could not be made absolute (relative, with no page URL), dropped. */
  readonly unresolvedLinks: number;
  /** The text of every `<a>`, kept or not (share buttons with `javascript:` too): for link density. */
  readonly anchors: readonly Span[];
  /**
   * For each block, the source ordinal of the element its first text sat in when the page was
   * parsed (see `textSources`), or -1 when not known.
   */
  readonly sources: readonly number[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'SELECT', 'TEXTAREA', 'BUTTON', 'INPUT', 'HEAD', 'TITLE', 'META', 'LINK', 'VIDEO', 'AUDIO', 'MAP']);
const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'BLOCKQUOTE', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'THEAD', 'TBODY', 'TFOOT',
  'TR', 'CAPTION', 'FORM', 'FIELDSET', 'LEGEND', 'ADDRESS', 'DETAILS', 'SUMMARY', 'HR', 'CENTER', 'BODY', 'HTML', 'OPTION',
]);
const KIND: Readonly<Record<string, BlockKind>> = {
  H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  LI: 'list-item', DT: 'list-item', DD: 'list-item', BLOCKQUOTE: 'blockquote', PRE: 'preformatted',
};
/** White space HTML collapses, plus no-break and other Unicode spaces (our text has one kind of space). */
const SPACES = /[\s\u00a0]+/g;
const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/**
 * Text node → the ordinal of the block-level element it sat in when the page was parsed (made
 * by `markTextSources`). Readability moves text nodes but never copies them, so the map still
 * holds after it rebuilt the elements around them (a `<div>` of phrasing content becomes a new `<p>`).
 */
export type TextSources = WeakMap<object, number>;

/**
 * Carries a block-level element's ordinal through Readability when its text nodes do not: when
 * Readability finds too little on a first pass it rebuilds the page from its HTML, making new
 * text nodes, and attributes are part of that HTML.
 */
export const SOURCE_ATTRIBUTE = 'data-claimtrace-src';

/** Elements that start a block of text (exported for the source map). */
export const BLOCK_TAGS: ReadonlySet<string> = BLOCK;

/**
 * Walks a DOM subtree (Readability's article, or a whole body) into one text: blocks separated by
 * a blank line, white space collapsed inside blocks, `<br>` a line break (two in a row end the
 * paragraph, as on pages that use `<br><br>` between paragraphs), `<pre>` kept verbatim.
 * Iterative, so a tree 100,000 elements deep cannot overflow the stack.
 */
export function htmlToBlocks(root: DomNode, resolveUrl: (href: string) => string | null, textSources?: TextSources): BlocksText {
  const parts: string[] = [];
  let length = 0;
  const blocks: Block[] = [];
  const links: Link[] = [];
  const anchors: Span[] = [];
  const sources: number[] = [];
  let unresolvedLinks = 0;
  let blockSource = -1;
  let textSource = -1; // the source of the text being written
  // Ordinals of the open elements that carry SOURCE_ATTRIBUTE, innermost last (for text nodes
  // made after the parse); `marked` says, per open element, whether it pushed one.
  const markedSources: number[] = [];
  const marked: boolean[] = [];

  let blockStart = -1; // -1: no block open (nothing written since the last block boundary)
  let blockKind: BlockKind = 'paragraph';
  let pendingSpace = false;
  let pendingBreaks = 0;
  const kinds: BlockKind[] = [];
  const openLinks: { url: string | null; start: number }[] = [];
  let preDepth = 0;

  const write = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  const closeBlock = () => {
    if (blockStart >= 0) {
      // A block never ends in white space: a trailing `<br>` is not written until text follows.
      blocks.push({ kind: blockKind, start: blockStart, end: length });
      sources.push(blockSource);
    }
    blockStart = -1;
    pendingSpace = false;
    pendingBreaks = 0;
  };
  /** Writes content (never empty, never starting with a space we would collapse) into the open block. */
  const writeContent = (s: string) => {
    if (blockStart >= 0 && pendingBreaks >= 2) closeBlock();
    if (blockStart < 0) {
      if (length > 0) write('\n\n');
      blockStart = length;
      blockKind = preDepth > 0 ? 'preformatted' : (kinds[kinds.length - 1] ?? 'paragraph');
      blockSource = textSource;
    } else if (pendingBreaks === 1) {
      write('\n');
    } else if (pendingSpace) {
      write(' ');
    }
    pendingSpace = false;
    pendingBreaks = 0;
    for (const l of openLinks) if (l.start < 0) l.start = length;
    write(s);
  };

  // Each stack entry is a node to enter, or (exit) an element to leave.
  const stack: { node: DomNode; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      textSource = textSources?.get(node) ?? markedSources[markedSources.length - 1] ?? -1;
      const value = repairMojibake(node.nodeValue ?? '');
      if (preDepth > 0) {
        if (value !== '') writeContent(value);
        continue;
      }
      const collapsed = value.replace(SPACES, ' ');
      if (collapsed === '' ) continue;
      const lead = collapsed.startsWith(' ');
      const trail = collapsed.endsWith(' ') && collapsed.length > 1;
      const core = collapsed.trim();
      if (lead && blockStart >= 0) pendingSpace = true;
      if (core !== '') {
        writeContent(core);
        if (trail) pendingSpace = true;
      }
      continue;
    }
    if (node.nodeType !== ELEMENT) {
      if (node.nodeType === 9 || node.nodeType === 11) pushChildren(stack, node);
      continue;
    }
    const tag = node.nodeName.toUpperCase();
    if (!exit) {
      if (SKIP.has(tag)) continue;
      if (isPhotoCaption(node, tag)) continue;
      if (tag === 'BR') {
        if (preDepth > 0) {
          textSource = -1;
          writeContent('\n');
        }
        else if (blockStart >= 0) pendingBreaks++;
        continue;
      }
      if (tag === 'IMG' || tag === 'WBR') continue;
      if (BLOCK.has(tag)) closeBlock();
      else if ((tag === 'TD' || tag === 'TH') && blockStart >= 0) pendingSpace = true;
      const kind = KIND[tag];
      if (kind) kinds.push(kind);
      if (tag === 'PRE') preDepth++;
      if (tag === 'A') {
        const href = node.getAttribute?.('href') ?? null;
        openLinks.push({ url: href === null ? null : resolveUrl(href), start: -1 });
        if (href !== null && resolveUrl(href) === null && !/^\s*(javascript|data|vbscript|about):/i.test(href) && !/^\s*#/.test(href)) unresolvedLinks++;
      }
      const mark = textSources && BLOCK.has(tag) ? node.getAttribute?.(SOURCE_ATTRIBUTE) : null;
      if (mark) markedSources.push(Number(mark));
      marked.push(!!mark);
      stack.push({ node, exit: true });
      pushChildren(stack, node);
      continue;
    }
    // leaving an element
    if (marked.pop()) markedSources.pop();
    if (BLOCK.has(tag)) closeBlock();
    if (KIND[tag]) kinds.pop();
    if (tag === 'PRE') preDepth--;
    if (tag === 'A') {
      const l = openLinks.pop();
      if (l && l.start >= 0 && length > l.start) {
        anchors.push({ start: l.start, end: length });
        if (l.url !== null) links.push({ start: l.start, end: length, url: l.url });
      }
    }
  }
  closeBlock();
  links.sort((a, b) => a.start - b.start || a.end - b.end);
  anchors.sort((a, b) => a.start - b.start || a.end - b.end);
  return { text: parts.join(''), blocks, links, unresolvedLinks, anchors, sources };
}

/**
 * Photo captions and credits ("A row of unsold cars in Littleton, Colo. (AP Photo/…)") describe
 * pictures, not the article, and Readability keeps them; they are left out of the text. A
 * caption under a quotation (`<figure><blockquote>…</blockquote><figcaption>— Jane Doe`)
 * attributes the quote and stays.
 */
function isPhotoCaption(node: DomNode, tag: string): boolean {
  const cls = node.getAttribute?.('class') ?? '';
  if (tag !== 'FIGCAPTION' && !/caption|credit/i.test(cls)) return false;
  const figure = node.parentNode;
  return !(figure && figure.nodeName.toUpperCase() === 'FIGURE' && figure.querySelector?.('blockquote'));
}

function pushChildren(stack: { node: DomNode; exit: boolean }[], node: DomNode): void {
  const children = node.childNodes;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child) stack.push({ node: child, exit: false });
  }
}
