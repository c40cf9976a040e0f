import { readFileSync } from 'node:fs';
import type { OutletRegistry } from '../core/stage.js';
import { createOutletRegistry } from './create-outlet-registry.js';
import { REGISTRY_FORMAT, type RegistryFile } from './registry-data.js';

// Relative to this module, so it resolves the same from `src/registry` (tsx, vitest) and `dist/registry`.
const REGISTRY_URL = new URL('../../data/registry/outlets.json', import.meta.url);

let cached: OutletRegistry | null = null;

/**
 * The registry shipped with claimtrace: the State Media Matrix plus our curated outlets.
 * Loaded once (synchronously, before any pipeline is built) and cached.
 */
export function loadOutletRegistry(): OutletRegistry {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(REGISTRY_URL, 'utf8')) as RegistryFile;
  if (file.format !== REGISTRY_FORMAT) {
    throw new Error(`Expected outlet registry format ${REGISTRY_FORMAT} in ${REGISTRY_URL.pathname}, got ${String(file.format)}; rebuild it with \`npx tsx scripts/build-registry.ts\`.`);
  }
  cached = createOutletRegistry(file.outlets, { ambiguous: file.ambiguous });
  return cached;
}
