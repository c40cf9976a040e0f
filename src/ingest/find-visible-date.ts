import type { DomElement } from './dom-types.js';
import { normaliseDate } from './normalise-date.js';

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const PATTERNS: readonly { re: RegExp; read: (m: RegExpExecArray) => string }[] = [
  { re: new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'), read: (m) => `${m[1]} ${m[2]}, ${m[3]}` },
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'i'), read: (m) => `${m[1]} ${m[2]} ${m[3]}` },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, read: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/, read: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  // 03/05/2025 is read the US way (month first) unless the first number cannot be a month.
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, read: (m) => (+m[1]! > 12 ? `${m[3]}-${m[2]}-${m[1]}` : `${m[3]}-${m[1]}-${m[2]}`) },
  { re: /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/, read: (m) => `${m[3]}-${m[2]}-${m[1]}` },
];

/**
 * The first date written in a short text ("Published March 5, 2025 · 4 min read" → 2025-03-05).
 * When the text names both, the date after "published"/"posted" wins over "updated".
 */
export function findDateInText(text: string): string | null {
  const published = /\b(published|posted|written|created|date)\b/i.exec(text);
  const from = published ? text.slice(published.index) : text;
  return firstDate(from) ?? (published ? firstDate(text) : null);
}

function firstDate(text: string): string | null {
  let best: { at: number; value: string } | null = null;
  for (const { re, read } of PATTERNS) {
    const m = re.exec(text);
    if (!m || (best && m.index >= best.at)) continue;
    const value = normaliseDate(read(m));
    if (value) best = { at: m.index, value };
  }
  return best?.value ?? null;
}

/** Class, id or itemprop words that mark an element holding the article's date. */
const DATE_HINT = /date|time|publish|posted|byline|author|meta|updated|dateline|stamp/i;

/**
 * The publication date shown near the headline: a `<time>`, an element whose class says it holds
 * a date, or a short line like "Posted on 4 May 2025". Looks at the elements after the headline
 * first (nearest first), then at a few before it (a date above the title).
 */
export function findVisibleDate(after: readonly DomElement[], before: readonly DomElement[]): string | null {
  return scan(after) ?? scan(before);
}

/** Reads `datetime` however the page capitalised it (`dateTime` in React output). */
function datetimeOf(el: DomElement): string | null {
  return el.getAttribute('datetime') ?? el.getAttribute('dateTime') ?? el.getAttribute('content');
}

/** A short text that starts with a date ("Dec 26, 2025 • Mahua Das in Project Management"). */
const STARTS_WITH_DATE = /^[\s|·•,:–—-]*(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})\b/i;

/** A short text that is only a date ("17.05.2021", "- 2025/4/29", "March 5, 2025"). */
const ONLY_DATE = /^[\s\-–—|·•,:]*(?:on\s+)?[\w .,/]{6,24}[\s\-–—|·•]*$/i;

function scan(elements: readonly DomElement[]): string | null {
  for (const el of elements) {
    const tag = el.nodeName.toUpperCase();
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'NOSCRIPT') continue;
    if (tag === 'TIME') {
      const d = normaliseDate(datetimeOf(el)) ?? findDateInText(el.textContent ?? '');
      if (d) return d;
      continue;
    }
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''}`;
    const raw = el.textContent ?? '';
    if (raw.length > 400) continue;
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text.length > 200) continue;
    if (DATE_HINT.test(hint) || (text.length <= 40 && ONLY_DATE.test(text)) || (text.length <= 120 && STARTS_WITH_DATE.test(text))) {
      const d = normaliseDate(datetimeOf(el)) ?? findDateInText(text);
      if (d) return d;
    } else if (/\b(published|posted|updated|last updated|date)\b|^\s*(on|by)\s/i.test(text) && text.length <= 150) {
      const d = findDateInText(text);
      if (d) return d;
    }
  }
  return null;
}

/** Class names that say "the article's date" wherever they sit (`entry-date`, `c-meta__date`, `published`). */
const STRONG_DATE_CLASS = /(post|entry|article|publish(?:ed)?|pub|meta|blog|story|news)[_-]*(date|time)|date[_-]*(published|posted)|\bpublished\b|\bdateline\b/i;

/** Last resort: the first element anywhere whose class clearly marks the article's date. */
export function findMarkedDate(all: readonly DomElement[]): string | null {
  for (const el of all) {
    const hint = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (!STRONG_DATE_CLASS.test(hint)) continue;
    const text = el.textContent ?? '';
    if (text.length > 200) continue;
    const d = normaliseDate(datetimeOf(el)) ?? findDateInText(text);
    if (d) return d;
  }
  return null;
}
