/**
 * Converts a rhetoric model written with float32 taggers and classifier (`si*.f32.gz`,
 * `tc.f32.gz`) to the 8-bit files the detector holds in memory (`*.i8.gz`, one scale per tagger
 * and per technique class), rewriting `model.json`; the training script writes the 8-bit files
 * directly, so this only upgrades an older model directory. The detector's output is the same
 * either way (it quantises float32 files the same way when it loads them).
 *
 *   npx tsx src/train/quantise-rhetoric.ts [models/rhetoric]
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodeQuantised, quantiseBlocks, type RhetoricModelHeader } from '../stages/rhetoric/model.js';

const dir = resolve(process.argv[2] ?? 'models/rhetoric');
const header = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as RhetoricModelHeader;

function convert(file: string, blocks: number): string {
  if (!file.endsWith('.f32.gz')) return file;
  const bytes = gunzipSync(readFileSync(join(dir, file)));
  const w = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const out = file.replace(/\.f32\.gz$/, '.i8.gz');
  writeFileSync(join(dir, out), gzipSync(encodeQuantised(quantiseBlocks(w, blocks)), { level: 9 }));
  rmSync(join(dir, file));
  console.log(`${file} → ${out}`);
  return out;
}

const next: RhetoricModelHeader = {
  ...header,
  si: { ...header.si, file: convert(header.si.file, 1), groups: (header.si.groups ?? []).map((g) => ({ ...g, file: convert(g.file, 1) })) },
  tc: { ...header.tc, file: convert(header.tc.file, header.tc.labels.length) },
};
// same layout as the training script: two-space JSON, the lexicon's pairs one a line
const lexicon = next.si.modes.highPrecision.lexicon;
const text = JSON.stringify(next, (key, value: unknown) => (key === 'lexicon' ? '@LEXICON@' : value), 2);
writeFileSync(
  join(dir, 'model.json'),
  (lexicon ? text.replace('"@LEXICON@"', lexicon.length ? `[\n${lexicon.map((p) => '          ' + JSON.stringify(p)).join(',\n')}\n        ]` : '[]') : text) + '\n',
);
