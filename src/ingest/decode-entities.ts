/** Entities left in text that was escaped twice (`Actuary&amp;#8217;s` arrives as `Actuary&#8217;s`). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|nbsp|rsquo|lsquo|rdquo|ldquo|ndash|mdash|hellip);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (l.startsWith('#x')) return safeCodePoint(parseInt(l.slice(2), 16), m);
    if (l.startsWith('#')) return safeCodePoint(parseInt(l.slice(1), 10), m);
    return ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–', mdash: '—', hellip: '…' } as Record<string, string>)[l] ?? m;
  });
}

function safeCodePoint(n: number, fallback: string): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff && !(n >= 0xd800 && n <= 0xdfff) ? String.fromCodePoint(n) : fallback;
}

