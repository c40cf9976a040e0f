/**
 * Is a bare name in a reference a person (an author) or an outlet? `Anna Reyes` writes,
 * `Iran Front Page` publishes. The registry answers for known outlets; for the rest, words that
 * only outlets use in their names (`Times`, `Agency`, `Page`, `.com`) decide.
 */

// Words only news outlets put in their names.
const MEDIA_WORDS = new Set(
  (
    'times post news daily journal herald tribune gazette press agency tv television radio review magazine monitor observer ' +
    'guardian telegraph online network media chronicle report today wire insider week weekly standard mail express star sun ' +
    'globe record bulletin courier dispatch examiner independent inquirer ledger mirror register reporter sentinel statesman ' +
    'voice blog channel broadcasting page front reuters telegram gazeta pravda now live pundit website site forum portal'
  ).split(' '),
);

// Words of organisations that publish reports (`Human Rights Watch`, `Ministry of Health`): sources, not persons.
const INSTITUTION_WORDS = new Set(
  (
    'service institute institution foundation center centre council ministry office committee organisation organization ' +
    'watch project university group commission department bureau company corporation international rights amnesty poll survey bank fund nations union'
  ).split(' '),
);

const PARTICLES = new Set(['de', 'van', 'von', 'der', 'den', 'al', 'el', 'bin', 'ibn', 'da', 'di', 'du', 'la', 'le', 'ben', 'abu', 'dos', 'del', 'ter', 'y']);

// `Times staff`, `Editorial Board`, `Our correspondent`: bylines that are not a person.
const STAFF = /^(?:(?:[A-Z][\w'’.-]*\s+){0,3})?(?:staff(?:\s+writers?|\s+reporters?)?|editorial\s+board|editors|the\s+editors|correspondents?|news\s+desk|staff\s+and\s+agencies)$/i;

const FUNCTION_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'de', 'del', 'da', 'di', 'du', 'des', 'la', 'le', 'el', 'al', 'al.', 'y', 'et', 'van', 'von', 'der', 'und', '&', '-', '–']);

/**
 * A name, not prose: every word capitalised but for joining words (`Ministry of Health`,
 * `de Volkskrant`, `al-Araby al-Jadeed`), or a host name. `(The New York Times has since
 * corrected the story.)` is prose that mentions an outlet.
 */
export function looksLikeName(name: string): boolean {
  const s = name.trim();
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:\/\S*)?$/i.test(s)) return true;
  const words = s.split(' ');
  if (words.length > 8) return false;
  return words.every((w, i) => /^[\p{Lu}\d"“'‘]/u.test(w) || (FUNCTION_WORDS.has(w.toLowerCase()) && (i > 0 || words.length > 1)) || /^(?:al|el|ad|an|as|ash|at|ar|ibn|bin|bint)-/i.test(w));
}

/** A publisher's name by its wording: a news outlet's, or (unless `mediaOnly`) an organisation's. */
export function looksLikeOutletName(name: string, mediaOnly = false): boolean {
  if (/\.[a-z]{2,}(?:\/|$)/i.test(name)) return true; // `ifpnews.com`
  const words = name.toLowerCase().split(/[\s\-/]+/).map((w) => w.replace(/[’'.,]+$/, '').replace(/[’']s$/, ''));
  return words.some((w) => MEDIA_WORDS.has(w) || (!mediaOnly && INSTITUTION_WORDS.has(w)));
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
