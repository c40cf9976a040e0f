/**
 * Finds outlet names in running text in one pass: the text is cut into word tokens once, and from
 * each token a trie of alias tokens is walked at most as deep as the longest alias (≈10 tokens),
 * so the cost is linear in the text whatever it holds (1 MB of `(((` included).
 */
import type { Span } from '../core/span.js';
import { isAcronym } from './normalise-name.js';

const WORD = /[\p{L}\p{N}]+/gu;

// Words that name a kind of outlet: `Fars news agency` still names `Fars News Agency`.
const GENERIC_WORDS = new Set(['news', 'agency', 'press', 'tv', 'radio', 'network', 'online', 'service', 'channel', 'daily', 'weekly', 'magazine', 'newspaper', 'media', 'group', 'english', 'arabic']);

interface Pattern<T> {
  readonly value: T;
  /** The alias's tokens as written, for the case rules. */
  readonly tokens: readonly string[];
  /** Short acronyms (`RT`, `AP`) must match exactly: `rt` and `Ap` are other words. */
  readonly exact: boolean;
}

interface Node<T> {
  readonly children: Map<string, Node<T>>;
  patterns: Pattern<T>[];
}

export interface TrieMatch<T> {
  readonly span: Span;
  readonly value: T;
}

export interface MentionTrie<T> {
  /** Leftmost-longest, non-overlapping matches in text order. */
  find(text: string): TrieMatch<T>[];
}

/** Lower case without diacritics; ASCII tokens skip the Unicode work. */
function foldToken(token: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(token)) return token.toLowerCase();
  return token.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

function tokensOf(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const wordCodePoints = new Map<number, boolean>();

/** Whether a code point is a letter or a digit (`[\p{L}\p{N}]`): ASCII by range, others by the regex, remembered. */
function isWordCodePoint(cp: number): boolean {
  if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  let v = wordCodePoints.get(cp);
  if (v === undefined) wordCodePoints.set(cp, (v = WORD_CHAR.test(String.fromCodePoint(cp))));
  return v;
}

/** A hash of an ASCII word in lower case; the same for a token (as it is scanned) and for a trie key. */
function asciiHash(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + lowerAscii(word.charCodeAt(i))) | 0;
  return h;
}

function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c | 0x20 : c;
}

/** Token offsets and hashes of one text, in typed arrays reused from call to call (grown as needed). */
interface Scan {
  starts: Int32Array;
  ends: Int32Array;
  /** {@link asciiHash} of each token; meaningful where `ascii` is 1. */
  hashes: Int32Array;
  ascii: Uint8Array;
}
const newScan = (size: number): Scan => ({ starts: new Int32Array(size), ends: new Int32Array(size), hashes: new Int32Array(size), ascii: new Uint8Array(size) });
let scratch = newScan(1024);
/** Texts of up to twice this many tokens reuse {@link scratch}; a longer one gets arrays of its own, not kept. */
const MAX_KEPT = 1 << 18;

/** Arrays for the tokens of a text of `length` code units: a token and the character after it take two at least. */
function scanFor(length: number): Scan {
  const most = (length >> 1) + 1;
  if (scratch.starts.length >= most) return scratch;
  if (most > MAX_KEPT) return newScan(most);
  scratch = newScan(Math.min(MAX_KEPT, Math.max(most, scratch.starts.length * 2)));
  return scratch;
}

/**
 * The same tokens as {@link tokensOf} (runs of `[\p{L}\p{N}]`, by code point), as start and end
 * offsets in `scan` (from {@link scanFor}), with {@link asciiHash} of each all-ASCII token;
 * returns their number. (Typed arrays: an array mixing `null` and 32-bit hashes boxed most of them.)
 */
function scanWords(text: string, scan: Scan): number {
  const { starts, ends, hashes, ascii } = scan;
  let n = 0;
  let start = -1;
  let h = 0;
  let isAscii = 1;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    if (isWordCodePoint(cp)) {
      if (start < 0) {
        start = i;
        h = 0;
        isAscii = 1;
      }
      if (cp < 0x80) h = (Math.imul(h, 31) + lowerAscii(cp)) | 0;
      else isAscii = 0;
    } else if (start >= 0) {
      starts[n] = start;
      ends[n] = i;
      hashes[n] = h;
      ascii[n] = isAscii;
      n++;
      start = -1;
    }
    i += cp > 0xffff ? 2 : 1;
  }
  if (start >= 0) {
    starts[n] = start;
    ends[n] = text.length;
    hashes[n] = h;
    ascii[n] = isAscii;
    n++;
  }
  return n;
}

