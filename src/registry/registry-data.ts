/**
 * The shape of `data/registry/outlets.json`, written by `scripts/build-registry.ts` from the
 * State Media Matrix and our curated list, read by `loadOutletRegistry`.
 */

export const REGISTRY_FORMAT = 1;

export type RegistrySource = 'state-media-matrix' | 'claimtrace-curated';

export interface RegistryEntry {
  readonly key: string;
  readonly name: string;
  /** Other names the outlet goes by (`IRNA`, `Islamic Republic News Agency`). */
  readonly aliases: readonly string[];
  /** Host names without `www.`; a host also matches its subdomains. */
  readonly domains: readonly string[];
  readonly country: string | null;
  readonly source: RegistrySource;
  /** State Media Matrix typology code (`SC`, `CaPu` …), null for curated outlets. */
  readonly typology: string | null;
  /** The media company that owns the outlet, as the source gives it. */
  readonly owner: string | null;
  readonly stateAffiliated: boolean;
  /**
   * The names `findMentions` looks for in running text. Omitted: the name and every alias.
   * Single common words (`Star`, `Iran`, `Mir`) are left out so that they only resolve by name.
   */
  readonly mention?: readonly string[];
}

export interface RegistryFile {
  readonly format: number;
  readonly generated: string;
  readonly credits: readonly string[];
  readonly typologies: Readonly<Record<string, string>>;
  /** Names that stand for several outlets ("the Times", "the Post"): never resolved. */
  readonly ambiguous: readonly string[];
  readonly outlets: readonly RegistryEntry[];
}

/** State Media Monitor typology, as the State Media Matrix README tabulates it. */
export const TYPOLOGY_LABELS: Readonly<Record<string, string>> = Object.freeze({
  SC: 'State-controlled media',
  CaPu: 'Captured public/state-managed media',
  CaPr: 'Captured private media',
  ISFM: 'Independent state-funded and state-managed media',
  ISF: 'Independent state-funded media',
  ISM: 'Independent state-managed media',
  IP: 'Independent public media',
});

/** Label of a typology code; the matrix marks uncertain codes with `?` (`ISFM?`). */
export function typologyLabel(code: string | null): string | null {
  if (!code) return null;
  const uncertain = code.endsWith('?');
  const label = TYPOLOGY_LABELS[uncertain ? code.slice(0, -1) : code];
  if (!label) return null;
  return uncertain ? `${label} (uncertain)` : label;
}

/**
 * Whether the state controls the outlet's editorial line, by the State Media Monitor typology:
 * yes for state-controlled and captured media (SC, CaPu, CaPr), no for the independent kinds
 * (ISFM, ISF, ISM, IP), null when there is no typology (curated, non-matrix outlets).
 */
export function stateEditorialControl(code: string | null): boolean | null {
  if (!code) return null;
  const base = code.endsWith('?') ? code.slice(0, -1) : code;
  if (base === 'SC' || base === 'CaPu' || base === 'CaPr') return true;
  if (base in TYPOLOGY_LABELS) return false;
  return null;
}
