import type { OutletFacts } from '../core/layers.js';
import type { OutletRegistry } from '../core/stage.js';
import { buildMentionTrie } from './mention-trie.js';
import { normaliseOutletName } from './normalise-name.js';
import { stateEditorialControl, typologyLabel, type RegistryEntry } from './registry-data.js';

export interface CreateOutletRegistryOptions {
  /** Names that stand for several outlets ("the Times"): `byName` returns null, `findMentions` skips them. */
  readonly ambiguous?: readonly string[];
}

/** Turns a registry entry into the facts a layer carries. */
export function outletFactsOf(entry: RegistryEntry): OutletFacts {
  return Object.freeze({
    key: entry.key,
    name: entry.name,
    aliases: Object.freeze([...entry.aliases]),
    domains: Object.freeze([...entry.domains]),
    country: entry.country,
    // The matrix lists every outlet the state funds, manages or controls, from IRNA to the
    // BBC. "State-affiliated" in claimtrace means the state has editorial control
    // (State Media Monitor typologies SC, CaPu, CaPr); the others stay in `registry`.
    stateAffiliated: entry.stateAffiliated && stateEditorialControl(entry.typology) !== false,
    registry: Object.freeze({
      source: entry.source,
      typology: entry.typology,
      typologyLabel: typologyLabel(entry.typology),
      owner: entry.owner,
      stateEditorialControl: stateEditorialControl(entry.typology),
    }),
  });
}

/**
 * An in-memory registry over `entries`. Misuse throws: two entries with one key.
 * Names shared by two outlets (`NTV` in Russia and Turkey) resolve to neither.
 */
export function createOutletRegistry(entries: readonly RegistryEntry[], options: CreateOutletRegistryOptions = {}): OutletRegistry {
  const ambiguous = new Set((options.ambiguous ?? []).map(normaliseOutletName));
  const facts = new Map<string, OutletFacts>();
  const byNormalName = new Map<string, OutletFacts | null>();
  const byDomain = new Map<string, OutletFacts>();

  for (const entry of entries) {
    if (facts.has(entry.key)) throw new Error(`Expected unique outlet keys in the registry, but \`${entry.key}\` appears twice.`);
    const f = outletFactsOf(entry);
    facts.set(entry.key, f);
    for (const name of [entry.name, ...entry.aliases]) {
      const n = normaliseOutletName(name);
      if (!n || ambiguous.has(n)) continue;
      const seen = byNormalName.get(n);
      if (seen === undefined) byNormalName.set(n, f);
      else if (seen !== null && seen !== f) byNormalName.set(n, null);
    }
    for (const d of entry.domains) {
      const host = cleanHost(d);
      if (host && !byDomain.has(host)) byDomain.set(host, f);
    }
  }

  const trie = buildMentionTrie(
    entries.flatMap((e) => {
      const f = facts.get(e.key)!;
      // A name that normalises to another outlet's name too (`the Daily Star` / `Daily Star`) is left out.
      return (e.mention ?? [e.name, ...e.aliases]).filter((n) => byNormalName.get(normaliseOutletName(n)) === f).map((n) => [n, f] as const);
    }),
  );

  const byHost = (host: string): OutletFacts | null => {
    let h = cleanHost(host);
    while (h && h.includes('.')) {
      const f = byDomain.get(h);
      if (f) return f;
      h = h.slice(h.indexOf('.') + 1);
    }
    return null;
  };

  // Articles ask for the same few names again and again: answers are kept (the registry never
  // changes), up to a bound so that a long run over many articles does not grow without end.
  const answers = new Map<string, OutletFacts | null>();
  const lookUp = (name: string): OutletFacts | null => {
    const n = normaliseOutletName(name);
    if (!n) return null;
    const f = byNormalName.get(n);
    if (f !== undefined) return f;
    // `nytimes.com` is a name too.
    if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(name.trim())) return byHost(name);
    return null;
  };

  return Object.freeze({
    byName(name: string): OutletFacts | null {
      let f = answers.get(name);
      if (f === undefined) {
        f = lookUp(name);
        if (answers.size >= 50_000) answers.clear();
        answers.set(name, f);
      }
      return f;
    },
    byHost,
    findMentions(text: string) {
      return trie.find(text).map((m) => ({ span: m.span, outlet: m.value }));
    },
  });
}

/** `https://www.NYTimes.com:443/x` or `www.nytimes.com.` → `nytimes.com`. */
export function cleanHost(hostOrUrl: string): string {
  let h = hostOrUrl.trim().toLowerCase();
  const scheme = h.indexOf('://');
  if (scheme >= 0) h = h.slice(scheme + 3);
  h = h.replace(/[/?#].*$/, '').replace(/:\d+$/, '').replace(/\.$/, '');
  if (h.includes('@')) h = h.slice(h.lastIndexOf('@') + 1);
  return h.replace(/^www\d?\./, '');
}
