import type { OutletRegistry } from '../../core/stage.js';

// How far back a reference looks for the outlet its author wrote in.
const WINDOW = 300;

// `writing in the Guardian`, `in a column for Politico`, `an op-ed published by Al Jazeera`.
const CUE =
  /(?<![\p{L}])(?:[Ww]rit(?:ing|es|ten)|[Ww]rote|[Pp]ublish(?:ed|es|ing)|[Pp]osted|[Rr]eported|[Aa]ccording|[Pp]iece|[Aa]rticle|[Oo]p-ed|[Cc]olumn|[Ee]ditorial|[Rr]eport|[Ss]tory|[Ii]nterview|[Ee]ssay|[Aa]nalysis)\s+(?:(?:a|an|the|recent|new|this|that)\s+)?(?:(?:piece|article|op-ed|column|report|essay|editorial|story|analysis)\s+)?(?:in|for|on|by|to)\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}'’.&-]*(?:\s+(?:of\s+|and\s+|de\s+)?\p{Lu}[\p{L}\p{N}'’.&-]*){0,5})/gu;

/**
 * The outlet the surrounding text names for a reference that names none:
 * `Writing in the Guardian, Jones and Smith argue … (Jones and Smith, "Title", 30 May)`.
 * Looks back from `at` no further than `from` (the paragraph start) and WINDOW characters.
 */
export function findOutletInContext(text: string, from: number, at: number, registry: OutletRegistry): { name: string; key: string | null } | null {
  const start = Math.max(from, at - WINDOW);
  const window = text.slice(start, at);
  let last: RegExpExecArray | null = null;
  CUE.lastIndex = 0;
  for (let m = CUE.exec(window); m; m = CUE.exec(window)) last = m;
  if (!last) return null;
  let name = last[1]!.replace(/^the\s+/, '').replace(/[’']s$/, '').replace(/[.,]+$/, '');
  const mention = registry.findMentions(name)[0];
  if (mention && mention.span.start <= 4) {
    name = name.slice(mention.span.start, mention.span.end);
    return { name, key: mention.outlet.key };
  }
  return { name, key: registry.byName(name)?.key ?? null };
}
