import { defineStage } from '../../core/stage.js';
import { splitParagraphs } from './split-paragraphs.js';
import { splitSentences } from './split-sentences.js';

/** Paragraphs (from HTML blocks or blank lines) and sentences. */
export const structureStage = defineStage({
  provides: 'structure',
  version: '1',
  requires: [],
  run({ input }) {
    const paragraphs = splitParagraphs(input.text, input.blocks);
    const sentences = splitSentences(input.text, paragraphs);
    return { layer: { paragraphs, sentences } };
  },
});

export { splitParagraphs, splitSentences };
