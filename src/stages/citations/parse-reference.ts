import type { OutletRegistry } from '../../core/stage.js';
import type { Span } from '../../core/span.js';
import { looksLikeName, looksLikeOutletName, looksLikePersonName, looksLikeStaffByline, splitAuthors } from './classify-name.js';
import { isBareYear, parseReferenceDate, type PartialDate } from './parse-reference-date.js';
import { splitReferenceParts } from './split-reference-parts.js';

export interface ParsedVia {
  readonly text: string;
  readonly outletName: string | null;
  readonly outletKey: string | null;
}

/** What one parenthetical says, before ibid chains and context are resolved. */
export interface ParsedReference {
  readonly ibid: boolean;
  readonly authors: readonly string[];
  readonly title: string | null;
  readonly outletName: string | null;
  readonly outletKey: string | null;
  readonly date: PartialDate | null;
  /** The span of the written date, for diagnostics. */
  readonly dateSpan: Span | null;
  readonly dateText: string | null;
  readonly url: string | null;
  readonly via: ParsedVia | null;
}

const IBID = /^(?:ibid(?:em)?|idem|id)\.?(?:\s+(?:p|pp|at)\.?\s*[\d–-]+)?$/i;
const VIA = /^(?:citing|quoting|via|according\s+to|cited\s+by|relying\s+on)\s+(.+)$/i;
const PLACE =
  /^(?:as\s+)?(?:(?:first|originally)\s+)?(?:posted|published|reposted|republished|appeared|writing|written|reported|broadcast|aired|reprinted|quoted|cited|mentioned)\s+(?:on|in|by|at)\s+(.+)$|^(?:h\/t|hat\s+tip:?)\s+(.+)$/i;
const IN = /^(?:in|on|at)\s+((?:the\s+)?\p{Lu}.*)$/u;
// `(in Arabic)`, `(TASS, in Russian, …)`: the language of the source, not a place it appeared.
const LANGUAGE_NOTE = /^(?:in|original\s+in)\s+(?:arabic|persian|farsi|russian|english|french|german|spanish|chinese|mandarin|hebrew|turkish|urdu|pashto|dari|kurdish|ukrainian|italian|portuguese|japanese|korean)$/i;
const SEE = /^(?:see(?:\s+also)?|cf\.?|compare)\s+/i;
// `a Reuters report`, `an AP dispatch`: the outlet inside a description of the piece.
const PIECE_OF = /^(?:a|an)\s+(\p{Lu}.*?)\s+(?:report|article|story|editorial|dispatch|analysis|investigation|piece|poll|survey|interview|broadcast)$/u;
// `op-ed by Caroline Glick`: the kind of piece, then its author.
const PIECE_BY = /^(?:op-ed|column|editorial|article|opinion|interview|report|analysis|commentary|essay|piece)\s+by\s+(.+)$/i;
// `Anna Reyes for The Washington Post`.
const AUTHOR_FOR = /^(.+?)\s+for\s+((?:the\s+)?\p{Lu}.*)$/u;
// `Xinhua via Reuters`.
const NAME_VIA = /^(\p{Lu}.*?)\s+(?:via|citing|quoting)\s+(.+)$/u;
const TIME = /^(?:(?:updated|posted|published)\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|gmt|utc|bst|cet|et|est|edt|pt|local(?:\s+time)?)?$/i;
const BY = /^by\s+(.+)$/i;
const SOURCE = /^(?:source|sources|from)\s*:?\s+(.+)$/i;
const URL_IN_PART = /\b(?:https?:\/\/|www\.)[^\s,;)]+/i;
const PAGE = /^(?:p|pp|para|paras|page|pages|col)\.?\s*[\d–-]+$/i;

/**
 * Reads the fields of a reference, or returns null when the parenthetical is not one:
 * `(R-Texas)`, `(uncorroborated)`, `(pictured)`, `(ISIS)`, `(3 May)` say nothing about a source.
 */
