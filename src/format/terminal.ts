import pc from 'picocolors';
import type { ProvenanceMap } from '../contract/schema.js';
import { clip, forTerminal } from './clean-text.js';
import { describeStateRelation, digest } from './digest.js';
import { formatEvidenceTerminal } from '../stages/evidence/format-evidence.js';

/** A readable summary of one provenance map for a terminal (colours only when it is a TTY). */
export function formatTerminal(map: ProvenanceMap, options: { color?: boolean; maxQuotes?: number } = {}): string {
  const c = pc.createColors(options.color ?? false);
  const d = digest(map);
  const lines: string[] = [];
  const title = map.meta.title ? ` — ${clip(map.meta.title, 90)}` : '';
  const outlet = [map.meta.outlet, map.meta.published?.slice(0, 10)].filter(Boolean).map((s) => forTerminal(s!)).join(', ');
  lines.push(c.bold(`${forTerminal(map.source.path)}${title}`) + (outlet ? c.dim(` (${outlet})`) : ''));
  const k = d.counts;
  lines.push(
    `${k.quotes} quotes (${k.direct} direct, ${k.mixed} mixed, ${k.indirect} reported) · ${k.speakers} speakers` +
      ` · ${k.citations} citations · ${k.outlets} outlets` +
      (k.stateAffiliated ? ` (${k.stateAffiliated} state-affiliated)` : '') +
      (k.scareQuotes ? ` · ${k.scareQuotes} scare quotes` : ''),
  );

  if (d.speakers.length) {
    lines.push('', c.bold('Speakers'));
    for (const s of d.speakers) {
      const desc = s.description ? c.dim(`, ${clip(s.description, 60)}`) : '';
      lines.push(`  ${clip(s.label, 50)}${desc} ${c.dim(`[${s.kind}]`)} — ${s.quotes} quote${s.quotes === 1 ? '' : 's'}`);
    }
  }

  if (map.quotes.length) {
    lines.push('', c.bold('Quotes'));
    const max = options.maxQuotes ?? 40;
    for (const q of map.quotes.slice(0, max)) {
      const who = q.speaker.name ?? q.speaker.description ?? q.speaker.mention?.text ?? '?';
      const mention = q.speaker.mention && q.speaker.name && q.speaker.mention.text !== q.speaker.name ? c.dim(` ("${clip(q.speaker.mention.text, 20)}")`) : '';
      const content = q.content.map((s) => s.text).join(' … ');
      const cue = q.cue ? c.dim(` [${clip(q.cue.text, 20)}]`) : '';
      const via = q.via.outletIds.length
        ? c.dim(` via ${q.via.outletIds.map((id) => map.outlets.find((o) => o.id === id)?.name ?? id).map((n) => forTerminal(n)).join(', ')}`)
        : '';
      lines.push(`  ${c.cyan(q.id.padEnd(4))} ${q.kind.padEnd(8)} ${c.bold(clip(who, 40))}${mention}${cue}: ${clip(content, 100)}${via}`);
    }
    if (map.quotes.length > max) lines.push(c.dim(`  … ${map.quotes.length - max} more (use --format json for all)`));
  }

  if (map.citations.length) {
    lines.push('', c.bold('Citations'));
    for (const ct of map.citations) {
      const fields = [
        ct.authors.length ? ct.authors.join(' and ') : null,
        ct.title ? `“${ct.title}”` : null,
        ct.outlet,
        ct.date,
        ct.url,
      ].filter(Boolean).map((s) => clip(s!, 60));
      const ibid = ct.ibidOf ? c.dim(` ibid → ${ct.ibidOf}`) : '';
      const via = ct.via ? c.dim(` citing ${clip(ct.via.outlet ?? ct.via.text, 40)}`) : '';
      const covers = ct.covers.quoteIds.length ? c.dim(` covers ${ct.covers.quoteIds.join(', ')}`) : '';
      lines.push(`  ${c.cyan(ct.id.padEnd(4))} ${fields.join(' · ') || clip(ct.span.text, 60)}${ibid}${via}${covers}`);
    }
  }
  if (d.chains.length) {
    lines.push('', c.bold('Chains'));
    for (const ch of d.chains) lines.push(`  ${clip(ch, 120)}`);
  }

  if (map.outlets.length) {
    lines.push('', c.bold('Outlets'));
    for (const o of map.outlets) {
      const facts = [o.country, describeStateRelation(o)]
        .filter(Boolean)
        .map((s) => forTerminal(s!));
      lines.push(`  ${c.cyan(o.id.padEnd(4))} ${clip(o.name, 50)}${facts.length ? c.dim(` — ${facts.join(' · ')}`) : ''} ${c.dim(`[${o.roles.join(', ')}]`)}`);
    }
  }

  lines.push('', formatEvidenceTerminal(map.evidence));

  const marked = map.markedPhrases;
  if (marked.length) {
    lines.push('', c.bold('In quotation marks, not quotations'));
    lines.push(`  ${marked.map((m) => `${clip(m.span.text, 40)} ${c.dim(`(${m.kind})`)}`).join(' · ')}`);
  }

  if (map.diagnostics.length) {
    lines.push('', c.bold('Diagnostics'));
    for (const dg of map.diagnostics) {
      lines.push(`  ${dg.severity === 'error' ? c.red(dg.code) : c.yellow(dg.code)} ${forTerminal(dg.message)}`);
    }
  }
  return lines.join('\n') + '\n';
}
