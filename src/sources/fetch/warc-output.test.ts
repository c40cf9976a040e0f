import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWarc } from '../warc/read-warc.js';
import { WarcOutput } from './warc-output.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimtrace-warc-out-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function warcinfoCount(path: string): Promise<number> {
  let n = 0;
  for await (const r of readWarc(path)) if (r.kind === 'other' && r.header.type === 'warcinfo') n++;
  return n;
}

describe('WarcOutput: one writer at a time', () => {
  it('keeps a second run out with E_WARC_LOCKED while the first appends, and lets it in afterwards', async () => {
    const path = join(dir, 'fetched.warc.gz');
    const first = await WarcOutput.open(path);
    const lock = JSON.parse(readFileSync(`${path}.lock`, 'utf8')) as { pid: number; host: string };
    expect(lock).toMatchObject({ pid: process.pid, host: hostname() });
    await expect(WarcOutput.open(path)).rejects.toMatchObject({ code: 'E_WARC_LOCKED', message: expect.stringContaining(`process ${process.pid}`) });
    await first.close();
    expect(existsSync(`${path}.lock`)).toBe(false);
    const second = await WarcOutput.open(path);
    await second.close();
    // Both runs' records are there, whole: nothing was interleaved.
    expect(await warcinfoCount(path)).toBe(2);
  });

  it('takes over a lock left by a run whose process is gone (a kill -9)', async () => {
    const path = join(dir, 'fetched.warc.gz');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: Number(gone.stdout), host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const out = await WarcOutput.open(path);
    expect(JSON.parse(readFileSync(`${path}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await out.close();
    expect(await warcinfoCount(path)).toBe(1);
  });

  it('does not take over a lock it cannot read, and says how to clear it', async () => {
    const path = join(dir, 'fetched.warc.gz');
    writeFileSync(`${path}.lock`, '');
    await expect(WarcOutput.open(path)).rejects.toMatchObject({ code: 'E_WARC_LOCKED', message: expect.stringContaining(`remove \`${path}.lock\``) });
    expect(existsSync(path)).toBe(false);
  });
});
