// Types of storage/objects.js, for the TypeScript tests and for the server's own JSDoc (an import
// of './objects.js' resolves to this file).
import type { DataStore } from '@tus/utils';
import type { Readable } from 'node:stream';
import type { S3Config } from './s3-config.js';

export interface ObjectStore {
  kind: 'file' | 's3';
  /** The reference of upload `id` (kept in `uploads.path`). */
  refOf(id: string): string;
  /** tus's store (wrapped for encryption). */
  dataStore(): DataStore;
  /** Every byte. */
  stream(ref: string): Promise<Readable>;
  /** Every byte, in memory. */
  readAll(ref: string): Promise<Buffer>;
  readRange(ref: string, start: number, length: number): Promise<Buffer>;
  size(ref: string): Promise<number>;
  /**
   * The file and what tus keeps beside it (metadata; on S3 also an unfinished multipart upload
   * and its incomplete part); no error when it is already gone.
   */
  remove(ref: string): Promise<void>;
  /** Replaces a stored file's bytes as they are (maintenance, tests that damage a file). */
  put(ref: string, bytes: Buffer): Promise<void>;
  /** A file written locally (a multipart submission's part) moved into the store; its reference. */
  adopt(id: string, localPath: string): Promise<string>;
  /** The upload ids the store holds something for. */
  listIds(): Promise<string[]>;
  /** When the stored file was last written (ms since the epoch); undefined when it is gone. */
  modifiedAt(ref: string): Promise<number | undefined>;
  /** At start-up: the store is there and answers. */
  check(): Promise<void>;
  close(): void;
}
export declare function createObjectStore(options: { dir: string; s3?: S3Config }): ObjectStore;
export declare function createBucket(config: S3Config): Promise<void>;
