import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

// Pins the library's public surface: a change here is a change of the package's API
// and belongs in the changelog (and, for the JSON contract, in SCHEMA_VERSION).
describe('public API', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ClaimtraceError',
        'INPUT_ERROR_CODES',
        'SCHEMA_VERSION',
        'VERSION',
        'analyzeText',
        'checkInvariants',
        'codePointsToUtf16',
        'createAnalyzer',
        'createPipeline',
        'decodeBytes',
        'defaultLayers',
        'defaultStages',
        'defineStage',
        'diagnostic',
        'extractHtml',
        'formatMarkdown',
        'formatTerminal',
        'isClaimtraceError',
        'listArticleFiles',
        'loadOutletRegistry',
        'provenanceMapJsonSchema',
        'provenanceMapSchema',
        'readArticle',
        'renderReport',
        'toProvenanceMap',
        'utf16ToCodePoints',
      ].sort(),
    );
  });

  it('versions the contract', () => {
    expect(api.SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
