/** A scripted `fetch` for transport unit tests: each call takes the next step. */
export type Step =
  | { status: number; body?: unknown; type?: string; headers?: Record<string, string> }
  | { networkError: true }
  | { hang: true };

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export function scriptedFetch(steps: Step[]): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fake = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
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
    if ('networkError' in step) throw new TypeError('Failed to fetch');
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
  return { fetch: fake as typeof fetch, calls };
}

export const problem = (status: number, title: string, detail: string, extra = {}) => ({
  status,
  type: 'application/problem+json; charset=utf-8',
  body: { type: `urn:dvc-forms:problem:x`, title, status, detail, ...extra },
});
