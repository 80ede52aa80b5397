/**
 * The one-time challenge: a nonce the receiver issued (POST, `201 { nonce, expiresAt }`, see
 * demo/server and docs/receiver.md) and will accept once, fetched just before signing so a
 * captured submission cannot be replayed.
 */
import { TransportError } from '../../src/errors.js';
import { NONCE_PATTERN } from '../../src/submission/index.js';
import { classifyFetchFailure, REACHABILITY } from './reachability.js';

export const CHALLENGE_FAILURE = {
  /** No answer: offline or the server cannot be reached (transient). */
  network: 'network',
  /** 5xx, 429 or a malformed answer (the server's trouble; try again later). */
  server: 'server',
  /** A 4xx other than 429 (wrong endpoint, refused): permanent. */
  rejected: 'rejected',
  /** The server answers but the browser refused the cross-origin request (CORS): permanent. */
  blocked: 'blocked',
} as const;
export type ChallengeFailure = (typeof CHALLENGE_FAILURE)[keyof typeof CHALLENGE_FAILURE];

/** The challenge could not be fetched; `kind` says whether trying again later can help. */
export class ChallengeError extends TransportError {
  override name = 'ChallengeError';
  readonly kind: ChallengeFailure;
  constructor(
    message: string,
    kind: ChallengeFailure,
    status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, status, options);
    this.kind = kind;
  }
}

export interface Challenge {
  nonce: string;
  /** RFC 3339 instant after which the receiver refuses the nonce, when it said. */
  expiresAt?: string;
}

export interface ChallengeOptions {
  fetch?: typeof fetch;
  signal?: AbortSignal;
  /** Sent as Accept-Language so a refusal comes back in the person's language. */
  lang?: string;
  /** navigator.onLine, replaced in tests. */
  online?: boolean;
  /**
   * The procedure the nonce will be signed for: the receiver binds the nonce to it and refuses
   * it in a payload for any other procedure.
   */
  procedure?: { code: string; version: string };
}

/**
 * POSTs to `endpoint` and returns the nonce. Throws ChallengeError (a TransportError, with
 * `status` when the server answered, and `kind`) for a network failure, a cross-origin refusal,
 * a non-2xx answer, or a body without a usable nonce.
 */
export async function fetchChallenge(
  endpoint: string,
  options: ChallengeOptions = {},
): Promise<Challenge> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let res: Response;
  try {
    res = await doFetch(endpoint, {
      method: 'POST',
      headers: {
        accept: 'application/json',
        ...(options.procedure ? { 'content-type': 'application/json' } : {}),
        ...(options.lang ? { 'accept-language': options.lang } : {}),
      },
      ...(options.procedure
        ? {
            body: JSON.stringify({
              procedure: { code: options.procedure.code, version: options.procedure.version },
            }),
          }
        : {}),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (cause) {
    if (options.signal?.aborted) throw cause;
    const reach = await classifyFetchFailure(endpoint, cause, {
      fetch: doFetch,
      ...(options.online !== undefined ? { online: options.online } : {}),
    });
    if (reach === REACHABILITY.blocked)
      throw new ChallengeError(
        `The challenge endpoint ${endpoint} answers, but the browser refused the cross-origin request: the receiver does not allow this page's origin (CORS).`,
        CHALLENGE_FAILURE.blocked,
        undefined,
        { cause },
      );
    throw new ChallengeError(
      `The challenge endpoint ${endpoint} cannot be reached.`,
      CHALLENGE_FAILURE.network,
      undefined,
      { cause },
    );
  }
  if (!res.ok)
    throw new ChallengeError(
      `The challenge endpoint ${endpoint} answered HTTP ${res.status}.`,
      res.status >= 500 || res.status === 429
        ? CHALLENGE_FAILURE.server
        : CHALLENGE_FAILURE.rejected,
      res.status,
    );
  let body: unknown;
  try {
    body = await res.json();
  } catch (cause) {
    throw new ChallengeError(
      `The challenge from ${endpoint} is not JSON.`,
      CHALLENGE_FAILURE.server,
      res.status,
      { cause },
    );
  }
  const { nonce, expiresAt } = (body ?? {}) as { nonce?: unknown; expiresAt?: unknown };
  // The payload format accepts 128–512 bits of base64url; anything else would fail verification.
  if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce))
    throw new ChallengeError(
      `The challenge from ${endpoint} has no nonce of 22 to 86 base64url characters.`,
      CHALLENGE_FAILURE.server,
      res.status,
    );
  return typeof expiresAt === 'string' ? { nonce, expiresAt } : { nonce };
}
