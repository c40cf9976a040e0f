import { ClaimtraceError } from '../core/diagnostics.js';

/**
 * Every error code that reading an input can throw, with its one-line meaning.
 * The CLI lists these (and maps them to exit statuses); the docs print this table.
 * Codes are stable: add new ones, never rename.
 */
export const INPUT_ERROR_CODES = Object.freeze({
  E_NOT_FOUND: 'The path does not exist.',
  E_IS_DIRECTORY: 'A directory was given where a file was expected.',
  E_NOT_DIRECTORY: 'A file was given where a directory was expected (listing article files).',
  E_UNREADABLE: 'The file exists but could not be read (permissions, I/O error).',
  E_TOO_LARGE: 'The input is larger than the size limit (default 20 MiB, see `maxBytes`).',
  E_EMPTY: 'The input is empty or holds only white space.',
  E_BINARY: 'The input is binary (NUL bytes, control characters or a known binary format such as PDF, ZIP, PNG).',
  E_ENCODING: 'The bytes are neither valid UTF-8/UTF-16 nor plausible Windows-1252 text.',
  E_GZIP: 'A gzip-compressed input is truncated or corrupt.',
  E_NO_ARTICLE: 'The HTML page holds no visible text to read as an article.',
} as const);

export type InputErrorCode = keyof typeof INPUT_ERROR_CODES;

/** Builds the error thrown for one input; the message should name the file and say what to do. */
export function inputError(code: InputErrorCode, message: string, cause?: unknown): ClaimtraceError {
  return new ClaimtraceError(code, message, cause === undefined ? undefined : { cause });
}

/** Diagnostic codes ingest may attach to a document (problems as data, not errors). */
export const INPUT_DIAGNOSTIC_CODES = Object.freeze({
  'input/bom-stripped': 'A byte-order mark was removed from the start of the text; offsets count from after it.',
  'input/encoding-guessed': 'The bytes were not valid UTF-8 and were decoded as another encoding (usually Windows-1252).',
  'input/encoding-declared': 'The bytes were not valid UTF-8 and were decoded with the charset the HTML page declares.',
  'input/control-characters': 'The text holds a few control characters; they were kept so offsets stay true.',
  'input/no-readable-article': 'Readability found no article; the whole page text was used instead.',
  'input/html-flattened': 'The HTML was nested too deeply; wrapper tags were dropped before extraction.',
  'input/unresolved-links': 'Some links were relative and the page has no URL to resolve them against; they were dropped.',
} as const);