export function parseReference(text: string, inner: Span, registry: OutletRegistry): ParsedReference | null {
  const raw = text.slice(inner.start, inner.end).trim();
  if (!raw || rejectsAtOnce(raw)) return null;

  const parts = splitReferenceParts(text, inner);
  let ibid = false;
  let title: string | null = null;
  let url: string | null = null;
  let via: ParsedVia | null = null;
  let date: PartialDate | null = null;
  let dateSpan: Span | null = null;
  let placedOutlet: string | null = null; // named by `posted on`, `writing in`: surely an outlet
  let titleIndex = -1;
  const authors: string[] = [];
  const names: { text: string; index: number }[] = [];

  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    // One space between words: runs of white space would make the patterns below backtrack.
    let v = text.slice(part.value.start, part.value.end).replace(/\s+/g, ' ').trim();
    if (part.quoted) {
      if (title === null) (title = v), (titleIndex = k);
      continue;
    }
    const source = SOURCE.exec(v);
    if (source) v = source[1]!.trim();
    v = v.replace(SEE, '');
    if (LANGUAGE_NOTE.test(v) || TIME.test(v)) continue;
    if (IBID.test(v)) {
      ibid = true;
      continue;
    }
    const urlMatch = URL_IN_PART.exec(v);
    if (urlMatch) {
      url ??= urlMatch[0].replace(/[.]+$/, '');
      const rest = v.replace(URL_IN_PART, '').replace(/^[\s:–—-]+|[\s:–—-]+$/g, '');
      if (!rest) continue;
      v = rest;
    }
    const viaMatch = VIA.exec(v);
    if (viaMatch) {
      via = parseVia(viaMatch[1]!.trim(), registry);
      continue;
    }
    const place = PLACE.exec(v) ?? IN.exec(v);
    if (place) {
      const d = splitTrailingDate((place[1] ?? place[2])!.trim());
      // `posted on Telegram by Rybar`: the outlet, then who posted.
      const by = /^(.+?)\s+by\s+(\p{Lu}.*)$/u.exec(d.name);
      if (by) authors.push(...(splitAuthors(by[2]!) ?? [by[2]!.trim()]));
      placedOutlet ??= by ? by[1]! : d.name;
      if (d.date && !date) (date = d.date), (dateSpan = part.value);
      continue;
    }
    const pieceBy = PIECE_BY.exec(v);
    if (pieceBy) {
      authors.push(...(splitAuthors(pieceBy[1]!) ?? [pieceBy[1]!.trim()]));
      continue;
    }
    const pieceOf = PIECE_OF.exec(v);
    if (pieceOf) v = pieceOf[1]!;
    const nameVia = NAME_VIA.exec(v);
    if (nameVia) {
      via ??= parseVia(nameVia[2]!.trim(), registry);
      v = nameVia[1]!;
    }
    const authorFor = AUTHOR_FOR.exec(v);
    if (authorFor && splitAuthors(authorFor[1]!)) {
      authors.push(...splitAuthors(authorFor[1]!)!);
      placedOutlet ??= authorFor[2]!;
      continue;
    }
    const by = BY.exec(v);
    if (by) {
      authors.push(...(splitAuthors(by[1]!) ?? [by[1]!.trim()]));
      continue;
    }
    if (PAGE.test(v)) continue;
    const d = parseReferenceDate(v);
    if (d) {
      if (date) continue;
      const next = parts[k + 1];
      if (d.year === null && next && !next.quoted && isBareYear(text.slice(next.value.start, next.value.end))) {
        date = { ...d, year: Number(text.slice(next.value.start, next.value.end).trim()) };
        dateSpan = { start: part.value.start, end: next.value.end };
        k++;
      } else (date = d), (dateSpan = part.value);
      continue;
    }
    // `Global Times editorial`: the kind of piece is not part of the outlet's name.
    names.push({ text: v.replace(/\s+(?:editorial|op-ed|column|commentary|opinion|analysis|report|leader|poll|survey|video|podcast|interview|statement|press release|release|data|figures|tweet)$/i, ''), index: k });
  }

  // Names: outlets by the registry or their wording, persons by their shape, the rest by position.
  let outletName = placedOutlet;
  const unknown: { text: string; index: number }[] = [];
  for (const n of names) {
    // Prose inside the brackets: `(which Reuters could not verify)`, `(The Times has since corrected it.)`.
    if (!looksLikeName(n.text) && !looksLikeStaffByline(n.text)) {
      unknown.push(n);
      continue;
    }
    const known = registry.byName(n.text);
    if (!outletName && (known || looksLikeOutletName(n.text)) && !looksLikeStaffByline(n.text)) {
      outletName = n.text;
      continue;
    }
    const persons = splitAuthors(n.text);
    if (persons) authors.push(...persons);
    else unknown.push(n);
  }
  for (const n of unknown) {
    if (!looksLikeName(n.text)) continue;
    if (!outletName && (titleIndex < 0 || n.index > titleIndex || authors.length > 0)) outletName = n.text;
    else if (titleIndex >= 0 && n.index < titleIndex && /^\p{Lu}/u.test(n.text) && !/\s/.test(n.text)) authors.push(n.text); // a surname alone
  }
  if (unknown.some((n) => !looksLikeName(n.text)) && !title && !url && !ibid && !via && !placedOutlet) return null;

  let outletKey: string | null = null;
  if (outletName) outletKey = registry.byName(outletName)?.key ?? null;
  if (!outletName && url) {
    const host = hostOf(url);
    const facts = host ? registry.byHost(host) : null;
    outletName = facts?.name ?? host;
    outletKey = facts?.key ?? null;
  }

  const isCitation =
    ibid ||
    url !== null ||
    via !== null ||
    placedOutlet !== null ||
    (title !== null && (date !== null || outletName !== null || authors.length > 0)) ||
    (date !== null && (outletName !== null || authors.length > 0)) ||
    (outletName !== null && names.length === 1 && parts.length === 1 && (outletKey !== null || looksLikeOutletName(outletName, true)) && !looksLikePersonName(outletName));
  if (!isCitation) return null;

  return { ibid, authors, title, outletName, outletKey, date, dateSpan, dateText: dateSpan ? text.slice(dateSpan.start, dateSpan.end) : null, url, via };
}

