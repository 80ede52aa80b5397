// Types of storage/index.js for the TypeScript tests (the server is plain JavaScript with JSDoc).
export interface RunResult {
  changes: number;
  lastInsertRowid?: number | bigint;
}
export interface Statement {
  get(...params: unknown[]): Promise<unknown>;
  all(...params: unknown[]): Promise<unknown[]>;
  run(...params: unknown[]): Promise<RunResult>;
}
export interface Storage {
  dialect: 'sqlite' | 'postgres';
  prepare(sql: string): Statement;
  lock(key: string): Promise<void>;
  transaction<T>(fn: (tx: Storage) => Promise<T> | T): Promise<T>;
  close(): Promise<void>;
}
export declare function openStorage(config: {
  dataDir: string;
  databaseUrl?: string;
  databasePoolSize?: number;
}): Promise<Storage>;
