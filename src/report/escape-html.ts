/**
 * Escaping for the HTML report. Everything that comes from an article (its text, title, URLs,
 * quotes, speaker and outlet names, citation fields) goes through one of these before it
 * reaches the page: the report must be safe to open whatever the article holds.
 */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an element's content or a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] ?? c);
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL if it is absolute http, https or mailto, else null: `javascript:`, `data:`, `vbscript:`,
 * `file:` and relative or malformed URLs are dropped (a report has no base to resolve them against).
 * Control characters and white space are refused rather than stripped, because browsers strip
 * them before reading the scheme (`java\tscript:` runs as `javascript:`).
 */
export function safeUrl(url: string | null | undefined): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 4096) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!SAFE_SCHEMES.has(parsed.protocol)) return null;
  return parsed.href;
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become `\u003c` etc., so
 * no string in the data can close the element (`</script>`) or open a comment (`<!--`).
 * U+2028 and U+2029 are escaped too, for readers that still treat them as line ends.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A link when the URL is http(s) or mailto, else the URL as plain text (never an `href`). */
export function linkOrText(url: string, label: string = url): string {
  const safe = safeUrl(url);
  return safe
    ? `<a href="${escapeHtml(safe)}" rel="noopener noreferrer nofollow">${escapeHtml(label)}</a>`
    : `<span class="unsafe-url" title="link removed: not an http, https or mailto address">${escapeHtml(label)}</span>`;
}
