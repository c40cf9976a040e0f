/**
 * claimtrace — the provenance map of news and opinion articles.
 * The public surface of the library; `test/public-api.test.ts` pins it.
 */
export { analyzeText, createAnalyzer, defaultStages, type Analyzer, type AnalyzerOptions } from './analyze.js';
export {
  SCHEMA_VERSION,
  provenanceMapSchema,
  provenanceMapJsonSchema,
  type ProvenanceMap,
  type SerializedSpan,
  type SerializedQuote,
  type SerializedCitation,
  type SerializedOutlet,
  type SerializedEntity,
  type SerializedDiagnostic,
} from './contract/schema.js';
export { checkInvariants, type InvariantIssue } from './contract/check-invariants.js';
export { toProvenanceMap } from './contract/serialize.js';
export { createPipeline, type Pipeline, type PipelineResult } from './core/pipeline.js';
export { defineStage, type Stage, type StageContext, type StageResult, type Resources, type OutletRegistry } from './core/stage.js';
export { ClaimtraceError, isClaimtraceError, diagnostic, type Diagnostic, type Severity } from './core/diagnostics.js';
export type { ArticleInput, ArticleMeta, Block, Link, SourceInfo } from './core/document.js';
export type * from './core/layers.js';
export { utf16ToCodePoints, codePointsToUtf16, type Span, type TextSpan } from './core/span.js';
export { formatMarkdown } from './format/markdown.js';
export { formatTerminal } from './format/terminal.js';
export { renderReport, defaultLayers, type RenderReportOptions, type LayerDescriptor } from './report/index.js';
export { readArticle, listArticleFiles, extractHtml, decodeBytes, INPUT_ERROR_CODES } from './ingest/index.js';
export { loadOutletRegistry } from './registry/index.js';
export { VERSION } from './version.js';
