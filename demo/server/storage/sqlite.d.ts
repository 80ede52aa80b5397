// Types of sqlite.js, for the TypeScript tests.
import type { Database } from 'better-sqlite3';
import type { Storage } from './index.js';

export declare function openSqliteStorage(dataDir: string): Storage;
/** The storage over an open better-sqlite3 database (its group commit included). */
export declare function sqliteStorage(db: Database): Storage;
