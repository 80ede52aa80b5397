// Types of the reference receiver for the TypeScript tests in test/e2e (the server itself is
// plain JavaScript with JSDoc and needs no build step). The server's own JSDoc imports
// ServerConfig and Context from here too: an import of './app.js' resolves to this file.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitName as ConfigRateLimitName, ReceiverConfig } from './config.js';
import type { AuthPolicy } from './auth.js';
import type { PaymentConfig } from './payments/config.js';
import type { Channel, Notifier, NotifyConfig } from './notify/index.js';
import type { ProcedureEntry } from './procedures.js';
import type { UploadFiles } from './upload-files.js';
import type { Keyring } from './crypto-at-rest.js';
import type { VerifyMessage } from './verify-errors.js';
import type { Guard } from './rate-limits.js';
import type { LibraryFiles } from './submission-files.js';
import type { createUploadGuard } from './upload-guard.js';
import type { registerPaymentRoutes } from './payments/routes.js';
import type { Forwarder } from './outbox/index.js';
import type { SupplementLibrary } from './supplement.js';
import type { VerifyResult } from '../../src/verify/verify.js';
import type { Storage } from './storage/index.js';
import type { ObjectStore } from './storage/objects.js';
import type { S3Config } from './storage/s3-config.js';

/** What the receiver answers at once on SQLite and with a promise on PostgreSQL: await it. */
type Awaitable<T> = T | Promise<T>;

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
  /** PostgreSQL instead of dvc.sqlite (DATABASE_URL; docs/deployment.md). */
  databaseUrl?: string;
  databasePoolSize?: number;
  /** Folder for dvc.sqlite and uploads/. */
  dataDir?: string;
  /** Uploads in an S3-compatible bucket instead of uploads/ (S3_*; storage/s3-config.js). */
  s3?: S3Config;
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
  /** Other sites' origins allowed to call the form's endpoints (CORS); default none. */
  allowedOrigins?: string[];
  /** Where procedure files are read from (default schemas/procedures). */
  proceduresDir?: string;
  siteDir?: string;
  distDir?: string;
  /** Failed status look-ups allowed per client address within the window. */
  statusRateLimit?: { max: number; windowSeconds: number };
  uploadTtlHours?: number;
  maxDossierBytes?: number;
  maxIpBytes?: number;
  maxMultipartFiles?: number;
  headersTimeoutSeconds?: number;
  requestTimeoutSeconds?: number;
  idleTimeoutSeconds?: number;
  /** The agency's proxies in front of the receiver (TRUST_PROXY): addresses, a count, or none. */
  trustProxy?: number | string | false;
  /** The named rate limits of config.js (per address and global). */
  rateLimits?: Record<RateLimitName, RateLimit>;
  /** Failed status look-ups allowed per dossier code within the window. */
  statusCodeLimit?: { max: number; windowSeconds: number };
  /** Receives the JSON log lines (default stdout). */
  logStream?: { write(line: string): void };
  now?: () => Date;
  /** Replaces dist/verify.js's verifySubmission (agreed API). */
  verifySubmission?: (jws: string, options: Record<string, unknown>) => Promise<unknown>;
  /** Forwarding to the one-stop system (FORWARD_URL…; demo/server/outbox/config.js). */
  forward?: {
    url: string;
    secret: string;
    maxAttempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
    timeoutMs: number;
    pollMs: number;
    batch?: number;
  };
  /** POSTAGE: the agency's postage in đồng for results by post (verified; written on the demo's form pages). */
  postage?: number;
  /** Fee payment (demo/server/payments/config.js); default from the environment. */
  payments?: {
    publicUrl?: string;
    agency: { name: string; taxCode: string; receiptTemplate: string; receiptSeries: string };
    vietqr?: { bin: string; account: string; accountName: string };
    vnpay?: { tmnCode: string; hashSecret: string; payUrl: string; expireMinutes?: number };
    simulator: boolean;
  };
  /** Notifications (demo/server/notify); default from the environment (SMTP_URL, SMS_HTTP_URL…). */
  notify?: {
    email?: { url: string; from: string };
    sms?: {
      url: string;
      headers?: Record<string, string>;
      toField?: string;
      textField?: string;
      fixed?: Record<string, string>;
      numberFormat?: 'national' | 'international';
      timeoutSeconds?: number;
    };
    publicBaseUrl?: string;
    everySeconds?: number;
    maxAttempts?: number;
  };
  /** How the processing clock treats a supplement: pause (default, Decree 61/2018 Art. 16) or restart. */
  supplementClock?: 'pause' | 'restart';
}

