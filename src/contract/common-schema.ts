/** Building blocks shared by the provenance-map schemas. */
import { z } from 'zod';

export const spanSchema = z
  .object({
    start: z.number().int().nonnegative().describe('Half-open start, in UTF-16 code units into `text`.'),
    end: z.number().int().nonnegative().describe('Half-open end, in UTF-16 code units into `text`.'),
    text: z.string().describe('Exactly `text.slice(start, end)`.'),
  })
  .describe('A span of the document text.');

export const id = (prefix: string) => z.string().regex(new RegExp(`^${prefix}\\d+$`));

