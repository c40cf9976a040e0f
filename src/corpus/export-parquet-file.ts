/**
 * Where `claimtrace export -o <file>` writes. A regular file is written under a temporary name
 * beside it and renamed into place when complete, so an interrupted or failed export never
 * leaves a truncated file under the name asked for. A device or named pipe (`/dev/stdout` piped
 * on, a FIFO) is written directly; a terminal is refused for Parquet, which is binary.
 */
import { createWriteStream, openSync, closeSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { isatty } from 'node:tty';
import { ClaimtraceError } from '../core/diagnostics.js';
import type { CorpusStore } from '../store/types.js';
import { exportParquet, type ParquetExportOptions, type ParquetExportSummary } from './export-parquet.js';

export interface OutputFile {
  readonly stream: WriteStream;
  /** Renames the finished file into place (after the stream has ended). */
  commit(): void;
  /** Removes what was written (after a failure). */
  discard(): void;
}

/** Opens `path` for writing; `binary` refuses a terminal with E_OUTPUT_TERMINAL. */
export function openOutputFile(path: string, options: { binary: boolean }): OutputFile {
  const existing = statSafe(path);
  if (existing && existing.isDirectory()) throw new ClaimtraceError('E_WRITE', `Cannot write ${path}: it is a directory.`);
  if (existing && !existing.isFile()) {
    const fd = openOrThrow(path, 'w');
    if (options.binary && isatty(fd)) {
      closeSync(fd);
      throw terminalError();
    }
    const stream = createWriteStream('', { fd });
    return { stream, commit: () => {}, discard: () => {} };
  }
  const partial = `${path}.partial-${process.pid}`;
  const fd = openOrThrow(partial, 'w');
  const stream = createWriteStream('', { fd });
  return {
    stream,
    commit() {
      try {
        renameSync(partial, path);
      } catch (e) {
        rmSync(partial, { force: true });
        throw writeError(path, e);
      }
    },
    discard() {
      stream.destroy();
      rmSync(partial, { force: true });
    },
  };
}

export function terminalError(): ClaimtraceError {
  return new ClaimtraceError('E_OUTPUT_TERMINAL', 'Parquet is binary and is not written to a terminal: give a file with -o, e.g. `-o quotes.parquet`.');
}

export function writeError(path: string, e: unknown): ClaimtraceError {
  const reason = e instanceof Error ? ((e as NodeJS.ErrnoException).code ?? e.message) : String(e);
  return new ClaimtraceError('E_WRITE', `Cannot write ${path}: ${reason}.`, { cause: e });
}

/** One table as a Parquet file at `path`: complete, or not there at all. */
export async function writeParquetFile(store: CorpusStore, path: string, options: ParquetExportOptions): Promise<ParquetExportSummary> {
  const out = openOutputFile(path, { binary: true });
  try {
    const summary = await exportParquet(store, out.stream, options);
    out.commit();
    return summary;
  } catch (e) {
    out.discard();
    if (e instanceof ClaimtraceError) throw e;
    // A stream error is the disk's (full, gone, permissions); anything else is a bug.
    if (e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).syscall) throw writeError(path, e);
    throw e;
  }
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

function openOrThrow(path: string, flags: string): number {
  try {
    return openSync(path, flags);
  } catch (e) {
    throw writeError(path, e);
  }
}
