import { createHash } from 'node:crypto';
import type pg from 'pg';
import { storeError } from '../store-errors.js';
import { isRetryable } from './map-pg-error.js';

/** Runs one statement and returns its rows. */
export type Query = <R extends object = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<R[]>;

/** A 64-bit advisory lock key (as a decimal string) for a name: the first 8 bytes of its SHA-256. */
export function lockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

/**
 * Takes transaction-level advisory locks on the names (`shared`: shared locks, unless the name is
 * also among `exclusive`), in key order, so two writers never wait on each other in a cycle.
 */
export async function lockNames(q: Query, exclusive: Iterable<string>, shared: Iterable<string> = []): Promise<void> {
  const locks = new Map<string, boolean>();
  for (const name of shared) locks.set(lockKey(name), false);
  for (const name of exclusive) locks.set(lockKey(name), true);
  const keys = [...locks.keys()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  if (keys.length === 0) return;
  // One round trip; the target list is evaluated left to right.
  await q(`SELECT ${keys.map((k, i) => `pg_advisory_xact_lock${locks.get(k) ? '' : '_shared'}($${i + 1}::bigint)`).join(', ')}`, keys);
}

const MAX_ATTEMPTS = 6;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Object.isFrozen(x);

/** An open batch: the writes done in it (to replay after a deadlock), and whether a savepoint is open. */
interface Batch {
  /** Each write done, with the result its caller holds (updated in place when it is redone). */
  readonly ops: { readonly op: () => Promise<unknown>; readonly result: unknown }[];
  savepoint: boolean;
}

/**
 * Transactions over one connection. `write` runs an operation in a transaction of its own, or
 * inside the open batch under a savepoint (all-or-nothing for that operation). A deadlock or
 * serialization failure rolls back and retries: alone, the operation; in a batch, the whole
 * transaction, replaying the operations that had succeeded in it (each is idempotent, so the
 * stored rows are what one clean run stores), then the failed one. A replayed operation's
 * result object is updated in place: read results once the batch has committed.
 */
export function createSession(client: pg.Client) {
  // One statement at a time on the connection (node-postgres's own queue is deprecated).
  const statement = createMutex();
  const q: Query = <R extends object>(sql: string, params?: readonly unknown[]) =>
    statement(async () => (await client.query<R>(sql, params as unknown[] | undefined)).rows);
  let batch: Batch | null = null;
  const exclusive = createMutex();
  // Writes inside a batch take turns too: ingest checks files (touchIfUnchanged) from its
  // analysis pool while it writes, and two savepoints must not interleave on one connection.
  const inBatch = createMutex();

  async function write<T>(op: () => Promise<T>): Promise<T> {
    const b = batch;
    if (b) {
      // Joins the open batch, unless it committed while this write waited its turn.
      const joined = await inBatch(async () => (batch === b ? { value: await writeInBatch(b, op) } : null));
      if (joined) return joined.value;
    }
    return exclusive(async () => {
      for (let attempt = 1; ; attempt++) {
        await q('BEGIN');
        try {
          const result = await op();
          await q('COMMIT');
          return result;
        } catch (e) {
          await q('ROLLBACK').catch(() => undefined);
          if (!isRetryable(e) || attempt >= MAX_ATTEMPTS) throw e;
          await backoff(attempt);
        }
      }
    });
  }

  // In a batch a savepoint is always open before the next write: the one that ends a write
  // (RELEASE) opens the next in the same round trip, and ROLLBACK TO keeps it open.
  const simple = (sql: string) =>
    statement(async () => {
      await client.query(sql);
    });

  async function writeInBatch<T>(b: Batch, op: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (!b.savepoint) {
        await simple('SAVEPOINT claimtrace_op');
        b.savepoint = true;
      }
      try {
        const result = await op();
        await simple('RELEASE SAVEPOINT claimtrace_op; SAVEPOINT claimtrace_op');
        b.ops.push({ op, result });
        return result;
      } catch (e) {
        if (!isRetryable(e) || attempt >= MAX_ATTEMPTS) {
          await simple('ROLLBACK TO SAVEPOINT claimtrace_op');
          throw e;
        }
        await replay(b, attempt);
      }
    }
  }

  /** Starts the batch's transaction again and redoes what it had done. */
  async function replay(b: Batch, attempt: number): Promise<void> {
    for (let tries = attempt; ; tries++) {
      await q('ROLLBACK');
      b.savepoint = false;
      await backoff(tries);
      await q('BEGIN');
      try {
        // A redone write can come out otherwise (`unchanged`: the other writer stored the article
        // first); the caller's result object is brought up to date, so summary counts are true.
        for (const { op, result } of b.ops) {
          const again = await op();
          if (isRecord(result) && isRecord(again)) Object.assign(result, again);
        }
        return;
      } catch (e) {
        if (isRetryable(e) && tries < MAX_ATTEMPTS * 2) continue;
        // The batch cannot be redone: it is lost whole (the caller rolls it back); a rerun stores it.
        throw storeError('E_STORE_BUSY', `a batch of writes could not be redone after a conflict with another writer (${e instanceof Error ? e.message : String(e)}); run again to store it.`, e);
      }
    }
  }

  async function withBatch<T>(fn: () => Promise<T>): Promise<T> {
    if (batch) return fn();
    return exclusive(async () => {
      await simple('BEGIN; SAVEPOINT claimtrace_op');
      const b: Batch = { ops: [], savepoint: true };
      batch = b;
      let result: T;
      // Writes still joining the batch finish first; later ones run on their own.
      const end = () => inBatch(async () => {
        batch = null;
      });
      try {
        result = await fn();
      } catch (e) {
        await end();
        await q('ROLLBACK').catch(() => undefined);
        throw e;
      }
      await end();
      try {
        await q('COMMIT');
      } catch (e) {
        await q('ROLLBACK').catch(() => undefined);
        throw e;
      }
      return result;
    });
  }

  /** A read that must not fall between the statements of a write in the open batch. */
  function read<T>(fn: () => Promise<T>): Promise<T> {
    return batch ? inBatch(fn) : fn();
  }

  return { q, write, read, withBatch, exclusive };
}

export type Session = ReturnType<typeof createSession>;

/** Runs the functions given to it one at a time, in call order. */
function createMutex(): <T>(fn: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(500, 10 * 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}
