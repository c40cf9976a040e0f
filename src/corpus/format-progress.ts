import type { IngestProgress } from './ingest.js';

const count = new Intl.NumberFormat('en-US');

/**
 * One line of ingest progress: `412/840 files · 398 new · 6 unchanged · 0 new versions · 8 failed
 * · 131.4 files/s · ETA 3s`. The rate counts files done (stored or not) per second so far.
 */
export function formatProgress(p: IngestProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.done / seconds : 0;
  const parts = [
    `${count.format(p.done)}/${count.format(p.total)} files`,
    `${count.format(p.ingested)} new`,
    `${count.format(p.unchanged)} unchanged`,
    `${count.format(p.newVersions)} new versions`,
    `${count.format(p.failed)} failed`,
    `${rate.toFixed(1)} files/s`,
  ];
  if (p.done < p.total && rate > 0) parts.push(`ETA ${formatDuration((p.total - p.done) / rate)}`);
  return parts.join(' · ');
}

/** `3s`, `1m05s`, `2h03m`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
