import { describe, expect, it } from 'vitest';
import { defaultJobs, MIN_FILES_PER_WORKER } from './main.js';

describe('analyze: worker threads when --jobs is not given', () => {
  it.each([
    // files, cores, workers
    [1, 8, 1],
    [40, 8, 1], // a small folder: this thread, a worker costs more than it saves
    [MIN_FILES_PER_WORKER * 2, 8, 2],
    [840, 8, 7], // one per core but one
    [840, 2, 1], // a 2-core machine: this thread
    [10_000, 1, 1],
    [0, 4, 1],
  ])('%i files on %i cores: %i', (files, cores, workers) => {
    expect(defaultJobs(files, cores)).toBe(workers);
  });
});
