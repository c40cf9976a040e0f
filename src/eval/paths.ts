/**
 * Where the evaluation data lives: `../shared/datasets` beside the repository (see
 * shared/datasets/README.md), or wherever `CLAIMTRACE_SHARED` points. Nothing here is
 * ever copied into the repository.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is `src/eval/paths.ts`, compiled to `dist/eval/paths.js`). */
export const repoRoot: string = fileURLToPath(new URL('../../', import.meta.url));

export function sharedDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.CLAIMTRACE_SHARED ?? resolve(repoRoot, '..', 'shared'));
}

export type Split = 'train' | 'dev';

export interface PolnearPaths {
  readonly textDir: string;
  readonly goldJsonl: string;
}

export function polnearPaths(shared: string, split: Split): PolnearPaths {
  const root = resolve(shared, 'datasets', 'polnear');
  return { textDir: resolve(root, split, 'text'), goldJsonl: resolve(root, 'jsonl', `${split}.jsonl`) };
}

export function polnearAvailable(paths: PolnearPaths): boolean {
  return existsSync(paths.textDir) && existsSync(paths.goldJsonl);
}

/** The recorded scores that `npm run eval -- --check` compares against. */
export const recordedScoresPath: string = resolve(repoRoot, 'eval', 'scores.json');
