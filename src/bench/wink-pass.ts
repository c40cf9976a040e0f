/**
 * The end-to-end reference: a fresh process that loads wink-nlp, reads every `.txt` file of a
 * directory and tags it, the way `claimtrace analyze <dir>` reads and analyses it.
 *   node dist/bench/wink-pass.js <dir>
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createWinkTagger } from './wink-tag.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node dist/bench/wink-pass.js <dir>\n');
  process.exit(2);
}
const tag = createWinkTagger();
let tokens = 0;
const files = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
for (const f of files) tokens += tag(await readFile(join(dir, f), 'utf8'));
process.stdout.write(`${files.length} files, ${tokens} tokens\n`);
