// Types of storage/objects.js for the TypeScript tests (the server is plain JavaScript with JSDoc).
import type { Readable } from 'node:stream';
import type { S3Config } from './s3-config.js';

export interface ObjectStore {
  kind: 'file' | 's3';
  refOf(id: string): string;
  stream(ref: string): Promise<Readable>;
  readAll(ref: string): Promise<Buffer>;
  readRange(ref: string, start: number, length: number): Promise<Buffer>;
  size(ref: string): Promise<number>;
  remove(ref: string): Promise<void>;
  put(ref: string, bytes: Buffer): Promise<void>;
  adopt(id: string, localPath: string): Promise<string>;
  listIds(): Promise<string[]>;
  check(): Promise<void>;
  close(): void;
}
export declare function createObjectStore(options: { dir: string; s3?: S3Config }): ObjectStore;
export declare function createBucket(config: S3Config): Promise<void>;
