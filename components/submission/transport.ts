/**
 * Sending the signed submission: `POST action` with `{ "jws": … }` and an `Idempotency-Key`,
 * retried with exponential backoff and jitter on network failures and 5xx answers — never on a
 * 4xx, which the server means as final, nor when the browser refuses the cross-origin request
 * (CORS: the server answers, but not to this page; see reachability.ts). Every retry repeats the same key and body, so the
 * receiver stores at most one dossier however often the phone's connection drops (the demo
 * receiver replays its first 201 for a repeated key; docs/receiver.md "Idempotency").
 */
import { TransportError } from '../../src/errors.js';
import { MULTIPART_PAYLOAD_PART, multipartPartNames } from '../../src/files/index.js';
import { classifyFetchFailure, REACHABILITY } from './reachability.js';
import {
  forgetUploadTokens,
  UPLOAD_TOKEN_HEADER,
  uploadTokensFor,
} from '../upload/upload-tokens.js';

/** A payload document entry with, when it was not uploaded beforehand, its bytes. */
export interface DocumentWithFile {
  slot: string;
  name: string;
  url?: string;
  file?: Blob;
}

/**
 * The request body: JSON `{ "jws": … }` when every file was uploaded beforehand (tus, `url`
 * set), else multipart with the JWS as `payload` and each file not yet uploaded as
 * `file:<slot>:<n>` — n counting the slot's entries of the payload's `documents` (all of them,
 * uploaded or not) from 0, as the receiver matches them (docs/receiver.md).
 * `documents` must be the payload's documents, in payload order.
 */
export function submissionBody(
  jws: string,
  documents: readonly DocumentWithFile[] = [],
): { body: string | FormData; contentType?: string } {
  const names = multipartPartNames(documents);
  const parts = documents.flatMap((d, i) =>
    !d.url && d.file ? [{ name: names[i]!, file: d.file, fileName: d.name }] : [],
  );
  if (parts.length === 0) return { body: JSON.stringify({ jws }), contentType: 'application/json' };
  const form = new FormData();
  form.append(MULTIPART_PAYLOAD_PART, jws);
  for (const p of parts) form.append(p.name, p.file, p.fileName);
  // No content-type: the browser adds multipart/form-data with its boundary.
  return { body: form };
}

/** RFC 9457 problem details, as far as we read them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  /** The receiver's verification errors, when it refused the signature or the payload. */
  errors?: { code: string; message: string }[];
  [member: string]: unknown;
}

export const FAILURE_KIND = {
  /** No answer (offline, DNS, timeout) after every attempt. */
  network: 'network',
  /** 5xx after every attempt. */
  server: 'server',
  /** A 4xx: the server refused the submission; retrying the same request will not help. */
  rejected: 'rejected',
  /**
   * The server is reachable but the browser refused the cross-origin request (the receiver does
   * not allow this page's origin): permanent until the agency changes its configuration.
   */
  blocked: 'blocked',
} as const;
export type FailureKind = (typeof FAILURE_KIND)[keyof typeof FAILURE_KIND];

/** Delivery failed for good; `kind` says why, `problem` carries the server's explanation. */
export class SubmissionTransportError extends TransportError {
  override name = 'SubmissionTransportError';
  readonly kind: FailureKind;
  readonly problem?: ProblemDetails;
  /** How many requests were made. */
  readonly attempts: number;
  constructor(
    message: string,
    init: { kind: FailureKind; status?: number; problem?: ProblemDetails; attempts: number },
    options?: { cause?: unknown },
  ) {
    super(message, init.status, options);
    this.kind = init.kind;
    this.problem = init.problem;
    this.attempts = init.attempts;
  }
}

export interface RetryOptions {
  /** Requests in all, the first included (default 4). */
  maxAttempts?: number;
  /** Backoff base: the n-th retry waits about base × 2^(n-1) (default 1000 ms). */
  baseDelayMs?: number;
  /** Longest wait between two attempts (default 15000 ms). */
  maxDelayMs?: number;
  /** One request gives up after this long and counts as a network failure (default 30000 ms). */
  timeoutMs?: number;
}

export interface RetryInfo {
  /** The attempt about to be made (2 for the first retry). */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  reason: 'network' | 'server';
  status?: number;
}

export interface SendOptions extends RetryOptions {
  action: string;
  /** Generated once per submission (crypto.randomUUID()) and sent on every retry. */
  idempotencyKey: string;
  /** The payload's documents with the bytes of those not uploaded beforehand (multipart). */
  documents?: readonly DocumentWithFile[];
  /** Sent as Accept-Language so problem details come back in the person's language. */
  lang?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Called before each wait, so the page can say "trying again (2 of 4)". */
  onRetry?: (info: RetryInfo) => void;
  /** Waits; replaced in tests. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Random source in [0, 1) for the jitter; replaced in tests. */
  random?: () => number;
  /** navigator.onLine, replaced in tests. */
  online?: boolean;
}

export interface SendResult {
  status: number;
  /** The parsed JSON answer (e.g. `{ dossierCode, receivedAt, expectedResultDate }`), or null. */
  body: unknown;
  /** True when the server replayed an earlier answer for the same Idempotency-Key. */
  replayed: boolean;
  attempts: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 4,
  baseDelayMs: 1000,
  maxDelayMs: 15000,
  timeoutMs: 30000,
};

/**
 * The wait before retry `retry` (1 for the first): half of the capped exponential step plus a
 * random half ("equal jitter"), so phones that lost the same cell tower do not all come back at
 * once, yet no retry is immediate. A server's Retry-After (seconds) raises the wait, within the cap.
 */
