/**
 * RFC 4180 CSV: comma-separated, CRLF line ends, fields quoted when they hold a comma, quote,
 * CR or LF (quotes doubled). Null and undefined are empty fields; values are written as they are.
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  let out = csvRow(header);
  for (const row of rows) out += csvRow(row);
  return out;
}

export function csvRow(fields: readonly unknown[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
