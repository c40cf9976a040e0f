import type { ProvenanceMap } from '../contract/schema.js';
import { forMarkdown as md } from './clean-text.js';
import { describeStateRelation, digest } from './digest.js';
import { formatEvidenceMarkdown } from '../stages/evidence/format-evidence.js';

const cell = (s: string | null | undefined) => (s ? md(s) : '—');

/** The provenance map as a Markdown report (for issues, notes and e-mail). */
export function formatMarkdown(map: ProvenanceMap): string {
  const d = digest(map);
  const out: string[] = [];
  out.push(`# Provenance map: ${md(map.meta.title ?? map.source.path)}`, '');
  const facts = [
    map.meta.outlet ? `**Outlet:** ${md(map.meta.outlet)}` : null,
    map.meta.published ? `**Published:** ${md(map.meta.published)}` : null,
    map.meta.authors.length ? `**By:** ${md(map.meta.authors.join(', '))}` : null,
    map.meta.url ? `**URL:** ${md(map.meta.url)}` : null,
    `**Source:** \`${map.source.path.replace(/`/g, "'")}\``,
  ].filter(Boolean);
  out.push(facts.join(' · '), '');
  const k = d.counts;
  out.push(
    `${k.quotes} quotes (${k.direct} direct, ${k.mixed} mixed, ${k.indirect} reported), ${k.speakers} speakers, ` +
      `${k.citations} citations, ${k.outlets} outlets${k.stateAffiliated ? ` (${k.stateAffiliated} state-affiliated)` : ''}.`,
    '',
  );

  out.push(formatEvidenceMarkdown(map.evidence), '');

  if (d.speakers.length) {
    out.push('## Speakers', '', '| Speaker | Description | Kind | Quotes |', '|---|---|---|---:|');
    for (const s of d.speakers) out.push(`| ${cell(s.label)} | ${cell(s.description)} | ${s.kind} | ${s.quotes} |`);
    out.push('');
  }
  if (map.quotes.length) {
    out.push('## Quotes', '', '| Id | Kind | Speaker | Cue | Content | Via |', '|---|---|---|---|---|---|');
    for (const q of map.quotes) {
      const who = q.speaker.name ?? q.speaker.description ?? q.speaker.mention?.text ?? null;
      const via = q.via.outletIds.map((id) => map.outlets.find((o) => o.id === id)?.name ?? id).join(', ');
      out.push(`| ${q.id} | ${q.kind} | ${cell(who)} | ${cell(q.cue?.text)} | ${cell(q.content.map((s) => s.text).join(' … '))} | ${cell(via)} |`);
    }
    out.push('');
  }
  if (map.citations.length) {
    out.push('## Citations', '', '| Id | Authors | Title | Outlet | Date | Ibid of | Citing | Covers |', '|---|---|---|---|---|---|---|---|');
    for (const c of map.citations) {
      out.push(
        `| ${c.id} | ${cell(c.authors.join(' and '))} | ${cell(c.title)} | ${cell(c.outlet ?? c.url)} | ${cell(c.date)} | ${c.ibidOf ?? '—'} | ${cell(c.via?.outlet ?? c.via?.text)} | ${c.covers.quoteIds.join(', ') || '—'} |`,
      );
    }
    out.push('');
  }
  if (d.chains.length) {
    out.push('## Chains of sources', '');
    for (const ch of d.chains) out.push(`- ${md(ch)}`);
    out.push('');
  }
  if (map.outlets.length) {
    out.push('## Outlets', '', '| Id | Outlet | Country | State-affiliated | Roles |', '|---|---|---|---|---|');
    for (const o of map.outlets) {
      const sa = md(describeStateRelation(o) ?? 'not listed');
      out.push(`| ${o.id} | ${cell(o.name)} | ${cell(o.country)} | ${sa} | ${o.roles.join(', ')} |`);
    }
    out.push('');
  }
  if (map.markedPhrases.length) {
    out.push('## In quotation marks, not quotations', '');
    for (const m of map.markedPhrases) out.push(`- ${md(m.span.text)} (${m.kind})`);
    out.push('');
  }
  if (map.diagnostics.length) {
    out.push('## Diagnostics', '');
    for (const dg of map.diagnostics) out.push(`- \`${dg.code}\` ${md(dg.message)}`);
    out.push('');
  }
  out.push('State affiliation comes from the State Media Matrix (Alliance for Securing Democracy); it describes ownership and control, not accuracy.', '');
  return out.join('\n');
}
