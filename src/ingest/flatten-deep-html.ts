/**
 * Hostile pages nest elements thousands deep (`<div>` × 100,000). The HTML parser is quadratic
 * in depth and Readability recurses, so before parsing we drop the tags below a depth limit and
 * keep their text. Linear: one scan of the markup, no DOM.
 */
export const MAX_HTML_DEPTH = 200;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command']);
/** Elements whose end tag is optional: the parser closes them implicitly, so they add no depth. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', 'html', 'head', 'body']);
const TOKEN = /<!--[\s\S]*?-->|<(script|style|textarea|title|xmp|plaintext)\b[^>]*>[\s\S]*?<\/\1\s*>|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/gi;

export interface FlattenResult {
  readonly html: string;
  /** The depth the markup reached (by counting tags, not parsing). */
  readonly depth: number;
  readonly flattened: boolean;
}

export function flattenDeepHtml(html: string, limit = MAX_HTML_DEPTH): FlattenResult {
  const depth = measure(html, limit, null);
  if (depth <= limit) return { html, depth, flattened: false };
  const out: string[] = [];
  measure(html, limit, out);
  return { html: out.join(''), depth, flattened: true };
}

function measure(html: string, limit: number, out: string[] | null): number {
  let depth = 0;
  let max = 0;
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    const name = m[3]?.toLowerCase();
    if (!name || VOID.has(name) || IMPLIED_END.has(name) || m[4] === '/') continue;
    let drop = false;
    if (m[2] === '/') {
      drop = depth > limit;
      if (depth > 0) depth--;
    } else {
      depth++;
      if (depth > max) max = depth;
      drop = depth > limit;
    }
    if (drop && out) {
      out.push(html.slice(last, m.index), ' ');
      last = m.index + m[0].length;
    }
  }
  if (out) out.push(html.slice(last));
  return max;
}