/** Parentheticals that cannot be references, rejected before any parsing. */
function rejectsAtOnce(raw: string): boolean {
  if (/^[RDIL]-[\p{Lu}][\p{L}.]*(?:\s[\p{Lu}][\p{L}.]*)?\.?$/u.test(raw)) return true; // (R-Texas), (D-N.Y.)
  if (/^[\p{Ll}\s.,!?'’-]+$/u.test(raw) && !/\bibid\b|\bidem\b|www\.|\.com\b/i.test(raw)) return true; // (uncorroborated), (see below)
  if (/^[\d\s.,%$€£-]+$/.test(raw)) return true; // (2015), (40%)
  // Picture credits: (Photo: Reuters), (AP Photo/Evan Vucci), (AFP/Getty Images).
  if (/^(?:photo|photograph|image|picture|video|credit|graphic|illustration|file photo)s?\b|\bphoto\b|getty images|shutterstock|\bepa\b/i.test(raw)) return true;
  return false;
}

function parseVia(textOfVia: string, registry: OutletRegistry): ParsedVia {
  const mention = registry.findMentions(textOfVia)[0];
  if (mention) return { text: textOfVia, outletName: textOfVia.slice(mention.span.start, mention.span.end), outletKey: mention.outlet.key };
  const stripped = textOfVia.replace(/^(?:a|an|the)\s+/i, '').replace(/\s+(?:report|reports|article|story|statement|piece|dispatch)$/i, '');
  const known = registry.byName(stripped);
  if (known) return { text: textOfVia, outletName: stripped, outletKey: known.key };
  const name = /^\p{Lu}/u.test(stripped) && !looksLikePersonName(stripped) ? stripped : null;
  return { text: textOfVia, outletName: name, outletKey: null };
}

/** `Iran Front Page, 5 June` inside one part: `posted on Iran Front Page on 5 June`. */
function splitTrailingDate(s: string): { name: string; date: PartialDate | null } {
  const m = /^(.*?)\s+(?:on\s+)?(\d{1,2}\s+\p{L}+\.?(?:\s+\d{4})?|\p{L}+\.?\s+\d{1,2}(?:,?\s+\d{4})?)$/u.exec(s);
  if (m) {
    const d = parseReferenceDate(m[2]!);
    if (d) return { name: m[1]!.trim(), date: d };
  }
  return { name: s, date: null };
}

function hostOf(url: string): string | null {
  try {
    return new URL(/^https?:/i.test(url) ? url : `http://${url}`).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
