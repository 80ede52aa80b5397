/**
 * Telling "no network" from "the server refused this page". In the browser both a dropped
 * connection and a cross-origin request the receiver does not allow (CORS) reject `fetch` with
 * the same `TypeError`, and the page is not told which. The first is transient (keep the
 * application and send it when the connection is back); the second is permanent (nothing will
 * change until the agency fixes its configuration) and must never be presented as queued.
 *
 * The probe: the same URL fetched in `no-cors` mode. Such a request needs no permission from the
 * server, so it resolves (with an opaque answer) whenever the server can be reached, and rejects
 * only when it cannot. A CORS-mode request that failed while the same URL answers in no-cors mode
 * was therefore refused by the browser's cross-origin check, not by the network.
 */

export const REACHABILITY = {
  /** The device says it has no network (navigator.onLine is false). */
  offline: 'offline',
  /** The server could not be reached (no route, DNS, connection refused or dropped). */
  unreachable: 'unreachable',
  /** The server answers, but the browser refused to let this page read or send to it (CORS). */
  blocked: 'blocked',
} as const;
export type Reachability = (typeof REACHABILITY)[keyof typeof REACHABILITY];

/**
 * Classifies a `fetch` rejection for `url`. Only a `TypeError` (the browser's "network error")
 * is probed; anything else (a timeout, an abort) is `unreachable`.
 */
export async function classifyFetchFailure(
  url: string,
  cause: unknown,
  options: { fetch?: typeof fetch; online?: boolean; signal?: AbortSignal } = {},
): Promise<Reachability> {
  const online = options.online ?? globalThis.navigator?.onLine;
  if (online === false) return REACHABILITY.offline;
  if (!(cause instanceof TypeError)) return REACHABILITY.unreachable;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  try {
    await doFetch(url, {
      method: 'HEAD',
      mode: 'no-cors',
      credentials: 'omit',
      cache: 'no-store',
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return REACHABILITY.blocked;
  } catch {
    return REACHABILITY.unreachable;
  }
}
