/**
 * The provenance map: claimtrace's versioned output contract, as a runtime schema (Zod).
 * The human spec is docs/provenance-map.md; `claimtrace schema` prints the JSON Schema.
 *
 * Versioning: MAJOR changes remove or retype a field; MINOR adds fields or layers;
 * PATCH fixes the documentation or the schema without changing documents.
 */
import { z } from 'zod';
import { claimsContractFields } from './claims-schema.js';
import { id, spanSchema } from './common-schema.js';
import { evidenceSchema } from './evidence-schema.js';
import { SCHEMA_VERSION } from './schema-version.js';

export { SCHEMA_VERSION };

export { spanSchema };

export const diagnosticSchema = z.object({
  code: z.string().describe('Stable code, `stage/rule` for content problems (`quote/unclosed-mark`).'),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  span: spanSchema.optional(),
});

export const metaSchema = z.object({
  title: z.string().nullable(),
  authors: z.array(z.string()),
  published: z.string().nullable().describe('ISO 8601 date or date-time.'),
  modified: z.string().nullable(),
  outlet: z.string().nullable().describe('The outlet or site that published the article, as the page names it.'),
  outletId: id('o').nullable().describe('The publishing outlet in `outlets`, when known.'),
  url: z.string().nullable(),
  language: z.string().nullable(),
});

export const paragraphSchema = z.object({
  id: id('p'),
  kind: z.enum(['paragraph', 'blockquote', 'heading', 'list-item', 'preformatted']),
  span: spanSchema,
});

export const linkSchema = z.object({ id: id('l'), span: spanSchema, url: z.string() });

export const sourceMapEntrySchema = z.object({
  paragraphId: id('p'),
  htmlStart: z.number().int().nonnegative().nullable().describe('Start of the element the paragraph came from, as a UTF-16 offset into the decoded HTML page; null when its text was not in the page as parsed.'),
  htmlEnd: z.number().int().nonnegative().nullable(),
});

export const speakerSchema = z.object({
  mention: spanSchema.nullable().describe('Where the speaker is named for this quote (may be a pronoun).'),
  name: z.string().nullable().describe('The resolved name, e.g. the person a pronoun refers to.'),
  description: z.string().nullable().optional(),
  kind: z.enum(['person', 'organisation', 'outlet', 'anonymous', 'unknown']),
  organisation: z.string().nullable().optional(),
  antecedent: spanSchema.nullable().optional().describe('The earlier mention the name was resolved from.'),
  entityId: id('e').nullable().describe('The speaker in `entities`.'),
  outletId: id('o').nullable().describe('The speaker in `outlets`, when the speaker is an outlet.'),
});

export const quoteSchema = z.object({
  id: id('q'),
  kind: z.enum(['direct', 'mixed', 'indirect']),
  content: z.array(spanSchema).min(1),
  cue: spanSchema.nullable(),
  speaker: speakerSchema,
  via: z
    .object({
      citationIds: z.array(id('c')),
      outletIds: z.array(id('o')),
    })
    .describe('The citations and outlets this quote came through.'),
  paragraphId: id('p').nullable(),
  confidence: z.number().min(0).max(1),
});

export const markedPhraseSchema = z.object({
  id: id('m'),
  kind: z.enum(['scare', 'title', 'term']),
  span: spanSchema,
  confidence: z.number().min(0).max(1),
});

export const citationSchema = z.object({
  id: id('c'),
  kind: z.enum(['parenthetical', 'link']),
  span: spanSchema,
  authors: z.array(z.string()),
  title: z.string().nullable(),
  outlet: z.string().nullable().describe('The outlet as written or inherited (ibid, surrounding text).'),
  outletId: id('o').nullable(),
  date: z.string().nullable().describe('ISO 8601, or `--MM-DD` when the year is unknown.'),
  ibidOf: id('c').nullable().describe('The citation this one repeats.'),
  via: z
    .object({ text: z.string(), outlet: z.string().nullable(), outletId: id('o').nullable() })
    .nullable()
    .describe('The source the cited one relied on ("citing FARS news agency").'),
  url: z.string().nullable(),
  covers: z.object({ quoteIds: z.array(id('q')), paragraphId: id('p').nullable() }),
});

