import { Parser } from 'htmlparser2';
import type { DomDocument, DomElement } from './dom-types.js';
import { BLOCK_TAGS, SOURCE_ATTRIBUTE, type TextSources } from './html-to-blocks.js';

/**
 * Where each element of a page sits in its markup: `[start, end)` character offsets of element
 * `i` at `[2i, 2i + 1]`, in open-tag order. Made with htmlparser2 and the options linkedom
 * parses with, so element `i` here is the `i`-th element linkedom creates (it appends exactly
 * one element per open tag and never moves one while parsing). An element closed implicitly
 * (`<p>a<p>b`) ends where the tag that closed it starts; a void element ends with its tag.
 */
export function elementRanges(html: string): Int32Array {
  const starts: number[] = [];
  const ends: number[] = [];
  const open: number[] = [];
  const parser = new Parser(
    {
      onopentag() {
        open.push(starts.length);
        starts.push(parser.startIndex);
        ends.push(-1);
      },
      onclosetag(_name, isImplied) {
        const i = open.pop();
        if (i === undefined) return;
        // A void or self-closed element is closed at its own tag; any other implied close is
        // caused by the tag now being read, so the element ends where that tag starts.
        ends[i] = !isImplied || starts[i] === parser.startIndex ? parser.endIndex + 1 : parser.startIndex;
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.write(html);
  parser.end();
  const out = new Int32Array(starts.length * 2);
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i]!;
    const end = ends[i]!;
    out[2 * i] = start;
    out[2 * i + 1] = end < start ? html.length : Math.min(end, html.length);
  }
  return out;
}


/**
 * Maps every text node of a freshly parsed document to the ordinal (index into `ranges`) of the
 * innermost block-level element around it, or of its parent when none is (text straight in
 * `<body>`), before anything moves it. Null when the document does not have one element per
 * range: then there is no map. `<template>` contents count, as they do for the parser.
 * Block-level elements also get their ordinal as `SOURCE_ATTRIBUTE`.
 */
export function markTextSources(doc: DomDocument, ranges: Int32Array): TextSources | null {
  const map: TextSources = new WeakMap();
  let ordinal = 0;
  // Each entry: a node to enter, or (node null) the way out of an element: restore the block.
  const stack: { node: DomElement | null; restore: number }[] = [];
  const push = (children: ArrayLike<DomElement>) => {
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, restore: -1 });
  };
  push((doc as unknown as { childNodes: ArrayLike<DomElement> }).childNodes);
  let block = -1;
  let parent = -1;
  const parents: number[] = [];
  while (stack.length > 0) {
    const { node, restore } = stack.pop()!;
    if (node === null) {
      block = restore;
      parent = parents.pop() ?? -1;
      continue;
    }
    if (node.nodeType === 3 || node.nodeType === 4) {
      map.set(node, block >= 0 ? block : parent);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const mine = ordinal++;
    stack.push({ node: null, restore: block });
    parents.push(parent);
    parent = mine;
    if (BLOCK_TAGS.has(node.nodeName.toUpperCase())) {
      block = mine;
      node.setAttribute(SOURCE_ATTRIBUTE, String(mine));
    }
    push(node.childNodes);
  }
  return ordinal === ranges.length / 2 ? map : null;
}
