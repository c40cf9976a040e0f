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

/**
 * "state-affiliated (State Media Matrix: state-controlled)"; for an outlet the matrix lists
 * without state affiliation, what it says ("listed by the State Media Matrix: independent public
 * media"); else that the matrix does not list it.
 */
export function affiliationOf(outlet: SerializedOutlet): string {
  const r = outlet.registry;
  const typology = r?.typologyLabel ? lowerFirst(r.typologyLabel.replace(/\s+media$/i, '')) : null;
  if (outlet.stateAffiliated) return `state-affiliated (${r ? registryName(r.source) : 'registry'}${typology ? `: ${typology}` : ''})`;
  if (r?.source === 'state-media-matrix' && r.typologyLabel) return `listed by the State Media Matrix: ${lowerFirst(r.typologyLabel)}`;
  if (r) return 'not listed as state-affiliated (State Media Matrix)';
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
