import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SPEAKERS = ['Ana Sousa', 'Rui Costa', 'Mira Patel', 'John Okafor', 'Lena Berg', 'Tomás Ruiz'];
const OUTLETS = ['Reuters', 'the Associated Press', 'Al Jazeera', 'RT', 'the BBC'];
const TOPICS = ['the harbour bridge', 'the ferry timetable', 'the school budget', 'the new tram line', 'water prices'];

/**
 * Writes `count` small articles we made up (quotes, speakers, outlets) under `dir` for corpus
 * tests: `article-0001.txt` …, in two subdirectories, plus `extras` when asked for: a copy of
 * the first article under another name, an empty file and a binary one (which must fail).
 * The same `count` always gives the same files.
 */
export function writeTestCorpus(dir: string, count: number, options: { extras?: boolean } = {}): string[] {
  const written: string[] = [];
  for (let i = 0; i < count; i++) {
    const sub = join(dir, i % 2 === 0 ? 'even' : 'odd');
    mkdirSync(sub, { recursive: true });
    const path = join(sub, `article-${String(i).padStart(4, '0')}.txt`);
    writeFileSync(path, testArticle(i));
    written.push(path);
  }
  if (options.extras) {
    mkdirSync(join(dir, 'extras'), { recursive: true });
    const extras = {
      'copy-of-0000.txt': testArticle(0),
      'empty.txt': '   \n',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0, 1, 2, 3]),
    };
    for (const [name, body] of Object.entries(extras)) {
      writeFileSync(join(dir, 'extras', name), body);
      written.push(join(dir, 'extras', name));
    }
  }
  return written;
}

export function testArticle(i: number): string {
  const pick = <T>(xs: readonly T[], k: number): T => xs[k % xs.length]!;
  const a = pick(SPEAKERS, i);
  const b = pick(SPEAKERS, i * 7 + 3);
  const topic = pick(TOPICS, i * 3);
  const outlet = pick(OUTLETS, i * 5 + 1);
  return [
    `Council debates ${topic} (report ${i})`,
    '',
    `"We cannot wait another year for ${topic}," ${a} said on Tuesday, in the ${i}th session of the council.`,
    '',
    `${b}, who chairs the finance committee, disagreed. "The numbers for ${topic} do not add up," ${b} told ${outlet}.`,
    '',
    `According to ${outlet}, the vote on ${topic} is expected next month. "It will be close," ${a} added.`,
    '',
  ].join('\n');
}
