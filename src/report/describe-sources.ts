/**
 * Plain-words descriptions of outlets and citations, shared by the highlights and the side panel.
 * Registry facts describe ownership and control, never accuracy, and are worded that way:
 * "state-affiliated (State Media Matrix: state-controlled)".
 */
import type { SerializedCitation, SerializedOutlet } from '../contract/schema.js';

const REGISTRY_NAMES: Readonly<Record<string, string>> = {
  'state-media-matrix': 'State Media Matrix',
  'claimtrace-curated': 'claimtrace list',
};

export function registryName(source: string): string {
  return REGISTRY_NAMES[source] ?? source;
}

/** "state-affiliated (State Media Matrix: state-controlled)", or why there is no such fact. */
export function affiliationOf(outlet: SerializedOutlet): string {
  const r = outlet.registry;
  if (outlet.stateAffiliated) {
    const registry = r ? registryName(r.source) : 'registry';
    const typology = r?.typologyLabel ? `: ${lowerFirst(r.typologyLabel.replace(/\s+media$/i, ''))}` : '';
    return `state-affiliated (${registry}${typology})`;
  }
  if (r) return `not listed as state-affiliated (${registryName(r.source)})`;
  return 'not in the outlet registry';
}

function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

const ROLE_WORDS: Readonly<Record<SerializedOutlet['roles'][number], string>> = {
  named: 'named',
  cited: 'cited',
  linked: 'linked',
  speaker: 'quoted as a speaker',
  via: 'source of a cited source',
  publisher: 'publisher',
};

export function rolesOf(outlet: SerializedOutlet): string {
  return outlet.roles.map((r) => ROLE_WORDS[r] ?? r).join(', ');
}

/** One line per outlet: name, country, affiliation, owner. */
export function describeOutlet(outlet: SerializedOutlet): string {
  const parts = [outlet.name];
  if (outlet.country) parts.push(outlet.country);
  parts.push(affiliationOf(outlet));
  if (outlet.registry?.owner && outlet.registry.owner !== outlet.name) parts.push(`owner: ${outlet.registry.owner}`);
  return parts.join(' · ');
}

/** "Anna Reyes, ‘Witnesses describe…’, The Washington Post, 2015-06-04". */
export function formatCitation(c: SerializedCitation): string {
  const parts: string[] = [];
  if (c.authors.length > 0) parts.push(c.authors.join(', '));
  if (c.title) parts.push(`‘${c.title}’`);
  if (c.outlet) parts.push(c.outlet);
  if (c.date) parts.push(c.date.startsWith('--') ? `${c.date.slice(2)} (year unknown)` : c.date);
  if (parts.length === 0) parts.push(c.span.text);
  return parts.join(', ');
}
