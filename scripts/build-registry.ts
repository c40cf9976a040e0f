/**
 * Builds `data/registry/outlets.json` from
 *   - the State Media Matrix (MIT, Alliance for Securing Democracy; seed data State Media Monitor),
 *   - `data/registry/state-media-aliases.json` (our additions: the short names articles use),
 *   - `data/registry/curated.json` (our list of major non-state outlets).
 *
 *   npx tsx scripts/build-registry.ts [path/to/State_Media_Matrix.csv]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { foldName, isAcronym, normaliseOutletName } from '../src/registry/normalise-name.js';
import { REGISTRY_FORMAT, TYPOLOGY_LABELS, type RegistryEntry, type RegistryFile } from '../src/registry/registry-data.js';

const dataDir = new URL('../data/registry/', import.meta.url);
const matrixPath = process.argv[2] ?? '/work/shared/datasets/outlets/state-media/State_Media_Matrix.csv';

interface Supplements {
  readonly outlets: readonly { match: string; country: string; name?: string; add?: string[]; domains?: string[]; mention?: string[] }[];
  /** Matrix names too generic to look for in running text ("The Paper", "China Today"). */
  readonly nameOnly: readonly string[];
  /** Single-word matrix names distinctive enough to look for in running text (`Granma`, `TeleSUR`). */
  readonly mentionSingleWords: readonly string[];
}

interface CuratedOutlet {
  name: string;
  country: string | null;
  domains: string[];
  aliases?: string[];
  /** Aliases resolved by name only, never searched in text ("The Atlantic" vs "across the Atlantic"). */
  nameOnly?: string[];
}

interface Curated {
  readonly ambiguous: readonly string[];
  readonly outlets: readonly CuratedOutlet[];
}

// ── CSV ──────────────────────────────────────────────────────────────────────

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

// ── cleaning matrix names ────────────────────────────────────────────────────

const MEDIUM_PREFIX = /^(?:print media|print|television|radio|online|news agency|tv)\s*:\s*/i;
const EDITION_WORDS = new Set(
  'english spanish french arabic russian german japanese korean portuguese chinese turkish italian serbian persian farsi polish greek georgian urdu kurdi deutsch español français international africa america europe global usa hk'.split(' '),
);

/** `Television: China Global Television Network (CGTN` → name and the bracketed alternative. */
function splitAsset(raw: string): { name: string; alt: string | null } {
  const s = raw.replace(MEDIUM_PREFIX, '').replace(/\*+/g, '').trim();
  const open = s.indexOf('(');
  if (open < 0) return { name: s.replace(/\)/g, '').trim(), alt: null };
  const name = s.slice(0, open).trim();
  const close = s.indexOf(')', open);
  const alt = s.slice(open + 1, close < 0 ? undefined : close).replace(MEDIUM_PREFIX, '').trim();
  return { name: name || alt, alt: name && alt ? alt : null };
}

/** `RT Deutsch`, `Russian RT`, `CGTN Русский`, `(Indian edition)` → the outlet without its edition. */
function stripEdition(name: string): string {
  const words = name.split(/\s+/);
  while (words.length > 1 && isEditionWord(words[words.length - 1]!)) words.pop();
  while (words.length > 1 && isEditionWord(words[0]!)) words.shift();
  return words.join(' ');
}

function isEditionWord(word: string): boolean {
  return EDITION_WORDS.has(word.toLowerCase()) || !/[A-Za-z0-9]/.test(word);
}

function isEditionNote(alt: string): boolean {
  return /edition$/i.test(alt) || alt.split(/\s+/).every(isEditionWord);
}

const EDITION_SUBDOMAINS = new Set(
  'en eng english arabic ar fr french spanish espanol mundo de german russian ru tr turkish japanese jp korean portuguese br cn it rs pl gr ch ur urdu persian news m test global usa europe africa america www3 hk'.split(' '),
);

