/**
 * Preloaded into the benchmark's child processes (`node --import …/rss-report.js`): on exit,
 * writes the process's peak resident set size, in kilobytes, to $CLAIMTRACE_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.CLAIMTRACE_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
