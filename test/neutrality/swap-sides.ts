/**
 * Swaps the two sides of an article: every name of one side becomes its counterpart's and back,
 * in one pass (so `Varnia` → `Kestria` is not turned back again). Longest names first, whole words.
 */
export function createSideSwap(pairs: readonly (readonly [string, string])[]): (text: string) => string {
  const map = new Map<string, string>();
  for (const [a, b] of pairs) {
    if (map.has(a) || map.has(b)) throw new Error(`Expected each name once, but \`${map.has(a) ? a : b}\` repeats.`);
    map.set(a, b);
    map.set(b, a);
  }
  const names = [...map.keys()].sort((x, y) => y.length - x.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`\\b(?:${names.join('|')})\\b`, 'g');
  return (text) => text.replace(pattern, (m) => map.get(m)!);
}

/** The two fictional countries, their adjectives and the people who speak for each side. */
export const SIDES: readonly (readonly [string, string])[] = [
  ['Varnia', 'Kestria'],
  ['Varnian', 'Kestrian'],
  ['Ilse Korva', 'Mara Drach'],
  ['Korva', 'Drach'],
  ['Jana Holm', 'Vera Brek'],
  ['Holm', 'Brek'],
];
