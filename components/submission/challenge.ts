/**
 * The one-time challenge: a nonce the receiver issued (POST, `201 { nonce, expiresAt }`, see
 * demo/server and docs/receiver.md) and will accept once, fetched just before signing so a
 * captured submission cannot be replayed.
 */
import { TransportError } from '../../src/errors.js';
import { NONCE_PATTERN } from '../../src/submission/index.js';

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
}

/**
 * POSTs to `endpoint` and returns the nonce. Throws TransportError (with `status` when the server
 * answered) for a network failure, a non-2xx answer, or a body without a usable nonce.
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
        ...(options.lang ? { 'accept-language': options.lang } : {}),
      },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: options.signal,
    });
  } catch (cause) {
    throw new TransportError(`The challenge endpoint ${endpoint} cannot be reached.`, undefined, {
      cause,
    });
  }
  if (!res.ok)
    throw new TransportError(
      `The challenge endpoint ${endpoint} answered HTTP ${res.status}.`,
      res.status,
    );
  let body: unknown;
  try {
    body = await res.json();
  } catch (cause) {
    throw new TransportError(`The challenge from ${endpoint} is not JSON.`, res.status, { cause });
  }
  const { nonce, expiresAt } = (body ?? {}) as { nonce?: unknown; expiresAt?: unknown };
  // The payload format accepts 128–512 bits of base64url; anything else would fail verification.
  if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce))
    throw new TransportError(
      `The challenge from ${endpoint} has no nonce of 22 to 86 base64url characters.`,
      res.status,
    );
  return typeof expiresAt === 'string' ? { nonce, expiresAt } : { nonce };
}
