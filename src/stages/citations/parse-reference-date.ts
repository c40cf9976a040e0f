/**
 * Dates as references write them: `4 June 2015`, `June 4, 2015`, `11 February`, `Feb. 11`,
 * `2015-06-04`, `May 2019`, `2015`. A day and month without a year stay partial until
 * `resolveReferenceDate` places them before the article's publication.
 */

export interface PartialDate {
  readonly year: number | null;
  readonly month: number | null;
  readonly day: number | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
  // French, for references to Le Monde or Le Figaro: `16 septembre 2021`.
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8, septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
};

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre)\\.?';
const WEEKDAY = '(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d\\d)';

const DAY_MONTH = new RegExp(`^${WEEKDAY}${DAY}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?$`, 'i');
const MONTH_DAY = new RegExp(`^${WEEKDAY}${MONTH}\\s+${DAY}(?:,?\\s+${YEAR})?$`, 'i');
const MONTH_YEAR = new RegExp(`^${MONTH}\\s+${YEAR}$`, 'i');
const ISO = /^((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?$/;
const YEAR_ONLY = new RegExp(`^${YEAR}$`);
// `3/5/2019`: read day first (as most of the world writes it) unless only month-first is possible.
const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)$/;

// `posted 5 June`, `updated June 5`, `accessed 3 May 2020`.
const LEAD = /^(?:posted|published|updated|accessed|retrieved|dated|on)\s+(?:on\s+)?/i;

/** Parses a whole reference part as a date, or returns null. */
export function parseReferenceDate(part: string): PartialDate | null {
  const s = part.trim().replace(LEAD, '').replace(/\s+/g, ' ');
  if (s.length > 40) return null;
  let m = DAY_MONTH.exec(s);
  if (m) return checked(m[3] ? Number(m[3]) : null, monthOf(m[2]!), Number(m[1]));
  m = MONTH_DAY.exec(s);
  if (m) return checked(m[3] ? Number(m[3]) : null, monthOf(m[1]!), Number(m[2]));
  m = MONTH_YEAR.exec(s);
  if (m) return { year: Number(m[2]), month: monthOf(m[1]!), day: null };
  m = ISO.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null);
  m = NUMERIC.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    return b > 12 ? checked(Number(m[3]), a, b) : checked(Number(m[3]), b, a);
  }
  m = YEAR_ONLY.exec(s);
  if (m) return { year: Number(m[1]), month: null, day: null };
  return null;
}

/** True for a bare year, which may continue the previous part (`June 4, 2015` splits at its comma). */
export function isBareYear(part: string): boolean {
  return YEAR_ONLY.test(part.trim());
}

function monthOf(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function checked(year: number | null, month: number, day: number | null): PartialDate | null {
  if (month < 1 || month > 12) return null;
  if (day !== null && (day < 1 || day > daysIn(month, year ?? 2000))) return null;
  return { year, month, day };
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

export interface ResolvedDate {
  readonly date: string;
  /** How the year was found: written, inferred from publication, or unknown. */
  readonly year: 'written' | 'inferred' | 'unknown';
}

/**
 * ISO 8601 for a partial date. A day and month without a year take the year that makes them the
 * most recent such date on or before `published` (a piece published 10 January 2016 citing
 * "30 December" means 2015-12-30); without a publication date they stay `--MM-DD`.
 */
export function resolveReferenceDate(d: PartialDate, published: string | null): ResolvedDate {
  if (d.year !== null) {
    const date = d.month === null ? String(d.year) : d.day === null ? `${d.year}-${pad(d.month)}` : `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    return { date, year: 'written' };
  }
  const month = d.month ?? 1;
  const day = d.day ?? 1;
  const pub = published ? /^(\d{4})-(\d\d)-(\d\d)/.exec(published) : null;
  if (!pub) return { date: `--${pad(month)}-${pad(day)}`, year: 'unknown' };
  const [py, pm, pd] = [Number(pub[1]), Number(pub[2]), Number(pub[3])];
  let year = month < pm || (month === pm && day <= pd) ? py : py - 1;
  // 29 February needs a leap year: step back to the last one.
  while (day > daysIn(month, year)) year--;
  return { date: `${year}-${pad(month)}-${pad(day)}`, year: 'inferred' };
}
