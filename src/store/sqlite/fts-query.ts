/**
 * Turns what a person types into an FTS5 query that cannot be a syntax error: every word
 * becomes a quoted term (all must match), and text in double quotes stays a phrase.
 * `tax "carbon border" levy` → `"tax" "carbon border" "levy"`. FTS5 operators typed by the
 * user (`AND`, `NEAR`, `*`, `-`) are taken as words. Returns null when no word is left.
 */
export function toFtsQuery(input: string): string | null {
  const terms: string[] = [];
  const parts = input.split('"');
  parts.forEach((part, i) => {
    const words = part.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length === 0) return;
    // Odd parts sat between double quotes (an unclosed quote runs to the end).
    if (i % 2 === 1) terms.push(`"${words.join(' ')}"`);
    else for (const w of words) terms.push(`"${w}"`);
  });
  return terms.length > 0 ? terms.join(' ') : null;
}
