// Types of the reference receiver for the TypeScript tests in test/e2e (the server itself is
// plain JavaScript with JSDoc and needs no build step).
import type { FastifyInstance } from 'fastify';

export interface Statement {
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  run(...params: unknown[]): { changes: number };
}
export interface Db {
  prepare(sql: string): Statement;
}

export type RateLimitName = 'challenges' | 'uploads' | 'dossiers' | 'status' | 'clerk';
export interface RateLimit {
  max: number;
  windowSeconds: number;
  globalMax: number;
  globalWindowSeconds: number;
}

export interface ServerOptions {
  port?: number;
  host?: string;
  /** Folder for dvc.sqlite and uploads/. */
  dataDir?: string;
  trustedKeys?: object[];
  maxUploadBytes?: number;
  challengeTtlSeconds?: number;
  clerkToken?: string;
  logLevel?: string;
  /** Where procedure files are read from (default schemas/procedures). */
  proceduresDir?: string;
  siteDir?: string;
  distDir?: string;
  statusRateLimit?: { max: number; windowSeconds: number };
  uploadTtlHours?: number;
  maxDossierBytes?: number;
  maxIpBytes?: number;
  maxMultipartFiles?: number;
  headersTimeoutSeconds?: number;
  requestTimeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  trustProxy?: boolean;
  /** The named rate limits of config.js (per address and global). */
  rateLimits?: Record<RateLimitName, RateLimit>;
  /** Receives the JSON log lines (default stdout). */
  logStream?: { write(line: string): void };
  now?: () => Date;
  /** Replaces dist/verify.js's verifySubmission (agreed API). */
  verifySubmission?: (jws: string, options: Record<string, unknown>) => Promise<unknown>;
}

export type Receiver = FastifyInstance & {
  dvc: {
    db: Db;
    config: Required<ServerOptions>;
    procedures: { name: string; sha256: string }[];
    /** Removes expired uploads now (the server also does it every 10 minutes). */
    uploads: { sweep(): Promise<number> };
  };
};

export declare function createServer(options?: ServerOptions): Promise<Receiver>;
export declare function redactUrl(url: string): string;
export declare const STRICT_CSP_PAGE: string;
export declare const STRICT_CSP: string;
