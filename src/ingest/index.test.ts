import { describe, expect, it } from 'vitest';
import * as ingest from './index.js';

describe('ingest public surface', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(ingest).sort()).toEqual([
      'DEFAULT_MAX_BYTES',
      'INPUT_DIAGNOSTIC_CODES',
      'INPUT_ERROR_CODES',
      'decodeBytes',
      'extractHtml',
      'listArticleFiles',
      'normaliseDate',
      'readArticle',
    ]);
  });

  it('lists the error codes with one-line meanings', () => {
    expect(Object.keys(ingest.INPUT_ERROR_CODES)).toEqual([
      'E_NOT_FOUND', 'E_IS_DIRECTORY', 'E_NOT_DIRECTORY', 'E_UNREADABLE', 'E_TOO_LARGE', 'E_EMPTY', 'E_BINARY', 'E_ENCODING', 'E_GZIP', 'E_NO_ARTICLE',
    ]);
  });
});