export type Receiver = FastifyInstance & {
  dvc: {
    /** The embedded SQLite database itself (synchronous; undefined on PostgreSQL). */
    db: Db;
    /** The asynchronous storage the routes use (demo/server/storage), any backend. */
    storage: Storage;
    /** Where upload bytes are (the local folder or the S3 bucket), read and written as stored. */
    objects: ObjectStore;
    config: Required<ServerOptions>;
    procedures: { name: string; sha256: string }[];
    /** Removes expired uploads now (the server also does it every 10 minutes). */
    uploads: { sweep(): Promise<number> };
    /** The server context (purge, deletion and account helpers take it). */
    ctx: unknown;
    /** Clerk accounts and API keys (what `npm run clerk` does). */
    accounts: {
      add(a: {
        username: string;
        password: string;
        role?: 'clerk' | 'admin';
        displayName?: string;
        /** Procedure ids whose dossiers a clerk sees (none by default). */
        procedures?: string[];
        /** Every procedure's dossiers (what clerks from before the grants keep). */
        allProcedures?: boolean;
      }): Promise<{ id: number; username: string; role: string }>;
      /** More procedures for the account, or every procedure. */
      grant(
        username: string,
        scope: { procedures?: string[]; allProcedures?: boolean },
      ): Promise<void>;
      /** Fewer procedures; `allProcedures` ends "every procedure". */
      revoke(
        username: string,
        scope: { procedures?: string[]; allProcedures?: boolean },
      ): Promise<void>;
      /** Every account with what it sees (a promise on PostgreSQL). */
      list(): Awaitable<
        {
          username: string;
          displayName: string;
          role: string;
          disabledAt: string | null;
          allProcedures: number;
          procedures: string[];
        }[]
      >;
      setPassword(username: string, password: string): Promise<void>;
      /** These four answer at once on SQLite and with a promise on PostgreSQL: await them. */
      unlock(username: string): Awaitable<void>;
      disable(username: string): Awaitable<void>;
      createApiKey(username: string, label?: string): Awaitable<{ id: string; key: string }>;
      revokeApiKey(id: string): Awaitable<void>;
    };
    /** The decrypted payload and JWS of a stored dossier (a promise on PostgreSQL: await it). */
    readDossier(
      code: string,
    ): Awaitable<{ payload: Record<string, unknown>; jws: string } | undefined>;
    /** One run of the retention purge job. */
    purge(): Promise<{
      dossiers: number;
      auditRecords: number;
      filesEncrypted: number;
      legacySealed: number;
      namesSealed: number;
    }>;
    /** The notification queue: `runOnce()` sends what is due now (the sender also runs on a timer). */
    notifications: { runOnce(): Promise<number>; kinds: ('email' | 'sms')[] };
    /** The decrypted bytes of a stored file (by upload id); throws UploadDamagedError when they no longer match its SHA-256. */
    readUpload(id: string): Awaitable<Buffer | undefined>;
    /** The applicant's name of a stored file, decrypted (a promise on PostgreSQL: await it); null when none, undefined for an unknown upload. */
    uploadName(id: string): Awaitable<string | null | undefined>;
  };
};

export declare function createServer(options?: ServerOptions): Promise<Receiver>;
export declare function redactUrl(url: string): string;
export declare const STRICT_CSP_PAGE: string;
/** Pages answered with STRICT_CSP. */
export declare const STRICT_CSP_PAGES: string[];
export declare const STRICT_CSP: string;

/**
 * What a verifier answers: dist/verify.js's VerifyResult. A verifier passed in by configuration
 * (tests, an agency's own) may answer nothing, so the receiver also reads it defensively.
 */
export type VerifierAnswer = VerifyResult | undefined;

/** A row of the dossiers table as the routes read it: by column name. */
export interface DossierRow {
  code: string;
  status: string;
  [column: string]: unknown;
}

/** The receiver's configuration: config.js's, plus what createServer's caller may set. */
export type ServerConfig = ReceiverConfig & {
  proceduresDir: string;
  siteDir: string;
  distDir: string;
  statusRateLimit?: { max: number; windowSeconds: number };
  statusCodeLimit?: { max: number; windowSeconds: number };
  authPolicy?: Partial<AuthPolicy>;
  logStream?: { write(line: string): void };
  now?: () => Date;
  verifySubmission?: (jws: string, options: object) => Promise<VerifierAnswer>;
  payments?: PaymentConfig;
  notify?: NotifyConfig & { channels?: Channel[] };
  supplementClock?: 'pause' | 'restart';
};

/** What the route modules (dossiers.js, status.js, desk.js…) take from createServer. */
export interface Context {
  config: ServerConfig;
  /** The storage (storage/index.js). */
  db: Storage;
  procedures: ProcedureEntry[];
  uploadDir: string;
  uploadFiles: UploadFiles;
  keyring: Keyring;
  now: () => Date;
  verifySubmission: ((jws: string, options: object) => Promise<VerifierAnswer>) | undefined;
  /** The library's per-procedure verifier; undefined when `config.verifySubmission` replaces it. */
  createVerifier?:
    | ((options: object) => { verify(jws: string, options?: object): Promise<VerifierAnswer> })
    | undefined;
  /** The verifier's vi/en messages, for refusals in the request's language. */
  verifyMessage?: VerifyMessage | undefined;
  /** The named rate limits, as onRequest hooks. */
  guards: Record<ConfigRateLimitName, Guard>;
  /** The shared file checks. */
  files: LibraryFiles | undefined;
  /** The tus uploads' quotas and owners (upload-guard.js). */
  uploadGuard: ReturnType<typeof createUploadGuard>;
  /** Fee payment (docs/payments.md); views of a dossier show its payment summary. */
  payments?: Awaited<ReturnType<typeof registerPaymentRoutes>>;
  /** Forwarding to the one-stop system (FORWARD_URL; outbox/). */
  forwarder?: Forwarder;
  /** The expected result date (YYYY-MM-DD) by the library's working-day calendar (src/calendar). */
  resultDate: (receivedAt: Date, processingDays: number) => string;
  /** Messages to the applicant (notify/). */
  notifier?: Notifier;
  /** Supplements (src/supplement). */
  supplementLibrary?: SupplementLibrary;
  /** The applicant's proof as the status look-up takes it (status.js); undefined answered. */
  applicantDossier?: (
    request: FastifyRequest,
    reply: FastifyReply,
    code: unknown,
    secret: unknown,
  ) => Promise<DossierRow | undefined>;
  /** The open request, for the status view. */
  supplementFor?: (row: DossierRow) => Promise<object>;
}
