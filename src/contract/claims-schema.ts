/**
 * The claims part of the provenance map (added in schema 1.1.0): claims with their support,
 * hedges, anonymous sources and the author's stance on attributions.
 */
import { z } from 'zod';
import { id, spanSchema } from './common-schema.js';

export const claimSchema = z.object({
  id: id('k'),
  kind: z.enum(['event', 'quantity', 'attributed', 'causal', 'other']),
  span: spanSchema,
  paragraphId: id('p').nullable(),
  support: z.object({
    quoteIds: z.array(id('q')).describe('Quotes the claim is, or holds the cue of.'),
    citationIds: z.array(id('c')).describe('References in or right after the claim, or closing its paragraph.'),
    outletIds: z.array(id('o')).describe('Outlets behind those quotes, references and "according to" sources.'),
    attributions: z.array(spanSchema).describe('Sources named in the claim\'s own words ("according to the finance office").'),
    anonymousSourceIds: z.array(id('a')),
    status: z.enum(['sourced', 'unsourced']).describe('`sourced` when any support above is present; says nothing about truth.'),
  }),
  hedgeIds: z.array(id('h')),
  stance: z.enum(['disputed', 'endorsed', 'neutral']).describe('How the author frames the attribution ("falsely claimed", "confirmed").'),
  stanceCue: spanSchema.nullable(),
});

export const hedgeSchema = z.object({
  id: id('h'),
  kind: z.enum(['hedge', 'evidential', 'unverified-marker']),
  cue: z.string().describe('The lexicon entry matched, lower case ("could not be independently verified").'),
  span: spanSchema,
  claimIds: z.array(id('k')).describe('The claims this hedge qualifies.'),
});

export const anonymousSourceSchema = z.object({
  id: id('a'),
  span: spanSchema,
  quoteId: id('q').nullable(),
  detectedBy: z.enum(['quote-speaker', 'lexicon']),
});

export const quoteStanceSchema = z.object({
  quoteId: id('q'),
  stance: z.enum(['disputed', 'endorsed']),
  cue: spanSchema,
});

/** The fields to add to `provenanceMapSchema`. */
export const claimsContractFields = {
  claims: z.array(claimSchema).describe('Sentences or clauses asserting something checkable, with what supports them. Never a verdict on truth.'),
  hedges: z.array(hedgeSchema).describe('Hedges, evidentials and unverified-markers.'),
  anonymousSources: z.array(anonymousSourceSchema).describe('Sources the text leaves unnamed.'),
  quoteStances: z.array(quoteStanceSchema).describe('How the author frames a quote\'s attribution.'),
};

export type SerializedClaims = z.infer<z.ZodObject<typeof claimsContractFields>>;
