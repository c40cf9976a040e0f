/**
 * Corpus: many articles into a `CorpusStore`. `ingestPaths` walks files and directories,
 * analyses in worker threads and writes from the calling thread; the formatters turn query
 * results into files other tools read (GraphML, GEXF, CSV).
 */
export {
  ingestPaths,
  DEFAULT_TIMEOUT_MS,
  type IngestOptions,
  type IngestProgress,
  type IngestSummary,
  type IngestFailure,
  type IngestFetchOptions,
} from './ingest.js';
export type { ArticleAnalyzer } from './analyze-file.js';
export { formatCitationGraph, toGraphml, toGexf, toEdgeCsv, type GraphFormat } from './format-citation-graph.js';
export { formatProgress, formatDuration } from './format-progress.js';
export { toCsv } from './to-csv.js';
export {
  exportParquet,
  parquetColumns,
  PARQUET_TABLES,
  EXPORT_ERROR_CODES,
  type ParquetTable,
  type ParquetColumn,
  type ParquetExportOptions,
  type ParquetExportSummary,
} from './export-parquet.js';
export { writeParquetFile } from './export-parquet-file.js';
