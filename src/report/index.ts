/**
 * The HTML report: one self-contained page per provenance map (`claimtrace report`).
 */
export { renderReport, drawLayers, buildContext, type RenderReportOptions, type DrawnLayer } from './render-report.js';
export { defaultLayers } from './default-layers.js';
export type { Annotation, LayerDescriptor, ReportContext } from './annotate.js';
export type { ReportMap } from './optional-layers.js';
