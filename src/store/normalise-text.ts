import { foldName } from '../registry/normalise-name.js';

// Titles that come and go between articles: `Sen. Elizabeth Warren` and `Elizabeth Warren` are one
// speaker. Dropped for people only: `General Motors` keeps its first word.
const TITLES = new Set(
  ('mr mrs ms miss mx dr prof professor sir dame lord lady rev father sen senator rep representative gov governor ' +
    'mayor president pres vice prime minister secretary chancellor premier ambassador judge justice gen general ' +
    'col colonel capt captain lt sgt adm admiral chief commissioner spokesman spokeswoman spokesperson')
    .split(' '),
);

/**
 * The key speakers are grouped by across articles: folded case and accents, no punctuation,
 * and for people no leading title (`Dr. José Ramos-Horta` → `jose ramos horta`, `Prime Minister
 * Mark Carney` → `mark carney`). Null when nothing is left.
 */
export function speakerKey(name: string | null | undefined, kind: string = 'person'): string | null {
  if (!name) return null;
  const words = foldName(name).split(' ').filter(Boolean);
  if (kind === 'person') while (words.length > 1 && TITLES.has(words[0]!)) words.shift();
  const key = words.join(' ');
  return key === '' ? null : key;
}

/**
 * Quote content in the form used to recognise the same words in another article: folded case,
 * straight quotes and dashes, no punctuation, single spaces (`“We won’t—ever.”` → `we wont ever`).
 */
export function normaliseQuoteContent(content: string): string {
  return foldName(content);
}
