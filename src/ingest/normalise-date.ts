const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Normalises a date as pages write it into ISO 8601, keeping the page's own local date and
 * offset (converting `2025-09-04T23:30:00-05:00` to UTC would move it to the 5th).
 * Returns `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS][offset]`, or null when it is not a date.
 * Examples: `2025-09-04 10:00` → `2025-09-04T10:00`; `September 4, 2025` → `2025-09-04`;
 * `Thu, 04 Sep 2025 10:00:00 GMT` → `2025-09-04T10:00:00Z`.
 */
export function normaliseDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return null;

  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:[.,]\d+)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?\b/i.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], m[7]);
  m = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], undefined);
  m = /^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/.exec(s);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m[4], m[5], m[6], undefined);
  m = /^(\d{10}|\d{13})$/.exec(s);
  if (m) {
    const ms = m[1]!.length === 10 ? +m[1]! * 1000 : +m[1]!;
    const d = new Date(ms);
    return build(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), pad(d.getUTCHours()), pad(d.getUTCMinutes()), pad(d.getUTCSeconds()), 'Z');
  }
  // Month names: "September 4, 2025", "Sep. 4 2025 10:00 AM", "Thu, 04 Sep 2025 10:00:00 GMT", "4 September 2025"
  const words = s.replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, '');
  m = /^([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})(?:,? (?:at )?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?)?/i.exec(words);
  if (m && MONTHS[m[1]!.toLowerCase()]) return build(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!, hour12(m[4], m[7]), m[5], m[6], undefined);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\.? ([a-z]{3,9})\.?,? (\d{4})(?:,? (?:at )?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?/i.exec(words);
  if (m && MONTHS[m[2]!.toLowerCase()]) return build(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!, hour12(m[4], m[7]), m[5], m[6], m[8]);
  return null;
}

function hour12(h: string | undefined, ampm: string | undefined): string | undefined {
  if (h === undefined || !ampm) return h;
  let n = +h % 12;
  if (/^p/i.test(ampm)) n += 12;
  return pad(n);
}

function build(y: number, mo: number, d: number, h?: string, mi?: string, sec?: string, zone?: string): string | null {
  if (!validDate(y, mo, d)) return null;
  const date = `${y}-${pad(mo)}-${pad(d)}`;
  if (h === undefined || mi === undefined || +h > 23 || +mi > 59) return date;
  let z = '';
  if (zone) {
    if (/^(Z|UTC|GMT)$/i.test(zone)) z = 'Z';
    else {
      const zm = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
      if (zm) z = `${zm[1]}${zm[2]}:${zm[3] ?? '00'}`;
    }
  }
  return `${date}T${pad(h)}:${mi}${sec !== undefined ? `:${pad(sec)}` : ''}${z}`;
}
