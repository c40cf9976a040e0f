export { loadOutletRegistry } from './load-outlet-registry.js';
export { createOutletRegistry, outletFactsOf, cleanHost, type CreateOutletRegistryOptions } from './create-outlet-registry.js';
export { normaliseOutletName, foldName, isAcronym } from './normalise-name.js';
export { typologyLabel, TYPOLOGY_LABELS, REGISTRY_FORMAT, type RegistryEntry, type RegistryFile, type RegistrySource } from './registry-data.js';
