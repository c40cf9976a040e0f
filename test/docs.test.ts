import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INPUT_DIAGNOSTIC_CODES, INPUT_ERROR_CODES } from '../src/ingest/input-error-codes.js';

const errorsDoc = readFileSync(new URL('../docs/errors.md', import.meta.url), 'utf8');

// The documentation lists every code the code can produce: a new code without a line
// in docs/errors.md fails here.
describe('docs/errors.md', () => {
  it.each(Object.keys(INPUT_ERROR_CODES))('documents %s', (code) => {
    expect(errorsDoc).toContain(`\`${code}\``);
  });
  it.each(Object.keys(INPUT_DIAGNOSTIC_CODES))('documents %s', (code) => {
    expect(errorsDoc).toContain(`\`${code}\``);
  });
});

describe('diagnostic codes of the stages', () => {
  it('are all documented', async () => {
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../src/stages/', import.meta.url).pathname;
    const codes = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
          for (const m of readFileSync(p, 'utf8').matchAll(/diagnostic\(\s*'([a-z]+\/[a-z-]+)'/g)) codes.add(m[1]!);
        }
      }
    };
    walk(root);
    const missing = [...codes].filter((c) => !errorsDoc.includes(`\`${c}\``));
    expect(missing).toEqual([]);
  });
});