export const outletSchema = z.object({
  id: id('o'),
  key: z.string().describe('Registry key, or a normalised name for outlets not in the registry.'),
  name: z.string().describe('Canonical name.'),
  aliasesSeen: z.array(z.string()),
  domains: z.array(z.string()),
  country: z.string().nullable(),
  stateAffiliated: z
    .boolean()
    .describe('Listed in the State Media Matrix with state editorial control (typologies SC, CaPu, CaPr).'),
  registry: z
    .object({
      source: z.string(),
      typology: z.string().nullable().describe('State Media Monitor typology code (SC, CaPu, CaPr, ISFM, ISF, ISM, IP).'),
      typologyLabel: z.string().nullable(),
      owner: z.string().nullable(),
      stateEditorialControl: z.boolean().nullable().optional().describe("Per the typology, whether the state controls the editorial line; null when unknown."),
    })
    .nullable(),
  roles: z.array(z.enum(['named', 'cited', 'linked', 'speaker', 'via', 'publisher'])),
  mentions: z.array(spanSchema),
});

export const entitySchema = z.object({
  id: id('e'),
  kind: z.enum(['person', 'organisation', 'outlet', 'group']),
  name: z.string(),
  descriptions: z.array(z.string()),
  mentions: z.array(spanSchema),
  quoteIds: z.array(id('q')),
});

export const techniqueSchema = z.object({
  id: id('t'),
  technique: z.string().describe('A persuasion technique class of the PTC corpus (SemEval-2020 Task 11), e.g. Loaded_Language.'),
  span: spanSchema,
  confidence: z.number().min(0).max(1).describe('How likely the span holds a technique (a model score, not calibrated).'),
  techniqueProbability: z.number().min(0).max(1).describe('The classifier probability of this technique for the span.'),
});

export const deviceSchema = z.object({
  id: id('d'),
  kind: z
    .enum(['rhetorical-question', 'exclamation', 'slogan', 'scare-quote'])
    .describe("A rhetorical device in the author's own voice, found by a rule: a question put to the reader, an exclamation, a slogan (a short exclamation without pronouns, a line in capitals, a hashtag), or a scare quote."),
  span: spanSchema,
  reason: z.string().describe('Why the rule fired, in a few words.'),
});

export const provenanceMapSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    generator: z.object({ name: z.literal('claimtrace'), version: z.string() }),
    analysis: z
      .object({ stages: z.array(z.object({ layer: z.string(), version: z.string() })) })
      .describe('The stages that ran, in order, with their versions: a layer missing here was not computed (its array is empty).'),
    source: z.object({
      path: z.string(),
      format: z.enum(['text', 'html']),
      encoding: z.string(),
      bytes: z.number().int().nonnegative(),
    }),
    meta: metaSchema,
    text: z.string().describe('The document text; for plain-text input exactly the decoded file.'),
    paragraphs: z.array(paragraphSchema),
    links: z.array(linkSchema),
    sourceMap: z
      .array(sourceMapEntrySchema)
      .optional()
      .describe('HTML input read with --source-map: for each paragraph, the range of its element in the decoded page, to highlight spans in the page as it was (added in 1.2.0).'),
    quotes: z.array(quoteSchema),
    markedPhrases: z.array(markedPhraseSchema).describe('Scare quotes, titles and terms in quotation marks: not quotations.'),
    citations: z.array(citationSchema),
    outlets: z.array(outletSchema),
    entities: z.array(entitySchema),
    ...claimsContractFields,
    techniques: z.array(techniqueSchema).describe('Persuasion techniques as spans (empty when the rhetoric stage did not run).'),
    devices: z.array(deviceSchema).describe("Rhetorical devices in the author's voice, found by rules (added in schema 1.2.0)."),
    evidence: evidenceSchema,
    diagnostics: z.array(diagnosticSchema),
  })
  .describe('claimtrace provenance map of one article.');

export type SerializedSpan = z.infer<typeof spanSchema>;
export type ProvenanceMap = z.infer<typeof provenanceMapSchema>;
export type SerializedQuote = z.infer<typeof quoteSchema>;
export type SerializedCitation = z.infer<typeof citationSchema>;
export type SerializedOutlet = z.infer<typeof outletSchema>;
export type SerializedEntity = z.infer<typeof entitySchema>;
export type SerializedTechnique = z.infer<typeof techniqueSchema>;
export type SerializedDevice = z.infer<typeof deviceSchema>;
export type SerializedDiagnostic = z.infer<typeof diagnosticSchema>;

/** The JSON Schema (draft 2020-12) of the provenance map. */
export function provenanceMapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(provenanceMapSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $id: `https://claimtrace.dev/schema/provenance-map-${SCHEMA_VERSION}.json`,
    title: 'claimtrace provenance map',
    ...schema,
  };
}
