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
  /** Other sites' origins allowed to call the form's endpoints (CORS); default none. */
  allowedOrigins?: string[];
  /** Where procedure files are read from (default schemas/procedures). */
  proceduresDir?: string;
  siteDir?: string;
  distDir?: string;
  statusRateLimit?: { max: number; windowSeconds: number };
  /** Receives the JSON log lines (default stdout). */
  logStream?: { write(line: string): void };
  now?: () => Date;
  /** Replaces dist/verify.js's verifySubmission (agreed API). */
  verifySubmission?: (jws: string, options: Record<string, unknown>) => Promise<unknown>;
}

export type Receiver = FastifyInstance & {
  dvc: { db: Db; config: Required<ServerOptions>; procedures: { name: string; sha256: string }[] };
};

export declare function createServer(options?: ServerOptions): Promise<Receiver>;
export declare function redactUrl(url: string): string;
export declare const STRICT_CSP_PAGE: string;
export declare const STRICT_CSP: string;
