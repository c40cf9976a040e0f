/**
 * Charts drawn on the server as inline SVG: a bar chart (quotes by outlet) and a timeline
 * (quotes by month). Each bar carries its number as text and the chart has a title and a
 * description, and the page puts the same numbers in a table beside it, so neither colour nor
 * the picture is the only way to read them. Labels from articles are escaped.
 */
import { escapeHtml } from '../report/escape-html.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
}

const LABEL_CHARS = 26;

function shorten(label: string, max = LABEL_CHARS): string {
  const chars = [...label];
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/** Horizontal bars, largest first as given; each row: label, bar, value. */
export function barChartSvg(id: string, title: string, bars: readonly Bar[]): string {
  const row = 22;
  const labelWidth = 180;
  const barWidth = 280;
  const width = labelWidth + barWidth + 60;
  const height = Math.max(1, bars.length) * row + 8;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.map((b, i) => {
    const y = 4 + i * row;
    const w = Math.max(1, Math.round((b.value / max) * barWidth));
    return [
      `<g><title>${escapeHtml(`${b.label}: ${b.value}`)}</title>`,
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(shorten(b.label))}</text>`,
      `<rect class="bar" x="${labelWidth}" y="${y + 3}" width="${w}" height="${row - 8}"></rect>`,
      `<text x="${labelWidth + w + 5}" y="${y + 15}">${b.value}</text></g>`,
    ].join('');
  });
  const desc = bars.map((b) => `${b.label}: ${b.value}`).join('; ');
  return [
    `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc || 'No data')}</desc>`,
    `<line class="axis" x1="${labelWidth}" y1="0" x2="${labelWidth}" y2="${height}"></line>`,
    ...rows,
    '</svg>',
  ].join('');
}

export interface MonthValue {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly value: number;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** Every month from the first to the last given, missing ones as 0 (at most `maxMonths`, the latest). */
export function fillMonths(values: readonly MonthValue[], maxMonths = 120): MonthValue[] {
  const valid = values.filter((v) => MONTH.test(v.month)).sort((a, b) => a.month.localeCompare(b.month));
  if (valid.length === 0) return [];
  const index = (m: string) => {
    const [, y, mo] = MONTH.exec(m)!;
    return Number(y) * 12 + Number(mo) - 1;
  };
  const byMonth = new Map(valid.map((v) => [v.month, v.value]));
  const last = index(valid[valid.length - 1]!.month);
  const first = Math.max(index(valid[0]!.month), last - maxMonths + 1);
  const out: MonthValue[] = [];
  for (let i = first; i <= last; i++) {
    const month = `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}`;
    out.push({ month, value: byMonth.get(month) ?? 0 });
  }
  return out;
}

/** Vertical bars by month, January and the first month labelled with the year. */
export function timelineSvg(id: string, title: string, months: readonly MonthValue[]): string {
  const height = 170;
  const base = 130;
  const slot = Math.max(6, Math.min(36, Math.floor(560 / Math.max(1, months.length))));
  const width = Math.max(220, 40 + months.length * slot + 40);
  const max = Math.max(1, ...months.map((m) => m.value));
  const bars = months.map((m, i) => {
    const x = 40 + i * slot;
    const h = Math.round((m.value / max) * 100);
    const parts = [`<g><title>${escapeHtml(`${m.month}: ${m.value}`)}</title>`];
    if (m.value > 0) parts.push(`<rect class="bar alt" x="${x + 1}" y="${base - h}" width="${slot - 2}" height="${h}"></rect>`);
    if (m.value > 0 && (slot >= 14 || m.value === max)) parts.push(`<text x="${x + slot / 2}" y="${base - h - 4}" text-anchor="middle">${m.value}</text>`);
    if (i === 0 || m.month.endsWith('-01') || (slot >= 30)) {
      const label = slot >= 30 ? m.month : m.month.slice(0, 4);
      parts.push(`<text x="${x}" y="${base + 16}">${escapeHtml(label)}</text>`);
    }
    parts.push('</g>');
    return parts.join('');
  });
  const desc = months.filter((m) => m.value > 0).map((m) => `${m.month}: ${m.value}`).join('; ');
  return [
    `<svg class="chart" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc || 'No data')}</desc>`,
    `<line class="axis" x1="36" y1="${base}" x2="${width - 5}" y2="${base}"></line>`,
    `<text x="32" y="${base - 96}" text-anchor="end">${max}</text><text x="32" y="${base}" text-anchor="end">0</text>`,
    ...bars,
    '</svg>',
  ].join('');
}
