import Database from 'better-sqlite3';
import { mapSqliteError } from './map-sqlite-error.js';

/**
 * Runs SQLite's `integrity_check` and the foreign-key check on a corpus file, read-only.
 * Returns the problems found, empty when the database is sound.
 */
export async function checkSqliteIntegrity(path: string): Promise<string[]> {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok');
    for (const r of db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) {
      problems.push(`${r.table} row ${r.rowid} points to a missing ${r.parent} row`);
    }
    return problems;
  } catch (e) {
    throw mapSqliteError(e, path) ?? e;
  } finally {
    db?.close();
  }
}
