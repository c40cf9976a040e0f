/**
 * Is a bare name in a reference a person (an author) or an outlet? `Anna Reyes` writes,
 * `Iran Front Page` publishes. The registry answers for known outlets; for the rest, words that
 * only outlets use in their names (`Times`, `Agency`, `Page`, `.com`) decide.
 */

const OUTLET_WORDS = new Set(
  (
    'times post news daily journal herald tribune gazette press agency tv television radio review magazine monitor observer ' +
    'guardian telegraph online network media chronicle report today wire insider week weekly standard mail express star sun ' +
    'globe record bulletin courier dispatch examiner independent inquirer ledger mirror register reporter sentinel statesman ' +
    'voice blog channel broadcasting service institute institution foundation center centre council ministry office committee ' +
    'organisation organization watch project university group commission department bureau page front post reuters company ' +
    'corporation network websites website site forum portal tribune telegram gazeta pravda now live pundit dispatch international rights amnesty poll survey'
  ).split(' '),
);

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'du', 'la', 'le', 'ben', 'abu', 'dos', 'del', 'ter', 'y']);

// `Times staff`, `Editorial Board`, `Our correspondent`: bylines that are not a person.
const STAFF = /^(?:(?:[A-Z][\w'’.-]*\s+){0,3})?(?:staff(?:\s+writers?|\s+reporters?)?|editorial\s+board|editors|the\s+editors|correspondents?|news\s+desk|staff\s+and\s+agencies)$/i;

export function looksLikeOutletName(name: string): boolean {
  if (/\.[a-z]{2,}(?:\/|$)/i.test(name)) return true; // `ifpnews.com`
  const words = name.toLowerCase().split(/[\s\-/]+/);
  return words.some((w) => OUTLET_WORDS.has(w.replace(/[’'.,]+$/, '').replace(/[’']s$/, '')));
}

export function looksLikeStaffByline(name: string): boolean {
  return STAFF.test(name.trim());
}

/** `Anna Reyes`, `J. K. Rowling`, `Ahmad al-Masri`, `Nguyen Van Anh`: two to five name words. */
export function looksLikePersonName(name: string): boolean {
  const tokens = name.trim().replace(/\s+et\s+al\.?$/i, '').split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  let capitals = 0;
  for (const t of tokens) {
    if (/^\p{Lu}\.$/u.test(t) || /^(?:\p{Lu}\.){2,}$/u.test(t)) {
      capitals++;
      continue;
    }
    if (/^\p{Lu}[\p{L}’'-]*\.?$/u.test(t) && !/^\p{Lu}{2,}$/u.test(t)) {
      capitals++;
      continue;
    }
    if (PARTICLES.has(t.toLowerCase().replace(/-.*$/, ''))) continue;
    return false;
  }
  return capitals >= 2 && !looksLikeOutletName(name);
}

/** `Anna Reyes and Tom Lee`, `Reyes & Lee` → the persons; null when any piece is not one. */
export function splitAuthors(name: string): string[] | null {
  const s = name.replace(/^by\s+/i, '').trim();
  if (looksLikeStaffByline(s)) return [s];
  const pieces = s.split(/\s+(?:and|&)\s+/);
  if (pieces.every(looksLikePersonName)) return pieces.map((p) => p.trim());
  // `Reyes et al.` keeps the surname.
  if (/^\p{Lu}[\p{L}’'-]+\s+et\s+al\.?$/u.test(s)) return [s];
  return null;
}
