/**
 * The evidence summary in the side panel: what the article rests on, in counts. It is the
 * map's `evidence` field when the map carries one; else, when the map has claims, it is
 * summarised here with the evidence stage's own functions (so the numbers match the terminal
 * and Markdown reports); else a generic table of whatever `evidence` holds.
 */
import { evidenceLayersFromMap, type MapWithClaims } from '../stages/evidence/from-provenance-map.js';
import { EVIDENCE_LABELS } from '../stages/evidence/format-evidence.js';
import { summarizeEvidence } from '../stages/evidence/summarize-evidence.js';
import { SOURCE_KINDS, type EvidenceSummary } from '../stages/evidence/types.js';
import { escapeHtml } from './escape-html.js';
import { readEvidence, techniqueLabel, type ReportMap } from './optional-layers.js';

function isSummary(v: unknown): v is EvidenceSummary {
  const e = v as Partial<EvidenceSummary> | null;
  return (
    typeof e === 'object' && e !== null && typeof e.claims === 'object' && e.claims !== null && typeof e.claims.total === 'number' &&
    Array.isArray(e.stateAffiliatedOutlets) && Array.isArray(e.chains) && Array.isArray(e.techniques) && typeof e.sources === 'object'
  );
}

/** The summary to show, or null. A map whose claims are malformed gets no derived summary rather than an error. */
export function evidenceSummaryOf(map: ReportMap): EvidenceSummary | null {
  if (isSummary(map.evidence)) return map.evidence;
  if (map.evidence !== undefined || !Array.isArray(map.claims)) return null;
  try {
    return summarizeEvidence(evidenceLayersFromMap(map as unknown as MapWithClaims));
  } catch {
    return null;
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function counts<K extends string>(byKind: Readonly<Record<K, number>> | undefined, labels: Readonly<Record<K, string>>): string {
  if (!byKind) return '';
  return (Object.keys(labels) as K[])
    .filter((k) => typeof byKind[k] === 'number' && byKind[k] > 0)
    .map((k) => `${labels[k]} ${byKind[k]}`)
    .join(', ');
}

/** Links to the highlights of the given map ids (claims), numbered 1…n. */
function jumpLinks(ids: readonly string[], anchors: ReadonlyMap<string, string>, what: string): string {
  const links = ids
    .filter((id) => anchors.has(id))
    .slice(0, 30)
    .map((id, i) => `<a href="#a-${anchors.get(id)!}" aria-label="${escapeHtml(`${what} ${i + 1}`)}">${i + 1}</a>`);
  return links.length > 0 ? ` <span class="goto"><span class="muted">Go to:</span> ${links.join(' ')}</span>` : '';
}

function renderSummary(e: EvidenceSummary, anchors: ReadonlyMap<string, string>): string {
  const c = e.claims;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : '0');
  const rows: [string, string][] = [
    ['Claims', escapeHtml(`${n(c.total)} (${n(c.sourced)} ${EVIDENCE_LABELS.sourced}, ${n(c.unsourced)} ${EVIDENCE_LABELS.unsourced})`) + jumpLinks(c.unsourcedIds ?? [], anchors, 'Unsourced claim')],
    [cap(EVIDENCE_LABELS.anonymousOnly), escapeHtml(n(c.anonymousOnly))],
    [`Claims ${EVIDENCE_LABELS.hedged}`, escapeHtml(n(c.hedged)) + jumpLinks(c.hedgedIds ?? [], anchors, 'Hedged claim')],
    ['Claim kinds', escapeHtml(counts(c.byKind, EVIDENCE_LABELS.claimKind) || 'none')],
    ['Hedges', escapeHtml(counts(e.hedges?.byKind, EVIDENCE_LABELS.hedge) || 'none')],
    ['Author’s framing', escapeHtml(`${n(c.disputed)} disputed, ${n(c.endorsed)} endorsed`)],
    ['Sources', escapeHtml(SOURCE_KINDS.filter((k) => (e.sources.byKind?.[k] ?? 0) > 0).map((k) => `${EVIDENCE_LABELS.source[k]} ${e.sources.byKind[k]}`).join(', ') || 'none')],
  ];
  if (e.stateAffiliatedOutlets.length > 0) {
    const outlets = e.stateAffiliatedOutlets.map((o) => {
      const detail = [o.country, o.typologyLabel].filter((x): x is string => typeof x === 'string' && x.length > 0);
      return escapeHtml(`${o.name}${detail.length > 0 ? ` (${detail.join('; ')})` : ''}`);
    });
    rows.push([`${cap(EVIDENCE_LABELS.stateAffiliated)}s`, outlets.join('<br>')]);
  }
  if (e.chains.length > 0) rows.push(['Longest chains', e.chains.map((ch) => escapeHtml(ch.links.join(', citing '))).join('<br>')]);
  if (e.techniques.length > 0) rows.push(['Persuasion techniques', escapeHtml(e.techniques.map((t) => `${techniqueLabel(t.technique)} ${n(t.count)}`).join(', '))]);
  // Maps from before schema 1.2.0 have no devices.
  const devices = Array.isArray(e.devices) ? e.devices : [];
  if (devices.length > 0) rows.push(['Questions, exclamations, slogans', escapeHtml(devices.map((d) => `${String(d.kind).replace('-', ' ')} ${n(d.count)}`).join(', '))]);
  return rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('');
}

export function renderEvidence(map: ReportMap, anchors: ReadonlyMap<string, string>): string {
  const summary = evidenceSummaryOf(map);
  let body: string;
  if (summary) body = renderSummary(summary, anchors);
  else {
    const rows = readEvidence(map);
    if (rows.length === 0) return '';
    body = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
  }
  return [
    '<section aria-labelledby="h-evidence"><h2 id="h-evidence">Evidence summary</h2>',
    `<dl class="evidence">${body}</dl>`,
    '<p class="muted">Counts of how the text supports what it says; they describe the wording, not whether it is true.</p>',
    '</section>',
  ].join('\n');
}
