/** The corpus database used when `--db` is not given (kept apart from the driver, so the CLI can name it without loading SQLite). */
export const DEFAULT_DB_PATH = 'claimtrace.db';
