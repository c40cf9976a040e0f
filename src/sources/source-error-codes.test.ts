import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SOURCE_ERROR_CODES } from './source-error-codes.js';

const errorsDoc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');

// docs/errors.md lists every source code: a new code without its line there fails here.
describe('SOURCE_ERROR_CODES', () => {
  it.each(Object.keys(SOURCE_ERROR_CODES))('%s is in docs/errors.md', (code) => {
    expect(errorsDoc).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
  });
});
