/**
 * Preloaded into the benchmark's child processes (`node --import …/rss-report.js`): on exit,
 * writes `{maxRssKb, cpuMs}` (peak resident set size; user + system CPU time of all threads)
 * to $CLAIMTRACE_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.CLAIMTRACE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.cpuUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, cpuMs: (u.user + u.system) / 1000 }));
  });
}
