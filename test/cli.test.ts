/**
 * The command line, end to end: the built bin in a child process, as a user runs it.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, mkdirSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkInvariants, provenanceMapSchema } from '../src/index.js';

const BIN = new URL('../bin/claimtrace.js', import.meta.url).pathname;
const EXAMPLES = new URL('../examples/', import.meta.url).pathname;

async function cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin!.end(input);
    else child.stdin!.end();
  });
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'claimtrace-cli-'));
}

describe('claimtrace analyze', () => {
  it('prints a readable summary of a bundled example', async () => {
    const r = await cli(['analyze', join(EXAMPLES, 'darvan-opinion.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('quotes');
    expect(r.stdout).toContain('Citations');
    expect(r.stderr).toBe('');
  });

  it('writes a valid provenance map as JSON', async () => {
    const r = await cli(['analyze', join(EXAMPLES, 'darvan-opinion.txt'), '--format', 'json']);
    expect(r.code).toBe(0);
    const map = provenanceMapSchema.parse(JSON.parse(r.stdout));
    expect(checkInvariants(map)).toEqual([]);
    expect(map.source.path).toContain('darvan-opinion.txt');
  });

  it('reads standard input with -', async () => {
    const r = await cli(['analyze', '-', '--format', 'md'], '"We will rebuild," Mayor Ann Lee said.\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Provenance map');
    expect(r.stdout).toContain('Ann Lee');
  });

  it('walks a directory in a stable order and records failures in place', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'b', 'two.txt'), '"Second," she said.');
    writeFileSync(join(dir, 'a.txt'), '"First," he said.');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'c.html'), '<html><body><article><p>"Third," said Ana Ruiz, a nurse.</p></article></body></html>');
    writeFileSync(join(dir, 'ignored.pdf'), '%PDF-1.4');
    const r = await cli(['analyze', dir, '--format', 'jsonl']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: { path: string }; error?: { code: string } });
    expect(lines.map((l) => l.source.path.slice(dir.length + 1))).toEqual(['a.txt', 'b/two.txt', 'c.html', 'empty.txt']);
    expect(lines[3]!.error?.code).toBe('E_EMPTY');
    expect(r.stderr).toContain('1 of 4 inputs');
  });

  it('gives the same output, in the same order, with worker threads (--jobs 2) as in one thread (--jobs 1)', async () => {
    const dir = tmp();
    for (let i = 0; i < 7; i++) writeFileSync(join(dir, `n${i}.txt`), `"Line ${i} of the test," said Dr. Mara Quint, a spokeswoman (Valmora Ledger, 3 March).`);
    writeFileSync(join(dir, 'n3b.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    writeFileSync(join(dir, 'page.html'), '<html><head><title>T</title></head><body><article><p>"Third," said Ana Ruiz, a nurse.</p></article></body></html>');
    for (const extra of [['--format', 'jsonl'], ['--format', 'json'], ['--format', 'md'], ['--format', 'jsonl', '--techniques', 'off'], ['--format', 'jsonl', '--source-map']]) {
      const one = await cli(['analyze', dir, ...extra, '--jobs', '1']);
      const two = await cli(['analyze', dir, ...extra, '--jobs', '2']);
      expect(two.code).toBe(one.code);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
      expect(one.stdout + one.stderr).toContain('E_BINARY');
    }
    const lines = (await cli(['analyze', dir, '--format', 'jsonl', '--jobs', '2', '--techniques', 'off'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as { analysis?: { stages: { layer: string }[] } });
    expect(lines[0]!.analysis!.stages.map((x) => x.layer)).not.toContain('rhetoric');
  });

  it.each([['0'], ['two'], ['1.5']])('refuses --jobs %s with E_USAGE', async (n) => {
    const r = await cli(['analyze', join(EXAMPLES, 'darvan-opinion.txt'), '--jobs', n]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_USAGE');
  });

  it.each([
    ['a missing file', ['analyze', '/nonexistent/article.txt'], 'E_NOT_FOUND'],
    ['an unknown format', ['analyze', join(EXAMPLES, 'darvan-opinion.txt'), '--format', 'pdf'], ''],
    ['a bad size', ['analyze', join(EXAMPLES, 'darvan-opinion.txt'), '--max-bytes', 'lots'], 'E_USAGE'],
  ])('fails clearly on %s, without a stack trace', async (_label, args, code) => {
    const r = await cli(args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(code);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the size limit when a file is too large', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.txt'), 'word '.repeat(50_000));
    const r = await cli(['analyze', join(dir, 'big.txt'), '--max-bytes', '100KB']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_TOO_LARGE');
    expect(r.stderr).toMatch(/100(\.0)? ?KiB|102400/);
  });

  it.each([
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'E_BINARY'],
    ['empty', Buffer.alloc(0), 'E_EMPTY'],
  ])('rejects a %s file with a stable code', async (_label, bytes, code) => {
    const dir = tmp();
    writeFileSync(join(dir, 'bad.txt'), bytes);
    const r = await cli(['analyze', join(dir, 'bad.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(code);
  });

  it('reports an unreadable file', async () => {
    if (process.getuid?.() === 0) return; // root reads everything: nothing to test here
    const dir = tmp();
    writeFileSync(join(dir, 'secret.txt'), 'text');
    chmodSync(join(dir, 'secret.txt'), 0o000);
    const r = await cli(['analyze', join(dir, 'secret.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_UNREADABLE');
  });
});

describe('claimtrace analyze <url>', () => {
  it('fetches the page politely (robots.txt first, claimtrace User-Agent) and analyses it; a missing page exits 1 with its code', async () => {
    const page = '<!doctype html><html><head><title>Pier to be rebuilt</title></head><body><article><h1>Pier to be rebuilt</h1>' +
      '<p>"We will rebuild the pier," Mayor Ana Ruiz said on Monday, standing beside the harbour wall that the storm had broken in March.</p>' +
      '<p>Engineers from the port authority said the work would take a year and cost more than the council had set aside for it.</p></article></body></html>';
    const seen: { path: string; agent: string }[] = [];
    const server = createServer((req, res) => {
      seen.push({ path: req.url ?? '', agent: String(req.headers['user-agent']) });
      if (req.url === '/robots.txt') res.writeHead(200, { 'Content-Type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      else if (req.url === '/pier') res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const r = await cli(['analyze', `${origin}/pier`, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const map = JSON.parse(r.stdout);
      expect(checkInvariants(map)).toEqual([]);
      expect(map.meta.url).toBe(`${origin}/pier`);
      expect(map.quotes[0].speaker.name).toBe('Ana Ruiz');
      expect(seen[0]).toMatchObject({ path: '/robots.txt', agent: expect.stringMatching(/^claimtrace\//) });
      const missing = await cli(['analyze', `${origin}/gone`]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^claimtrace: E_FETCH_HTTP: /);
      expect(missing.stderr).not.toMatch(/\n\s+at /);
    } finally {
      server.close();
    }
  });
});

describe('claimtrace report', () => {
  it('writes one self-contained HTML file', async () => {
    const out = join(tmp(), 'report.html');
    const r = await cli(['report', join(EXAMPLES, 'darvan-opinion.txt'), '-o', out]);
    expect(r.code).toBe(0);
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Content-Security-Policy');
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/i);
  });

  it('fails clearly when the output cannot be written', async () => {
    const r = await cli(['report', join(EXAMPLES, 'darvan-opinion.txt'), '-o', '/nonexistent/dir/report.html']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_WRITE');
  });
});

describe('claimtrace schema', () => {
  it('prints the JSON Schema of the provenance map', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['schemaVersion', 'text', 'quotes', 'citations', 'outlets']));
  });
});