export function backoffDelay(
  retry: number,
  options: { baseDelayMs: number; maxDelayMs: number; random: () => number; retryAfterMs?: number },
): number {
  const step = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  const jittered = step / 2 + options.random() * (step / 2);
  const wanted = Math.max(jittered, Math.min(options.retryAfterMs ?? 0, options.maxDelayMs));
  return Math.round(wanted);
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in delay-seconds form (RFC 9110 §10.2.3); HTTP-dates are ignored. */
function retryAfterMs(res: Response): number | undefined {
  const value = res.headers.get('retry-after');
  return value && /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : undefined;
}

async function readBody(res: Response): Promise<unknown> {
  const type = res.headers.get('content-type') ?? '';
  if (!/[/+]json\b/i.test(type)) return null;
  try {
    return await res.json();
  } catch {
    return null;
  }
}

function asProblem(body: unknown): ProblemDetails | undefined {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const p = body as ProblemDetails;
  return typeof p.title === 'string' || typeof p.detail === 'string' ? p : undefined;
}

/**
 * Sends `{ "jws": jws }` (or the multipart form, see `submissionBody`) to `options.action`. Resolves on a 2xx with the parsed answer; rejects
 * with SubmissionTransportError once a 4xx arrives or the attempts run out. An abort through
 * `signal` rejects with the signal's reason at once.
 */
export async function sendSubmission(jws: string, options: SendOptions): Promise<SendResult> {
  const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_RETRY.maxAttempts));
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RETRY.timeoutMs;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const { body, contentType } = submissionBody(jws, options.documents);
  const headers: Record<string, string> = {
    ...(contentType ? { 'content-type': contentType } : {}),
    accept: 'application/json, application/problem+json',
    'idempotency-key': options.idempotencyKey,
  };
  if (options.lang) headers['accept-language'] = options.lang;
  // The uploads' tokens: the receiver accepts only uploads this browser made (upload-tokens.ts).
  const uploadUrls = (options.documents ?? []).flatMap((d) => (d.url ? [d.url] : []));
  const tokens = uploadUrls.length ? await uploadTokensFor(uploadUrls) : [];
  if (tokens.length) headers[UPLOAD_TOKEN_HEADER.toLowerCase()] = tokens.join(', ');

  let last: {
    kind: 'network' | 'server';
    status?: number;
    problem?: ProblemDetails;
    cause?: unknown;
  } = { kind: 'network' };
  // Two refusals in a row (one when only one attempt is allowed) make a CORS refusal certain
  // enough: a single one may be a connection that dropped and came back during the probe.
  let blockedInARow = 0;
  const blockedAfter = Math.min(2, maxAttempts);
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (options.signal?.aborted) throw options.signal.reason;
    const timeout = new AbortController();
    const timer = setTimeout(
      () => timeout.abort(new DOMException('timeout', 'TimeoutError')),
      timeoutMs,
    );
    const onAbort = () => timeout.abort(options.signal!.reason);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    let res: Response | undefined;
    let answer: unknown;
    try {
      res = await doFetch(options.action, {
        method: 'POST',
        headers,
        body,
        credentials: 'same-origin',
        cache: 'no-store',
        signal: timeout.signal,
      });
      answer = await readBody(res);
    } catch (cause) {
      if (options.signal?.aborted) throw options.signal.reason;
      // A failure while reading a 2xx body is as uncertain as no answer: retry (idempotent).
      res = undefined;
      last = { kind: 'network', cause };
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
    if (!res) {
      const reach = await classifyFetchFailure(options.action, last.cause, {
        fetch: doFetch,
        ...(options.online !== undefined ? { online: options.online } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      if (options.signal?.aborted) throw options.signal.reason;
      blockedInARow = reach === REACHABILITY.blocked ? blockedInARow + 1 : 0;
      if (blockedInARow >= blockedAfter)
        throw new SubmissionTransportError(
          `${options.action} answers, but the browser refused the cross-origin request: the receiver does not allow this page's origin (CORS, docs/receiver.md).`,
          { kind: FAILURE_KIND.blocked, attempts: attempt },
          { cause: last.cause },
        );
    } else blockedInARow = 0;
    if (res) {
      if (res.ok) {
        // Submitted uploads are sealed: their tokens are of no further use.
        if (uploadUrls.length) void forgetUploadTokens(uploadUrls);
        return {
          status: res.status,
          body: answer,
          replayed: res.headers.get('idempotent-replayed') === 'true',
          attempts: attempt,
        };
      }
      const problem = asProblem(answer);
      if (res.status < 500)
        throw new SubmissionTransportError(
          `${options.action} refused the submission: HTTP ${res.status}${problem?.title ? ` ${problem.title}` : ''}.`,
          { kind: FAILURE_KIND.rejected, status: res.status, problem, attempts: attempt },
        );
      last = { kind: 'server', status: res.status, problem };
    }
    if (attempt === maxAttempts) break;
    const delayMs = backoffDelay(attempt, {
      baseDelayMs,
      maxDelayMs,
      random,
      retryAfterMs: res ? retryAfterMs(res) : undefined,
    });
    options.onRetry?.({
      attempt: attempt + 1,
      maxAttempts,
      delayMs,
      reason: last.kind,
      ...(last.status !== undefined ? { status: last.status } : {}),
    });
    await sleep(delayMs, options.signal);
  }
  throw new SubmissionTransportError(
    last.kind === 'network'
      ? `${options.action} could not be reached after ${maxAttempts} attempts.`
      : `${options.action} answered HTTP ${last.status} to all ${maxAttempts} attempts.`,
    { kind: last.kind, status: last.status, problem: last.problem, attempts: maxAttempts },
    { cause: last.cause },
  );
}
