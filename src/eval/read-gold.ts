import { readFile } from 'node:fs/promises';
import type { GoldDocument } from './score-quotes.js';

/** Reads `polnear/jsonl/{train,dev}.jsonl`: one gold article per line, code-point offsets. */
export async function readGold(path: string): Promise<GoldDocument[]> {
  const lines = (await readFile(path, 'utf8')).split('\n');
  const out: GoldDocument[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const doc = JSON.parse(line) as GoldDocument;
    if (typeof doc.id !== 'string' || typeof doc.text !== 'string' || !Array.isArray(doc.quotes)) {
      throw new Error(`Expected {id, text, quotes} on line ${i + 1} of ${path}, not \`${line.slice(0, 60)}…\``);
    }
    out.push(doc);
  });
  return out;
}

/** Reads claimtrace JSON Lines output (`--format jsonl`); lines that are not JSON are counted, not fatal. */
export async function readPredictions(path: string): Promise<{ docs: unknown[]; unparsable: number }> {
  const docs: unknown[] = [];
  let unparsable = 0;
  for (const line of (await readFile(path, 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    try {
      docs.push(JSON.parse(line));
    } catch {
      unparsable++;
    }
  }
  return { docs, unparsable };
}
