import type { Span } from './span.js';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in the content (not a misuse of the API): data, never an exception.
 * `code` is stable (`stage/rule`, e.g. `quote/unclosed-mark`) so tools can filter on it.
 */
export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly span?: Span;
}

export function diagnostic(code: string, message: string, options: { severity?: Severity; span?: Span } = {}): Diagnostic {
  const d: { code: string; severity: Severity; message: string; span?: Span } = {
    code,
    severity: options.severity ?? 'warning',
    message,
  };
  if (options.span) d.span = options.span;
  return d;
}

/**
 * A failure that stops one input (unreadable file, binary content, over the size limit …).
 * Carries a stable `code` (E_…) that the CLI prints and maps to an exit status.
 */
export class ClaimtraceError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ClaimtraceError';
    this.code = code;
  }
}

export function isClaimtraceError(e: unknown): e is ClaimtraceError {
  return e instanceof ClaimtraceError;
}
