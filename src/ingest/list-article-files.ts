import { opendir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inputError } from './input-error-codes.js';

const ARTICLE_FILE = /\.(txt|html?)(\.gz)?$/i;
const SKIPPED_DIRECTORY = (name: string) => name.startsWith('.') || name === 'node_modules';

/**
 * Every `.txt`, `.html`, `.htm` (optionally `.gz`) under `dir`, recursively, as `dir`-joined
 * paths sorted by relative path in code-unit order (stable across machines and locales).
 * Skips dot-directories and `node_modules`; follows symbolic links, visiting each real directory
 * once so a link loop cannot hang. Unreadable subdirectories are skipped.
 */
export async function listArticleFiles(dir: string, pattern: RegExp = ARTICLE_FILE): Promise<string[]> {
  if (typeof dir !== 'string' || dir === '') throw new TypeError(`Expected a directory path, not \`${String(dir)}\`.`);
  const shown = `\`${dir}\``;
  let info;
  try {
    info = await stat(dir);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw inputError('E_NOT_FOUND', `${shown} does not exist.`, e);
    throw inputError('E_UNREADABLE', `${shown} could not be read: ${e instanceof Error ? e.message : String(e)}.`, e);
  }
  if (!info.isDirectory()) throw inputError('E_NOT_DIRECTORY', `${shown} is a file, not a directory.`);

  const found: string[] = []; // relative paths with '/' separators
  const seen = new Set<string>();
  const queue: string[] = [''];
  while (queue.length > 0) {
    const rel = queue.pop()!;
    const abs = rel === '' ? dir : join(dir, rel);
    let real: string;
    try {
      real = await realpath(abs);
    } catch {
      continue;
    }
    if (seen.has(real)) continue;
    seen.add(real);
    let handle;
    try {
      handle = await opendir(abs);
    } catch (e) {
      if (rel === '') throw inputError('E_UNREADABLE', `${shown} could not be read: ${e instanceof Error ? e.message : String(e)}.`, e);
      continue;
    }
    for await (const entry of handle) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = await stat(join(dir, childRel));
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir && !SKIPPED_DIRECTORY(entry.name)) queue.push(childRel);
      else if (isFile && pattern.test(entry.name)) found.push(childRel);
    }
  }
  found.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return found.map((rel) => join(dir, rel));
}
