/** Byline parsing: the names in "By Jane Doe and John Roe | March 4, 2025", nothing else. */

const PREFIX = /^(?:(?:written|posted|reported|reviewed|authored|words|story|article|edited|text)\s+)?by\s*:?\s*(?=\S)|^(?:authors?|writer|posted by|authored by)\s*:\s*/i;
/** "Jul 11 Written By Paige Brunton", "This post was written by Danielle Padula": the name follows. */
const WRITTEN_BY = /^.*?\b(?:written|posted|authored|reported)\s+by\s*:?\s*/i;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** Dates and times inside a byline ("Dec. 19, 2025", "2022-11-23T08:10+02:00", "12/05/2024", "10:30 am"). */
const DATE_IN_BYLINE = new RegExp(
  `\\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?(?!\\s+${MONTH})(?:,?\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?(?:,?\\s+\\d{4})?)\\b|\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.+-]+Z?)?|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b|\\b\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?|(?<!\\d)\\d{4}(?!\\d)`,
  'gi',
);
/** Lower-case words that may sit inside a name ("Marna van der Merwe", "Center for Drug Evaluation and Research"). */
const NAME_PARTICLES = new Set(['van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'von', 'bin', 'al', 'el', 'y', 'del', 'dos', 'das', 'ter', 'ten', 'for', 'of', 'the', 'and']);
/** Words that do not occur in names: a byline holding one is a sentence or page furniture. */
const NOT_IN_NAME = /\b(by|with|view|written|posted|read|more|edition|min|mins|minutes?|ago|updated|published|share|follow|comments?|reply|about|this|was|is|are|has|have|on behalf|in|at|from|to)\b/i;
const NOT_A_NAME = /^(author|authors|share|follow|more|about|learn more|read more|view all|view profile|see all|see more|all posts|more posts|all articles|view all posts|posts?|admin|administrator|comments?|menu|home|search|subscribe|sign in|log in|contact|unknown|guest|editor|editorial|the author|(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)\.?|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)$/i;
/** Words of a job title: after a comma they describe the name before it ("Paul Frew, Security Expert"). */
const TITLE_WORDS = /\b(expert|editor|writer|director|manager|ceo|cto|founder|co-founder|correspondent|reporter|contributor|specialist|analyst|consultant|journalist|educator|professor|president|officer|head|lead|md|phd|rn|dvm|dietitian|nutritionist|therapist|physician|nurse|doctor|attorney|lawyer|engineer|scientist|researcher|coach|trainer|chef|strategist|designer|developer|marketer|coordinator)\b/i;

/** True when a piece of a byline reads as a name or a team ("Jane Doe", "kirstin boatto", "The Meetingnotes Team"). */
function looksLikeName(s: string): boolean {
  if (s.length < 2 || s.length > 60 || NOT_A_NAME.test(s)) return false;
  if (/https?:|www\.|@\S*\.|\d{3}|\d{1,2}:\d{2}|[{}<>=]|^[a-z]+(\.[a-z]+){3,}$/i.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 6) return false;
  // A bare number is no part of a name ("The 11 Best Wireless Headphones of").
  if (words.length > 1 && words.some((w) => /^\d+$/.test(w))) return false;
  if (words.length > 1 && NOT_IN_NAME.test(s)) return false;
  // A lower-case phrase of several words is a sentence unless its words are all name-like.
  const lower = words.filter((w) => /^[a-z]/.test(w) && !NAME_PARTICLES.has(w));
  return words.length <= 3 || lower.length <= 1;
}

/**
 * Splits a byline into names: strips "By"/"Written by" and dates, splits on "and", "&", ";",
 * "|" and on commas between names, and drops what is not a name
 * ("Mayank Gupta, CEO of CaseBasix" → Mayank Gupta; "Kaufman, Jeff T." stays one name;
 * "Dylan Bailey, MS, RD" keeps its credentials).
 */
export function splitAuthors(raw: string): string[] {
  let s = raw.replace(/\s+/g, ' ').trim();
  if (s === '' || /^https?:\/\//i.test(s)) return [];
  if (WRITTEN_BY.test(s)) s = s.replace(WRITTEN_BY, '');
  s = s.replace(PREFIX, '').replace(DATE_IN_BYLINE, ' | ');
  // Of "name | date | role", the first piece that holds a name.
  // "By Gabby Boucher In Budget Travel, Travel Tips": the category list after "In" is not more names.
  const pieces = s.split(/\s*(?:[|•·⋅—–]|\s-\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+(?=[A-Z\d|])|\bin\s+(?=[A-Z]))\s*/i)
    .map((p) => p.replace(PREFIX, '').replace(/^[,;:\s-]+|[,;:\s-]+$/g, '').trim())
    .filter((p) => p !== '');
  for (const piece of pieces) {
    const names = namesIn(piece);
    if (names.length > 0) return names;
  }
  return [];
}

function namesIn(s: string): string[] {
  const out: string[] = [];
  for (const group of splitIfAllNames(s, /\s*(?:;|\s&\s|\sand\s|\sund\s|\set\s)\s*/i)) {
    const parts = group.split(/\s*,\s*/).filter((p) => p !== '');
    // "Kaufman, Jeff T.": a one-word surname before the comma is "Last, First", not two people.
    if (parts.length === 2 && !parts[0]!.includes(' ') && parts[1]!.split(' ').length <= 2 && looksLikeName(group)) {
      out.push(group.trim());
      continue;
    }
    let last: number | null = null;
    for (const [i, p] of parts.entries()) {
      const name = p.replace(PREFIX, '').replace(/\s*\([^)]*@[^)]*\)$/, '').trim();
      // "Dylan Bailey, MS, RD" / "Genevieve Carlton, Ph.D.": credentials stay with the name.
      if (i > 0 && last !== null && CREDENTIAL.test(name)) {
        out[last] = `${out[last]}, ${name}`;
        continue;
      }
      if (i > 0 && TITLE_WORDS.test(name)) continue;
      if (looksLikeName(name)) {
        out.push(name);
        last = out.length - 1;
      } else last = null;
    }
  }
  // "Paul Frew, Home and Digital Security Expert": a job title is not a second author.
  return out.length > 1 ? out.filter((n, i) => i === 0 || !TITLE_WORDS.test(n)) : out;
}

/** Post-nominal letters: "MS", "RD", "Ph.D.", "M.D. FACLM", "CEPF®". */
const CREDENTIAL = /^(?:(?:[A-Z][A-Za-z]?\.?){1,3}[A-Z]*\.?|[A-Z][A-Z-]{1,8}®?|Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|I{2,3}|[A-Z-]+ \d{2,3})(?:\s+[A-Z]{2,6})*$/;

/** Splits on `separator` only when every piece is a name ("Center for Drug Evaluation and Research" stays whole). */
function splitIfAllNames(s: string, separator: RegExp): string[] {
  const pieces = s.split(separator).filter((p) => p.trim() !== '');
  if (pieces.length <= 1) return [s];
  const firstOfEach = pieces.map((p) => p.split(/\s*,\s*/)[0]!.replace(PREFIX, '').trim());
  const functionWord = pieces.some((p) => /\s(for|of|the|on|in)\s/i.test(` ${p} `));
  return !functionWord && firstOfEach.every(looksLikeName) ? pieces : [s];
}
