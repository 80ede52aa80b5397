// Types of storage/postgres.js for the TypeScript tests.
import type { Storage } from './index.js';
export declare function toPostgres(sql: string): { text: string; names: string[] };
export declare function openPostgresStorage(
  url: string,
  options?: { max?: number },
): Promise<Storage>;
