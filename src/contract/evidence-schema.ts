/**
 * The evidence summary of the provenance map (added in schema 1.1.0): counts of what the
 * article rests on. Labels describe the text ("unsourced", "anonymous source"), never truth.
 */
import { z } from 'zod';
import { id } from './common-schema.js';

const sourceKind = z.enum(['named-person', 'anonymous', 'official-body', 'outlet', 'document', 'unidentified']);
const claimKindCounts = z.object({ event: z.number(), quantity: z.number(), attributed: z.number(), causal: z.number(), other: z.number() });

export const evidenceSchema = z
  .object({
    claims: z.object({
      total: z.number().int(),
      sourced: z.number().int(),
      unsourced: z.number().int(),
      anonymousOnly: z.number().int().describe('Sourced claims whose only support is an anonymous source.'),
      byKind: claimKindCounts,
      hedged: z.number().int(),
      hedgedIds: z.array(id('k')),
      unsourcedIds: z.array(id('k')),
      disputed: z.number().int(),
      endorsed: z.number().int(),
    }),
    hedges: z.object({
      total: z.number().int(),
      byKind: z.object({ hedge: z.number(), evidential: z.number(), 'unverified-marker': z.number() }),
    }),
    sources: z.object({
      byKind: z.record(sourceKind, z.number()),
      list: z.array(
        z.object({
          kind: sourceKind,
          name: z.string().nullable(),
          quoteIds: z.array(id('q')),
          citationIds: z.array(id('c')),
        }),
      ),
    }),
    stateAffiliatedOutlets: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        country: z.string().nullable(),
        typology: z.string().nullable(),
        typologyLabel: z.string().nullable(),
        roles: z.array(z.string()),
      }),
    ),
    chains: z
      .array(z.object({ links: z.array(z.string()), quoteIds: z.array(id('q')), citationIds: z.array(id('c')) }))
      .describe('The longest chains, "A, citing B, citing C": links[0] is what the article cites.'),
    techniques: z.array(z.object({ technique: z.string(), count: z.number().int() })),
    devices: z
      .array(z.object({ kind: z.enum(['rhetorical-question', 'exclamation', 'slogan', 'scare-quote']), count: z.number().int() }))
      .describe("Rhetorical devices in the author's voice by kind (added in schema 1.2.0)."),
  })
  .describe('What the article rests on, counted.');
