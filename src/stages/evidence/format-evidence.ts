import { clip, forMarkdown, forTerminal } from '../../format/clean-text.js';
import type { ClaimKind, HedgeKind } from '../claims/types.js';
import { SOURCE_KINDS, type EvidenceSummary, type SourceKind } from './types.js';

/**
 * The words the reports use. They describe the text, and are the same whichever side an article
 * takes: "unsourced", "anonymous source", "state-affiliated outlet" — never "false" or "propaganda".
 */
export const EVIDENCE_LABELS = {
  sourced: 'sourced',
  unsourced: 'unsourced',
  anonymousOnly: 'sourced only to an anonymous source',
  hedged: 'hedged or marked unverified',
  disputed: 'attribution disputed by the author',
  endorsed: 'attribution endorsed by the author',
  stateAffiliated: 'state-affiliated outlet',
  source: {
    'named-person': 'named person',
    anonymous: 'anonymous source',
    'official-body': 'official body',
    outlet: 'outlet',
    document: 'document',
    unidentified: 'unidentified',
  } satisfies Record<SourceKind, string>,
  claimKind: {
    attributed: 'attributed statement',
    event: 'event',
    quantity: 'quantity',
    causal: 'causal',
    other: 'other',
  } satisfies Record<ClaimKind, string>,
  hedge: {
    hedge: 'hedge',
    evidential: 'evidential',
    'unverified-marker': 'unverified-marker',
  } satisfies Record<HedgeKind, string>,
} as const;

const MAX_NAME = 80;

/** Plain lines for a terminal; article text is stripped of control characters and clipped. */
export function formatEvidenceTerminal(summary: EvidenceSummary): string {
  const t = (s: string) => clip(s, MAX_NAME);
  return evidenceLines(summary, t, '  ').join('\n');
}

/** A Markdown section; article text is escaped (`|<>*_[]()` …) so it cannot break the layout. */
export function formatEvidenceMarkdown(summary: EvidenceSummary): string {
  const m = (s: string) => forMarkdown(clip(s, MAX_NAME));
  const c = summary.claims;
  const out: string[] = ['## Evidence', '', '| | |', '|---|---|'];
  out.push(`| Claims | ${c.total} (${c.sourced} ${EVIDENCE_LABELS.sourced}, ${c.unsourced} ${EVIDENCE_LABELS.unsourced}) |`);
  out.push(`| ${cap(EVIDENCE_LABELS.anonymousOnly)} | ${c.anonymousOnly} |`);
  out.push(`| Claims ${EVIDENCE_LABELS.hedged} | ${c.hedged} |`);
  out.push(`| Claim kinds | ${kindList(c.byKind, EVIDENCE_LABELS.claimKind) || 'none'} |`);
  out.push(`| Hedges | ${kindList(summary.hedges.byKind, EVIDENCE_LABELS.hedge) || 'none'} |`);
  out.push(`| Author's framing | ${c.disputed} disputed, ${c.endorsed} endorsed |`);
  out.push(`| Sources | ${sourceList(summary) || 'none'} |`);
  out.push('');
  if (summary.stateAffiliatedOutlets.length > 0) {
    out.push(`**${cap(EVIDENCE_LABELS.stateAffiliated)}s**`, '');
    for (const o of summary.stateAffiliatedOutlets) out.push(`- ${m(o.name)}${outletDetail(o, m)}`);
    out.push('');
  }
  if (summary.chains.length > 0) {
    out.push('**Longest chains**', '');
    for (const ch of summary.chains) out.push(`- ${ch.links.map(m).join(', citing ')}`);
    out.push('');
  }
  if (summary.techniques.length > 0) {
    out.push('**Persuasion techniques**', '');
    out.push(summary.techniques.map((x) => `${m(x.technique)} ${x.count}`).join(', '), '');
  }
  if ((summary.devices ?? []).length > 0) {
    out.push('**Rhetorical devices**', '');
    out.push(deviceList(summary), '');
  }
  return out.join('\n');
}

function evidenceLines(summary: EvidenceSummary, t: (s: string) => string, indent: string): string[] {
  const c = summary.claims;
  const lines = ['Evidence'];
  const add = (label: string, value: string) => lines.push(`${indent}${label}: ${value}`);
  add('Claims', `${c.total} (${c.sourced} ${EVIDENCE_LABELS.sourced}, ${c.unsourced} ${EVIDENCE_LABELS.unsourced}; ${c.anonymousOnly} ${EVIDENCE_LABELS.anonymousOnly})`);
  add('Claim kinds', kindList(c.byKind, EVIDENCE_LABELS.claimKind) || 'none');
  add(`Claims ${EVIDENCE_LABELS.hedged}`, `${c.hedged} (${kindList(summary.hedges.byKind, EVIDENCE_LABELS.hedge) || 'no hedges'})`);
  add("Author's framing", `${c.disputed} disputed, ${c.endorsed} endorsed`);
  add('Sources', sourceList(summary) || 'none');
  if (summary.stateAffiliatedOutlets.length > 0) {
    add(`${cap(EVIDENCE_LABELS.stateAffiliated)}s`, summary.stateAffiliatedOutlets.map((o) => `${t(o.name)}${outletDetail(o, t)}`).join('; '));
  }
  for (const ch of summary.chains.slice(0, 3)) add('Chain', ch.links.map(t).join(', citing '));
  if (summary.techniques.length > 0) add('Persuasion techniques', summary.techniques.map((x) => `${t(x.technique)} ${x.count}`).join(', '));
  if ((summary.devices ?? []).length > 0) add('Rhetorical devices', deviceList(summary));
  return lines.map(forTerminalLine);
}

// Each line once more through the terminal cleaner: nothing from the article reaches it raw.
function forTerminalLine(line: string): string {
  const lead = /^\s*/.exec(line)?.[0] ?? '';
  return lead + forTerminal(line);
}

function outletDetail(o: EvidenceSummary['stateAffiliatedOutlets'][number], esc: (s: string) => string): string {
  const parts = [o.country, o.typologyLabel].filter((x): x is string => !!x).map(esc);
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

function kindList<K extends string>(counts: Readonly<Record<K, number>>, labels: Readonly<Record<K, string>>): string {
  return (Object.keys(labels) as K[])
    .filter((k) => (counts[k] ?? 0) > 0)
    .map((k) => `${labels[k]} ${counts[k]}`)
    .join(', ');
}

function sourceList(summary: EvidenceSummary): string {
  return SOURCE_KINDS.filter((k) => summary.sources.byKind[k] > 0)
    .map((k) => `${EVIDENCE_LABELS.source[k]} ${summary.sources.byKind[k]}`)
    .join(', ');
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `rhetorical question 1, slogan 2`: labels of our own, no article text. */
function deviceList(summary: EvidenceSummary): string {
  return (summary.devices ?? []).map((d) => `${d.kind.replace('-', ' ')} ${d.count}`).join(', ');
}
