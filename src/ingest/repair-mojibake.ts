/** A UTF-8 sequence read as Latin-1/Windows-1252 that holds a C1 control character ("â\u0080\u0099" for "’"). */
const DOUBLE_ENCODED = /[\u00c2-\u00f4][\u0080-\u00bf]{1,3}/g;
const C1 = /[\u0080-\u009f]/;

/**
 * Undoes UTF-8 text that was decoded as Latin-1 and saved again as UTF-8 ("Investorâ\u0080\u0099s"
 * → "Investor’s"), as some CMSs and archives do. Only sequences holding a C1 control character
 * are touched: those never occur in real text, while "Ã¤" may be meant (a page about mojibake).
 */
export function repairMojibake(s: string): string {
  if (!C1.test(s)) return s;
  return s.replace(DOUBLE_ENCODED, (m) => {
    if (!C1.test(m)) return m;
    const bytes = Buffer.from(m, 'latin1');
    const lead = bytes[0]!;
    const want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (bytes.length !== want) return m;
    const out = bytes.toString('utf8');
    return out.includes('\ufffd') ? m : out;
  });
}
