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
  /** MASTER_KEYS: "id:base64,…" (first = current); unset: demo keys in dataDir/keys.env. */
  masterKeys?: string;
  /** LOOKUP_KEYS: "id:base64,…" for the status look-up HMACs. */
  lookupKeys?: string;
  /** Default retention in days when a procedure sets none (0 = keep). */
  retentionDays?: number;
  auditRetentionDays?: number;
  /** How often the purge job runs (0 = never; tests call purge themselves). */
  purgeEveryMinutes?: number;
  authPolicy?: Partial<{
    maxFailedLogins: number;
    lockMinutes: number;
    ipFailures: number;
    ipWindowSeconds: number;
    idleMinutes: number;
    absoluteHours: number;
  }>;
  logLevel?: string;
  /** Where procedure files are read from (default schemas/procedures). */
  proceduresDir?: string;
  siteDir?: string;
  distDir?: string;
  /** Failed status look-ups allowed per client address within the window. */
  statusRateLimit?: { max: number; windowSeconds: number };
  /** Failed status look-ups allowed per dossier code within the window. */
  statusCodeLimit?: { max: number; windowSeconds: number };
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
    /** The server context (purge, deletion and account helpers take it). */
    ctx: unknown;
    /** Clerk accounts and API keys (what `npm run clerk` does). */
    accounts: {
      add(a: {
        username: string;
        password: string;
        role?: 'clerk' | 'admin';
        displayName?: string;
      }): Promise<{ id: number; username: string; role: string }>;
      setPassword(username: string, password: string): Promise<void>;
      unlock(username: string): void;
      disable(username: string): void;
      createApiKey(username: string, label?: string): { id: string; key: string };
      revokeApiKey(id: string): void;
    };
    /** The decrypted payload and JWS of a stored dossier. */
    readDossier(code: string): { payload: Record<string, unknown>; jws: string } | undefined;
    /** One run of the retention purge job. */
    purge(): Promise<{
      dossiers: number;
      auditRecords: number;
      filesEncrypted: number;
      legacySealed: number;
    }>;
    /** The decrypted bytes of a stored file (by upload id). */
    readUpload(id: string): Buffer | undefined;
  };
};

export declare function createServer(options?: ServerOptions): Promise<Receiver>;
export declare function redactUrl(url: string): string;
export declare const STRICT_CSP_PAGE: string;
export declare const STRICT_CSP: string;
