import type { OutletFacts, OutletRef, OutletsLayer } from '../../core/layers.js';
import { compareSpans, type Span } from '../../core/span.js';
import { defineStage } from '../../core/stage.js';
import { normaliseOutletName } from '../../registry/normalise-name.js';
import { collectOutletSightings, type OutletRole, type OutletSighting } from './collect-outlet-sightings.js';

const ROLE_ORDER: readonly OutletRole[] = ['named', 'cited', 'linked', 'speaker', 'via', 'publisher'];

/**
 * Every outlet the article names, cites, links, quotes or is published by, one entry per outlet
 * (by registry key, or by normalised name for outlets the registry does not list), ordered by
 * first appearance.
 */
export const outletsStage = defineStage({
  provides: 'outlets',
  version: '1',
  requires: ['structure', 'quotes', 'citations'],
  run(ctx, { quotes, citations }) {
    const sightings = collectOutletSightings(ctx.input, quotes, citations, ctx.resources.outlets);
    return { layer: mergeSightings(sightings) };
  },
});

/** Groups sightings into outlets; exported for tests that build sightings by hand. */
export function mergeSightings(sightings: readonly OutletSighting[]): OutletsLayer {
  const groups = new Map<string, { facts: OutletFacts; names: string[]; mentions: Span[]; roles: Set<OutletRole>; first: number }>();
  for (const s of sightings) {
    const key = s.facts?.key ?? unlistedKey(s.name);
    if (!key) continue;
    let g = groups.get(key);
    if (!g) {
      g = { facts: s.facts ?? unlistedFacts(key, s), names: [], mentions: [], roles: new Set(), first: s.at };
      groups.set(key, g);
    }
    if (!g.names.includes(s.name)) g.names.push(s.name);
    if (s.mention && !g.mentions.some((m) => m.start === s.mention!.start && m.end === s.mention!.end)) g.mentions.push(s.mention);
    g.roles.add(s.role);
    g.first = Math.min(g.first, s.at);
  }
  const ordered = [...groups.values()].sort((a, b) => a.first - b.first || a.facts.key.localeCompare(b.facts.key));
  const outlets: OutletRef[] = ordered.map((g, i) => ({
    id: `o${i + 1}`,
    facts: g.facts,
    aliasesSeen: g.names,
    mentions: [...g.mentions].sort(compareSpans),
    roles: ROLE_ORDER.filter((r) => g.roles.has(r)),
  }));
  return { outlets };
}

/** `Iran Front Page` → `iran-front-page`; a host keeps its dots (`ifpnews.com`). */
function unlistedKey(name: string): string {
  if (isHost(name)) return name.toLowerCase();
  return normaliseOutletName(name).replace(/ /g, '-');
}

function isHost(name: string): boolean {
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(name);
}

function unlistedFacts(key: string, s: OutletSighting): OutletFacts {
  return {
    key,
    name: s.name.replace(/^the\s+/, ''),
    aliases: [],
    domains: isHost(s.name) ? [s.name.toLowerCase()] : [],
    country: null,
    stateAffiliated: false,
    registry: null,
  };
}
