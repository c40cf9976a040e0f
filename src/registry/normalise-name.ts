/**
 * One normal form for outlet names, shared by the registry builder and the lookups, so that
 * "the FARS news agency", "Fars News Agency" and "Fars" meet at `fars`.
 */

// Trailing words that name the kind of outlet rather than the outlet: `Tasnim News Agency` → `tasnim`.
// Longest first, so `news agency` goes before `news`.
const KIND_SUFFIXES = ['news agency', 'press agency', 'agency', 'newspaper', 'website', 'news'];

/** Lower case, no diacritics or apostrophes, punctuation as spaces, no leading "the", no kind suffix. */
export function normaliseOutletName(name: string): string {
  let s = foldName(name);
  if (s.startsWith('the ')) s = s.slice(4);
  for (let changed = true; changed; ) {
    changed = false;
    for (const suffix of KIND_SUFFIXES) {
      if (s.endsWith(' ' + suffix) && s.length > suffix.length + 1) {
        s = s.slice(0, s.length - suffix.length - 1);
        changed = true;
      }
    }
  }
  return s;
}

/** Lower case, diacritics and apostrophes dropped, other punctuation as single spaces. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True for names written as short acronyms (`RT`, `AP`, `IRNA`, `CGTN`): matched case-sensitively. */
export function isAcronym(name: string): boolean {
  return /^[A-Z][A-Z0-9&]{1,5}$/.test(name);
}
