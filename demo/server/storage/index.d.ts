// Types of storage/index.js, for the TypeScript tests and for the server's own JSDoc: an import of
// './index.js' resolves to this file, so the interface is declared (and documented) here once.
import type { Database } from 'better-sqlite3';

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
  /** The new row's id (SQLite only). */
  lastInsertRowid?: number | bigint;
}
/** A prepared statement: parameters are positional (`?`) or, passing one object, named (`@name`). */
export interface Statement {
  /** The first row, or undefined. */
  get(...params: unknown[]): Promise<unknown>;
  /** Every row. */
  all(...params: unknown[]): Promise<unknown[]>;
  run(...params: unknown[]): Promise<RunResult>;
}
export interface TransactionOptions {
  /**
   * May share its COMMIT with the other transactions that ask so at about the same time (a group
   * commit, on the embedded database; a database server gives each its own). Each still runs
   * alone and is undone alone when `fn` throws (a savepoint); the promise resolves only once the
   * COMMIT holding it is done, and rejects when that COMMIT fails. Outer statements wait for the
   * group as for any transaction.
   */
  group?: boolean;
}
export interface Storage {
  dialect: 'sqlite' | 'postgres';
  prepare(sql: string): Statement;
  /**
   * Inside a transaction: waits for, then holds until the transaction ends, the lock named `key`
   * (a check-then-write such as a quota is then safe against other transactions, in other
   * processes too).
   */
  lock(key: string): Promise<void>;
  /**
   * On a database server: waits for the lock `key`, held across transactions until the returned
   * release is called (or the process dies); `onWait` runs when the lock is taken, then every
   * second while waiting.
   */
  sessionLock?(
    key: string,
    options?: { signal?: AbortSignal; timeoutMs?: number; onWait?: () => void },
  ): Promise<() => Promise<void>>;
  /** On a database server: a message to every process listening on `channel`. */
  notify?(channel: string, payload: string): Promise<void>;
  listen?(channel: string, onMessage: (payload: string) => void): Promise<void>;
  /**
   * Runs `fn` in one transaction, committed when it resolves and rolled back when it throws;
   * inside, use `tx` (statements on the outer handle wait until the transaction ends).
   */
  transaction<T>(fn: (tx: Storage) => Promise<T> | T, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
  /**
   * The embedded database itself, for the synchronous test and maintenance helpers
   * (app.dvc.db); undefined on a database server.
   */
  raw?: Database;
}
export declare function openStorage(config: {
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize?: number;
}): Promise<Storage>;
/** `transaction`'s option for a transaction that may share its COMMIT (sqlite.js group commit). */
export declare const GROUP_COMMIT: Readonly<TransactionOptions>;
/**
 * A few writes at the least cost the storage offers: a member of the embedded database's group
 * commit (resolved once it is committed), or autocommit statements on a database server.
 */
export declare function groupedWrites<T>(db: Storage, fn: (db: Storage) => Promise<T>): Promise<T>;
