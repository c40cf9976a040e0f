import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClaimtraceError } from '../core/diagnostics.js';
import { listArticleFiles } from './list-article-files.js';

function tree(files: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'claimtrace-list-'));
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'x');
  }
  return root;
}

describe('listArticleFiles', () => {
  it('lists article files recursively in code-unit order of their relative paths', async () => {
    const root = tree(['b/two.txt', 'a.txt', 'B.htm', 'c.html', 'a/z.HTML', 'é.txt', 'Z.txt', 'page.html.gz', 'notes.md', 'x.pdf', 'data.gz', '.git/x.txt', '.hidden/y.txt', 'node_modules/m/readme.txt']);
    const files = (await listArticleFiles(root)).map((f) => relative(root, f));
    expect(files).toEqual(['B.htm', 'Z.txt', 'a.txt', 'a/z.HTML', 'b/two.txt', 'c.html', 'page.html.gz', 'é.txt']);
  });

  it('follows symbolic links without hanging on a loop', async () => {
    const root = tree(['d/one.txt']);
    symlinkSync(join(root, 'd'), join(root, 'd', 'loop'));
    symlinkSync(root, join(root, 'd', 'up'));
    symlinkSync(join(root, 'missing'), join(root, 'dangling.txt'));
    const files = (await listArticleFiles(root)).map((f) => relative(root, f));
    expect(files).toEqual(['d/one.txt']);
  });

  it('fails with a code on a missing path or a file', async () => {
    await expect(listArticleFiles('/nonexistent/dir')).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    const root = tree(['f.txt']);
    await expect(listArticleFiles(join(root, 'f.txt'))).rejects.toBeInstanceOf(ClaimtraceError);
    await expect(listArticleFiles(join(root, 'f.txt'))).rejects.toMatchObject({ code: 'E_NOT_DIRECTORY' });
  });
});