/**
 * Builds a trie from `[alias, value]` pairs. An alias that two different values share is dropped
 * (it cannot tell them apart), as are aliases whose value `isAmbiguous` rejects.
 */
export function buildMentionTrie<T>(aliases: Iterable<readonly [string, T]>): MentionTrie<T> {
  const root: Node<T> = { children: new Map(), patterns: [] };
  const conflicted = new Set<Node<T>>();
  let depth = 0;
  for (const [alias, value] of aliases) {
    const tokens = tokensOf(alias).map((t) => t.text);
    if (tokens.length === 0) continue;
    depth = Math.max(depth, tokens.length);
    let node = root;
    for (const t of tokens) {
      const key = foldToken(t);
      let next = node.children.get(key);
      if (!next) node.children.set(key, (next = { children: new Map(), patterns: [] }));
      node = next;
    }
    if (node.patterns.some((p) => p.value !== value)) conflicted.add(node);
    node.patterns.push({ value, tokens, exact: isAcronym(alias) });
  }
  for (const node of conflicted) node.patterns = [];
  // An all-ASCII token folds to its lower case, so one whose hash no first key has starts nothing:
  // it is passed over without making its text. (Keys with other letters are only met by tokens
  // with other letters, which always take the full look-up.)
  const firstKeys = new Set<number>();
  for (const key of root.children.keys()) firstKeys.add(asciiHash(key));
  // the low 16 bits of those hashes, so that most tokens are passed over without the set
  const firstLow = new Uint8Array(1 << 16);
  for (const h of firstKeys) firstLow[h & 0xffff] = 1;

  return {
    find(text) {
      const scan = scanFor(text.length);
      const n = scanWords(text, scan);
      const { starts, ends, hashes, ascii } = scan;
      // Token texts and folded forms, made when first needed (most tokens start no alias).
      const words: (string | undefined)[] = new Array<string | undefined>(n);
      const folded: (string | undefined)[] = new Array<string | undefined>(n);
      const word = (j: number): string => (words[j] ??= text.slice(starts[j]!, ends[j]!));
      const fold = (j: number): string => (folded[j] ??= foldToken(word(j)));
      const matches: TrieMatch<T>[] = [];
      for (let i = 0; i < n; ) {
        if (ascii[i] === 1 && (firstLow[hashes[i]! & 0xffff] === 0 || !firstKeys.has(hashes[i]!))) {
          i++;
          continue;
        }
        let node: Node<T> | undefined = root;
        let best: { end: number; value: T; dropThe: boolean } | null = null;
        for (let j = i; j < n && j - i < depth; j++) {
          if (j > i && !joins(text, ends[j - 1]!, starts[j]!)) break;
          node = node.children.get(fold(j));
          if (!node) break;
          for (const p of node.patterns) {
            if (accepts(p, word, i)) {
              best = { end: j, value: p.value, dropThe: foldToken(p.tokens[0]!) === 'the' && word(i) === 'the' };
              break;
            }
          }
        }
        if (best) {
          const first = best.dropThe ? i + 1 : i;
          matches.push({ span: { start: starts[first]!, end: ends[best.end]! }, value: best.value });
          i = best.end + 1;
        } else i++;
      }
      return matches;
    },
  };
}

/** Two tokens belong to one name when only a space or a joining mark is between them (`Al-Manar`, `RFE/RL`). */
function joins(text: string, from: number, to: number): boolean {
  const gap = to - from;
  if (gap === 1) return /[ \u00a0\-'’./&]/.test(text[from]!);
  if (gap === 2) return /^[ \u00a0]{2}$/.test(text.slice(from, to));
  if (gap === 3) return text.slice(from, to) === ' & ';
  return false;
}

function accepts<T>(p: Pattern<T>, word: (j: number) => string, at: number): boolean {
  for (let k = 0; k < p.tokens.length; k++) {
    const want = p.tokens[k]!;
    const got = word(at + k);
    if (p.exact) {
      if (got !== want) return false;
      continue;
    }
    if (k === 0 && foldToken(want) === 'the') continue;
    if (isUpper(want.charCodeAt(0)) && !isUpper(got.charCodeAt(0)) && !GENERIC_WORDS.has(foldToken(want))) return false;
  }
  return true;
}

function isUpper(code: number): boolean {
  const c = String.fromCharCode(code);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
