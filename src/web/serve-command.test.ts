import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../cli/main.js';
import { buildTestMap } from '../store/build-test-map.js';
import { openSqliteStore } from '../store/index.js';
import { registerServeCommand, type ServeControl } from './serve-command.js';

describe('claimtrace serve', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'claimtrace-serve-cmd-'));
    db = join(dir, 'corpus.db');
    const store = await openSqliteStore(db);
    await store.putArticle({ map: buildTestMap({ path: 'a.txt', title: 'Bridge', text: '"No choice," Ana Sousa said.', quotes: [{ content: 'No choice', speaker: 'Ana Sousa' }] }) });
    await store.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(args: string[], control: ServeControl = {}) {
    const err: string[] = [];
    const io: CliIo = { out: () => undefined, err: (s) => void err.push(s), isTTY: false };
    const program = new Command().exitOverride().configureOutput({ writeErr: (s) => void err.push(s) });
    registerServeCommand(program, io, control);
    await program.parseAsync(['serve', ...args], { from: 'user' });
    return err.join('');
  }

  it('serves the corpus on a loopback port until told to stop', async () => {
    const seen: number[] = [];
    let served = '';
    const err = await run(['--db', db, '--port', '0'], {
      until: async (url) => {
        served = url;
        for (const path of ['/', '/article/1', '/speaker/ana%20sousa', '/?page=abc']) seen.push((await fetch(`${url}${path}`)).status);
      },
    });
    expect(served).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(seen).toEqual([200, 200, 200, 400]);
    expect(err).toContain(`serving ${db} at ${served}/`);
    await expect(fetch(`${served}/`)).rejects.toThrow(); // closed
  });

  it('refuses a bad port and a missing corpus', async () => {
    await expect(run(['--db', db, '--port', '80x'])).rejects.toMatchObject({ code: 'E_USAGE' });
    await expect(run(['--db', join(dir, 'none.db'), '--port', '0'])).rejects.toMatchObject({ code: 'E_STORE_NOT_FOUND' });
  });

  it('says when the port is taken', async () => {
    await run(['--db', db, '--port', '0'], {
      until: async (url) => {
        const port = new URL(url).port;
        await expect(run(['--db', db, '--port', port])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('in use') });
      },
    });
  });
});
