/**
 * The provenance map's contract version (semver; see `schema.ts`), in a module of its own so that
 * writing a map (`serialize.ts`, the CLI) does not load Zod and the schema.
 */
export const SCHEMA_VERSION = '1.2.0';
