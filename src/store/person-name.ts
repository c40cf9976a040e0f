import { speakerKey } from './normalise-text.js';

// Name particles that come and go with the surname: `al-Muallem` and `Muallem`, `von der Leyen`
// and `Leyen` (never alone a name: `van` is not a person).
const PARTICLES = new Set(
  ('al el ad ad as ash at az bin ibn ben bint abu abd de da di del della dei der den des du la le lo ' +
    'van von ter ten dos das do st y e').split(' '),
);

/**
 * The words of a person's speaker key without particles (`Walid al-Muallem` → `walid muallem`,
 * `Ursula von der Leyen` → `ursula leyen`): what a short form must end with to stand for the
 * full name. Empty when only particles are left.
 */
export function nameCore(key: string): string[] {
  return key.split(' ').filter((w) => w !== '' && !PARTICLES.has(w));
}

/** The last core word: people are indexed by it (`muallem`). Null without one. */
export function surnameOf(key: string): string | null {
  const core = nameCore(key);
  return core.length > 0 ? core[core.length - 1]! : null;
}

/**
 * True when `name` can stand for `other`, a different stored name: `other` ends with the core
 * words of `name` and has at least as many (`al-Muallem`, `Muallem` and `Walid Muallem` for
 * `Walid al-Muallem`). `Walid` alone does not: a given name is too weak a link across articles.
 */
export function canStandFor(name: string, other: string): boolean {
  if (name === other) return false;
  const s = nameCore(name);
  const f = nameCore(other);
  if (s.length === 0 || s.length > f.length) return false;
  return s.every((w, i) => f[f.length - s.length + i] === w);
}

/** The key a person's quotes are grouped under, as `speakerKey` makes it. */
export const personKey = (name: string) => speakerKey(name, 'person');
