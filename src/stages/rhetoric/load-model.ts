import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { decodeQuantised, modelFromParts, type RhetoricModel, type RhetoricModelHeader, type StoredWeights } from './model.js';

const DEFAULT_DIR = new URL('../../../models/rhetoric/', import.meta.url);

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function readFloat32(url: URL): Float32Array {
  let bytes: Buffer = readFileSync(url);
  if (url.pathname.endsWith('.gz')) bytes = gunzipSync(bytes);
  // stored little-endian: on such a machine one copy into an aligned buffer, else value by value
  if (LITTLE_ENDIAN) return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const out = new Float32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** A weight file: `.i8.gz` (8-bit with scales, see `encodeQuantised`) or `.f32.gz` / `.f32` (float32). */
function readWeights(url: URL): StoredWeights {
  if (url.pathname.endsWith('.i8.gz')) return decodeQuantised(gunzipSync(readFileSync(url)));
  return readFloat32(url);
}

/**
 * Loads the shipped rhetoric model (`models/rhetoric/`) or one from `dir` (a directory URL or
 * path ending in `/`). Synchronous: call it once, before building the pipeline.
 */
export function loadRhetoricModel(dir: URL | string = DEFAULT_DIR): RhetoricModel {
  const base = typeof dir === 'string' ? new URL(dir.endsWith('/') ? dir : dir + '/', 'file://' + process.cwd() + '/') : dir;
  const header = JSON.parse(readFileSync(new URL('model.json', base), 'utf8')) as RhetoricModelHeader;
  return modelFromParts(
    header,
    readWeights(new URL(header.si.file, base)),
    readWeights(new URL(header.tc.file, base)),
    header.si.stack ? readFloat32(new URL(header.si.stack.file, base)) : null,
    header.spans ? readFloat32(new URL(header.spans.file, base)) : null,
    (header.si.groups ?? []).map((g) => readWeights(new URL(g.file, base))),
  );
}
