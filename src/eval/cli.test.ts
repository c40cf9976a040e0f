import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// Runs the built CLI (`npm test` builds first), against a tiny stand-in for ../shared.
const cli = fileURLToPath(new URL('../../dist/eval/cli.js', import.meta.url));
const run = (args: string[], shared: string) =>
  promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, CLAIMTRACE_SHARED: shared } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

function fakeShared(): string {
  const shared = mkdtempSync(join(tmpdir(), 'claimtrace-eval-'));
  const root = join(shared, 'datasets', 'polnear');
  mkdirSync(join(root, 'dev', 'text'), { recursive: true });
  mkdirSync(join(root, 'jsonl'), { recursive: true });
  const text = '“We will win,” Smith said.';
  writeFileSync(join(root, 'dev', 'text', 'a.txt'), text);
  const gold = { id: 'a', text, quotes: [{ cue: [{ start: 20, end: 24 }], sources: [{ start: 14, end: 19 }], contents: [{ start: 1, end: 13 }] }] };
  writeFileSync(join(root, 'jsonl', 'dev.jsonl'), JSON.stringify(gold) + '\n');
  const pred = { source: { path: 'x/a.txt' }, text, quotes: [{ kind: 'direct', content: [{ start: 1, end: 13 }], cue: null, speaker: { mention: { start: 14, end: 19 } } }] };
  writeFileSync(join(shared, 'pred.jsonl'), JSON.stringify(pred) + '\n');
  return shared;
}

describe('npm run eval', () => {
  it('says the check was skipped, and exits 0, when there is no data', async () => {
    const r = await run(['--check'], join(tmpdir(), 'no-such-shared-dir'));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/check SKIPPED/);
  });

  it('exits non-zero without data when not checking', async () => {
    expect((await run([], join(tmpdir(), 'no-such-shared-dir'))).code).toBe(1);
  });

  it('scores a prediction file and the naive baseline', async () => {
    const shared = fakeShared();
    const scored = await run(['--json', '--pred', join(shared, 'pred.jsonl')], shared);
    expect(scored.code).toBe(0);
    expect(JSON.parse(scored.stdout).headline['quotes.Q.attrF1']).toBe(1);
    const baseline = await run(['--json', '--baseline'], shared);
    expect(JSON.parse(baseline.stdout).headline['quotes.A.attrF1']).toBe(1);
  });

  it('refuses to record scores that are not the analyzer’s', async () => {
    const shared = fakeShared();
    expect((await run(['--record', '--baseline'], shared)).code).toBe(2);
  });
});
