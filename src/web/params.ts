/**
 * Query parameters of the app's pages, checked before any store call: a page number, a search
 * scope, a minimum edge weight. A bad value is the visitor's mistake, answered with a 400
 * page that says what was expected, never a crash.
 */
import { SEARCH_SCOPES, type SearchScope } from './layout.js';

export const PAGE_SIZE = 20;
/** Page numbers stop here (offset 200,000 at 20 a page): deeper is not browsing. */
export const MAX_PAGE = 10_000;
export const MAX_QUERY_LENGTH = 200;

export class BadRequest extends Error {}

export interface Paging {
  /** 1-based. */
  readonly page: number;
  readonly limit: number;
  readonly offset: number;
}

/** `?page=N` (default 1): a whole number from 1 to MAX_PAGE, written plainly. */
export function readPaging(params: URLSearchParams, size: number = PAGE_SIZE): Paging {
  const raw = params.get('page');
  if (raw === null || raw === '') return { page: 1, limit: size, offset: 0 };
  if (!/^[1-9][0-9]{0,5}$/.test(raw) || Number(raw) > MAX_PAGE) {
    throw new BadRequest(`Expected the page to be a whole number from 1 to ${MAX_PAGE}, not “${raw.slice(0, 40)}”.`);
  }
  const page = Number(raw);
  return { page, limit: size, offset: (page - 1) * size };
}

export function readQuery(params: URLSearchParams): string {
  const q = (params.get('q') ?? '').trim();
  if (q.length > MAX_QUERY_LENGTH) throw new BadRequest(`Expected at most ${MAX_QUERY_LENGTH} characters to search for, not ${q.length}.`);
  return q;
}

export function readScope(params: URLSearchParams): SearchScope {
  const raw = params.get('in');
  if (raw === null || raw === '') return 'all';
  if ((SEARCH_SCOPES as readonly string[]).includes(raw)) return raw as SearchScope;
  throw new BadRequest(`Expected to search in ${SEARCH_SCOPES.join(', ')}, not “${raw.slice(0, 40)}”.`);
}

/** `?min=N`: a whole number from 1 to 1,000,000 (default `fallback`). */
export function readMinWeight(params: URLSearchParams, fallback = 1): number {
  const raw = params.get('min');
  if (raw === null || raw === '') return fallback;
  if (!/^[1-9][0-9]{0,6}$/.test(raw) || Number(raw) > 1_000_000) {
    throw new BadRequest(`Expected the minimum weight to be a whole number from 1 to 1000000, not “${raw.slice(0, 40)}”.`);
  }
  return Number(raw);
}

/** A positive integer id from a path segment (`/article/12`). */
export function readId(segment: string, what: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(segment)) throw new BadRequest(`Expected ${what} to be a whole number above zero, not “${segment.slice(0, 40)}”.`);
  return Number(segment);
}

/** A key from a path segment (`/speaker/ana%20sousa`), decoded. */
export function readKey(segment: string, what: string): string {
  let key: string;
  try {
    key = decodeURIComponent(segment);
  } catch {
    throw new BadRequest(`Expected ${what} to be URL-encoded text; “${segment.slice(0, 40)}” is not.`);
  }
  if (key.trim() === '' || key.length > 2000) throw new BadRequest(`Expected ${what} of 1 to 2000 characters.`);
  return key;
}
