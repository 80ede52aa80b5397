/** A scripted `fetch` for transport unit tests: each call takes the next step. */
export type Step =
  | { status: number; body?: unknown; type?: string; headers?: Record<string, string> }
  | { networkError: true }
  /** The server answers, but the browser refuses the cross-origin request (CORS). */
  | { corsBlocked: true }
  | { hang: true };

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/**
 * `calls` records the requests the code under test means to make; `probes` the no-cors
 * reachability probes (reachability.ts) made after a failure, which take no step: they reach
 * the server after a `corsBlocked` step and fail like the network after a `networkError` one.
 */
export function scriptedFetch(steps: Step[]): {
  fetch: typeof fetch;
  calls: RecordedCall[];
  probes: string[];
} {
  const calls: RecordedCall[] = [];
  const probes: string[] = [];
  let reachable = false;
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    if (init.mode === 'no-cors') {
      probes.push(`${init.method ?? 'GET'} ${String(input)}`);
      if (!reachable) throw new TypeError('Failed to fetch');
      return new Response(null, { status: 200 });
    }
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((v, k) => (headers[k] = v));
    calls.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
    });
    const step = steps.shift();
    if (!step) throw new Error(`unexpected request ${calls.length} to ${String(input)}`);
    reachable = !('networkError' in step);
    if ('networkError' in step || 'corsBlocked' in step) throw new TypeError('Failed to fetch');
    if ('hang' in step)
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    const type = step.type ?? 'application/json';
    return new Response(step.body === undefined ? null : JSON.stringify(step.body), {
      status: step.status,
      headers: { 'content-type': type, ...step.headers },
    });
  };
  return { fetch: fake as typeof fetch, calls, probes };
}

export const problem = (status: number, title: string, detail: string, extra = {}) => ({
  status,
  type: 'application/problem+json; charset=utf-8',
  body: { type: `urn:dvc-forms:problem:x`, title, status, detail, ...extra },
});
