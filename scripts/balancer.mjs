// A small HTTP load balancer for the local scaled set-up (scripts/scaled.mjs, docs/scaling.md):
// round robin over the receiver processes, request and response bodies streamed both ways (tus
// PATCHes, file downloads), X-Forwarded-For/-Proto set for the receivers (TRUST_PROXY=1),
// replacing any a client sent.
// A process that refuses connections is skipped for a few seconds, and the request goes to the
// next one: the request body is only read once the upstream connection is open, so nothing is
// lost. A process that dies mid-request ends that request (502, or the connection cut): the
// client retries, as tus clients do. In production put the agency's own balancer here (nginx,
// HAProxy, a cloud load balancer) with the same behaviour.
import { Agent, createServer, request as httpRequest } from 'node:http';

/** Hop-by-hop headers (RFC 9110 §7.6.1): never forwarded. */
const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

/**
 * @typedef {object} UpstreamError what `log` is told when an upstream fails a request: never its
 *   path or query (upload ids, dossier codes), nor anything the request carried
 * @property {string} method
 * @property {number} upstream the process's index in `upstreams`
 * @property {string} code the socket error's code (ECONNREFUSED, ECONNRESET…)
 * @property {boolean} answered whether the client got another process's answer instead of a 502
 */

/**
 * @param {{ upstreams: { host: string, port: number }[], downForMs?: number, log?: (e: UpstreamError) => void }} options
 *   `log`: each upstream failure, so that an operator sees why clients got a 502
 */
export function createBalancer({ upstreams, downForMs = 3000, log }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const downUntil = upstreams.map(() => 0);
  let next = 0;
  /** Requests per upstream, for the tests and the operator. */
  const served = upstreams.map(() => 0);

  /** The upstreams in round-robin order from the next one, those marked down last. */
  function order() {
    const start = next;
    next = (next + 1) % upstreams.length;
    const all = upstreams.map((_, i) => (start + i) % upstreams.length);
    const t = Date.now();
    return [...all.filter((i) => downUntil[i] <= t), ...all.filter((i) => downUntil[i] > t)];
  }

  const server = createServer((req, res) => {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([k]) => !HOP.has(k.toLowerCase())),
    );
    const client = req.socket.remoteAddress ?? '';
    // The edge: what a client says about its address or host is dropped, not appended to (the
    // receivers, with TRUST_PROXY=1, take the right-most address, the one seen here; appending
    // as nginx's $proxy_add_x_forwarded_for does would be as safe).
    delete headers['x-forwarded-host'];
    headers['x-forwarded-for'] = client;
    headers['x-forwarded-proto'] = 'http';
    const candidates = order();

    /** @param {number} k */
    const attempt = (k) => {
      const i = candidates[k];
      const u = upstreams[i];
      let sent = false;
      const up = httpRequest(
        { host: u.host, port: u.port, method: req.method, path: req.url, headers, agent },
        (ur) => {
          served[i]++;
          const out = Object.fromEntries(
            Object.entries(ur.headers).filter(([h]) => !HOP.has(h.toLowerCase())),
          );
          res.writeHead(ur.statusCode ?? 502, out);
          ur.pipe(res);
          ur.on('error', () => res.destroy());
        },
      );
      const send = () => {
        sent = true;
        req.pipe(up);
      };
      up.on('socket', (socket) => {
        if (socket.connecting) socket.once('connect', send);
        else send();
      });
      up.on('error', (/** @type {NodeJS.ErrnoException} */ e) => {
        const retry = !sent && e.code === 'ECONNREFUSED' && k + 1 < candidates.length;
        log?.({
          method: String(req.method),
          upstream: i,
          code: String(e.code ?? 'error'),
          answered: retry,
        });
        if (!sent && e.code === 'ECONNREFUSED') {
          downUntil[i] = Date.now() + downForMs;
          if (retry) return attempt(k + 1);
        }
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
          res.end('No receiver process answered.\n');
        } else res.destroy();
      });
      // The client went away: so does the upstream request (tus then lets go of the upload).
      res.on('close', () => {
        if (!res.writableFinished) up.destroy();
      });
    };
    attempt(0);
  });
  server.keepAliveTimeout = 30_000;
  return { server, served, close: () => (agent.destroy(), server.close()) };
}