function hostOf(url: string): string | null {
  const u = url.trim();
  if (!u) return null;
  try {
    return new URL(/^https?:\/\//i.test(u) ? u : `http://${u}`).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** `english.almanar.com.lb` → `almanar.com.lb`, so the bare site resolves too; `news.cn` stays. */
function siteOf(host: string): string | null {
  const labels = host.split('.');
  if (labels.length < 3 || !EDITION_SUBDOMAINS.has(labels[0]!)) return null;
  const rest = labels.slice(1);
  if (rest.length === 2 && /^(co|com|org|net|gov|ac|edu)$/.test(rest[0]!)) return null;
  return rest.join('.');
}

function slug(name: string): string {
  return foldName(name).replace(/^the /, '').replace(/ /g, '-');
}

function mentionable(name: string, nameOnly: ReadonlySet<string>, singleWords: ReadonlySet<string>): boolean {
  if (nameOnly.has(foldName(name))) return false;
  if (singleWords.has(name)) return true;
  // Two-letter acronyms (`DR`, `AA`, `KP`) are too often something else; `RT` and `DW` are let in by name.
  if (isAcronym(name)) return name.length >= 3;
  if (/\.[a-z]{2,}$/i.test(name)) return true; // `Lenta.ru`
  return foldName(name).replace(/^the /, '').split(' ').length >= 2;
}

// ── groups ───────────────────────────────────────────────────────────────────

interface Group {
  country: string;
  owner: string;
  typology: string;
  names: string[];
  domains: string[];
  derivedDomains: string[];
  extraMention: string[];
  displayName: string | null;
}

function buildMatrixEntries(csv: string, supplements: Supplements): RegistryEntry[] {
  const [header, ...rows] = parseCsv(csv);
  if (!header) throw new Error('Expected a CSV header in the State Media Matrix, got an empty file.');
  const col = (name: string): number => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`Expected column \`${name}\` in the State Media Matrix, got: ${header.join(', ')}`);
    return i;
  };
  const [cCountry, cCompany, cAsset, cUrl, cTypology] = ['Country', 'Media company', 'Main assets', 'URL', 'Typology'].map(col) as [number, number, number, number, number];

  const supplementNames = new Map<string, string[]>();
  for (const s of supplements.outlets) {
    const names = [s.match, ...(s.add ?? [])];
    for (const n of names) supplementNames.set(`${s.country}|${normaliseOutletName(n)}`, names);
  }
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  for (const row of rows) {
    const country = (row[cCountry] ?? '').trim();
    const rawAsset = (row[cAsset] ?? '').trim();
    if (!country || !rawAsset) continue;
    const owner = (row[cCompany] ?? '').replace(/\*+/g, '').trim();
    const { name, alt } = splitAsset(rawAsset);
    const base = stripEdition(name);
    const names = [name, base];
    if (alt && !isEditionNote(alt)) names.push(alt);
    // The company names the asset when they are one: `Islamic Republic News Agency (IRNA)` / `IRNA`.
    const company = splitAsset(owner);
    const companyNames = [company.name, company.alt].filter((n): n is string => !!n);
    if (companyNames.some((n) => normaliseOutletName(n) === normaliseOutletName(base))) names.push(...companyNames);

    // Our added names join rows the matrix spells differently (`FNA English` is Fars News Agency).
    for (const n of [...names]) for (const add of supplementNames.get(`${country}|${normaliseOutletName(n)}`) ?? []) names.push(add);
    const keys = [...new Set(names.map((n) => `${country}|${normaliseOutletName(n)}`))];
    const found = [...new Set(keys.map((k) => byKey.get(k)).filter((g): g is Group => !!g))];
    let group = found[0];
    if (!group) {
      group = { country, owner, typology: (row[cTypology] ?? '').trim(), names: [], domains: [], derivedDomains: [], extraMention: [], displayName: null };
      groups.push(group);
    }
    for (const other of found.slice(1)) {
      // Two groups met through a shared name: fold the later into the earlier.
      group.names.push(...other.names);
      group.domains.push(...other.domains);
      group.derivedDomains.push(...other.derivedDomains);
      groups.splice(groups.indexOf(other), 1);
      for (const [k, g] of byKey) if (g === other) byKey.set(k, group);
    }
    group.names.push(...names);
    for (const k of keys) byKey.set(k, group);
    const host = hostOf(row[cUrl] ?? '');
    if (host) {
      group.domains.push(host);
      const site = siteOf(host);
      if (site) group.derivedDomains.push(site);
    }
  }

  const missing: string[] = [];
  for (const s of supplements.outlets) {
    const group = byKey.get(`${s.country}|${normaliseOutletName(s.match)}`);
    if (!group) {
      missing.push(`\`${s.match}\` (${s.country})`);
      continue;
    }
    if (s.name) group.displayName = s.name;
    group.names.push(...(s.add ?? []));
    group.domains.push(...(s.domains ?? []));
    group.extraMention.push(...(s.mention ?? []));
  }

  if (missing.length) throw new Error(`Expected state-media-aliases.json to name outlets of the State Media Matrix, but no row names ${missing.join(', ')}.`);
  const nameOnly = new Set(supplements.nameOnly.map(foldName));
  const singleWords = new Set(supplements.mentionSingleWords);
  const claimed = new Set(groups.flatMap((g) => g.domains));
  return groups.map((g) => {
    const name = g.displayName ?? g.names[0]!;
    const aliases = dedupeNames(g.names).filter((n) => n !== name);
    const derived = g.derivedDomains.filter((d) => !claimed.has(d));
    for (const d of derived) claimed.add(d);
    return {
      key: '',
      name,
      aliases,
      domains: [...new Set([...g.domains, ...derived])],
      country: g.country,
      source: 'state-media-matrix' as const,
      typology: g.typology || null,
      owner: g.owner || null,
      stateAffiliated: true,
      mention: dedupeNames([name, ...aliases].filter((n) => mentionable(n, nameOnly, singleWords)).concat(g.extraMention)),
    };
  });
}

function dedupeNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    const t = n.trim();
    if (!t || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}

function buildCuratedEntries(curated: Curated): RegistryEntry[] {
  return curated.outlets.map((o) => {
    const aliases = dedupeNames(o.aliases ?? []);
    const nameOnly = new Set((o.nameOnly ?? []).map(foldName));
    const all = [o.name, ...aliases];
    const entry: RegistryEntry = {
      key: '',
      name: o.name,
      aliases,
      domains: o.domains,
      country: o.country,
      source: 'claimtrace-curated',
      typology: null,
      owner: null,
      stateAffiliated: false,
      ...(nameOnly.size ? { mention: all.filter((n) => !nameOnly.has(foldName(n))) } : {}),
    };
    return entry;
  });
}

/** Keys are the name's slug (`fars-news-agency`), with the country added only when two outlets share it. */
function assignKeys(entries: RegistryEntry[]): RegistryEntry[] {
  const count = new Map<string, number>();
  for (const e of entries) count.set(slug(e.name), (count.get(slug(e.name)) ?? 0) + 1);
  const used = new Set<string>();
  return entries.map((e) => {
    let key = slug(e.name);
    if ((count.get(key) ?? 0) > 1) key = `${key}-${slug(e.country ?? 'xx')}`;
    for (let i = 2; used.has(key); i++) key = `${slug(e.name)}-${slug(e.country ?? 'xx')}-${i}`;
    used.add(key);
    return { ...e, key };
  });
}

function main(): void {
  const csv = readFileSync(matrixPath, 'utf8');
  const supplements = JSON.parse(readFileSync(new URL('state-media-aliases.json', dataDir), 'utf8')) as Supplements;
  const curated = JSON.parse(readFileSync(new URL('curated.json', dataDir), 'utf8')) as Curated;
  const matrix = buildMatrixEntries(csv, supplements);
  const ours = buildCuratedEntries(curated);

  // A curated outlet that the matrix already lists would make two entries for one outlet.
  const matrixHosts = new Map(matrix.flatMap((e) => e.domains.map((d) => [d, e.name] as const)));
  for (const o of ours) for (const d of o.domains) if (matrixHosts.has(d)) throw new Error(`Expected curated outlet \`${o.name}\` not to be in the State Media Matrix, but ${d} is listed there as \`${matrixHosts.get(d)}\`.`);

  const file: RegistryFile = {
    format: REGISTRY_FORMAT,
    generated: 'scripts/build-registry.ts',
    credits: [
      'State Media Matrix, Alliance for Securing Democracy at the German Marshall Fund (MIT licence, see STATE_MEDIA_MATRIX_LICENSE); seed data (country, media company, main assets, typology) from the State Media Monitor, Media and Journalism Research Center.',
      'Curated outlets and aliases: claimtrace contributors.',
    ],
    typologies: TYPOLOGY_LABELS,
    ambiguous: curated.ambiguous,
    outlets: assignKeys([...matrix, ...ours]),
  };
  const lines = file.outlets.map((o) => JSON.stringify(o));
  const head = JSON.stringify({ ...file, outlets: [] }).slice(0, -3); // drop `[]}`
  writeFileSync(fileURLToPath(new URL('outlets.json', dataDir)), `${head}[\n${lines.join(',\n')}\n]}\n`);
  console.log(`outlets.json: ${matrix.length} state-media outlets, ${ours.length} curated`);
}

main();
