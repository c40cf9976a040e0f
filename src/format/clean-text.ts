/**
 * Untrusted article text shown in a terminal or Markdown must not carry control sequences
 * (an ANSI escape in a quote could rewrite the user's screen) nor break the layout.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(s: string): string {
  return s.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

export function clip(s: string, max: number): string {
  const t = forTerminal(s);
  return t.length <= max ? t : `${t.slice(0, max - 1)}…`;
}

/** Escapes text for Markdown inline content and table cells. */
export function forMarkdown(s: string): string {
  return forTerminal(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}\[\]()#+!|~])/g, '\\$1');
}
