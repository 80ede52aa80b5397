// Cross-origin access (CORS) for the endpoints a form on another site calls: the challenge, the
// submission, tus uploads and the citizen's status lookup. An agency that embeds the form on
// https://dichvucong.example.gov.vn and runs this receiver on https://hoso.example.gov.vn lists
// the first in ALLOWED_ORIGINS; by default only the receiver's own pages may call it.
//
// The browser enforces CORS, not the server: a page from an origin that is not listed cannot
// read the answers, and requests that need a preflight are never sent. Some requests need no
// preflight (a multipart POST is a "simple" request), so the server also refuses any request to
// these endpoints whose Origin is neither its own nor listed, before doing any work (403).
// The clerk API is not listed: it is only ever called from the receiver's own pages.

import { sendProblem } from './problems.js';
import { UPLOAD_TOKEN_HEADER } from './upload-guard.js';

/** Paths (exact, or a prefix ending in `/`) that another origin may call, with their methods. */
export const CORS_ROUTES = [
  { path: '/api/challenges', methods: ['POST'] },
  { path: '/api/dossiers', methods: ['POST'] },
  { path: '/api/status', methods: ['GET'] },
  // tus: creation, offset check, upload, termination (the tus protocol 1.0.0).
  { path: '/api/uploads', methods: ['POST', 'HEAD', 'PATCH', 'DELETE'] },
  { path: '/api/uploads/', methods: ['POST', 'HEAD', 'PATCH', 'DELETE'] },
];

/** Request headers the form and tus-js-client send (beyond the CORS-safelisted ones). */
export const ALLOWED_HEADERS = [
  'Accept-Language',
  'Content-Type',
  'Idempotency-Key',
  'Tus-Resumable',
  'Upload-Length',
  'Upload-Metadata',
  'Upload-Offset',
  'Upload-Defer-Length',
  'Upload-Concat',
  // The upload's capability token (upload-guard.js): on tus requests and on the submission.
  UPLOAD_TOKEN_HEADER,
  'X-HTTP-Method-Override',
  'X-Requested-With',
];

/**
 * Response headers the page must be able to read: tus-js-client reads Location (the upload's
 * URL) and Upload-Offset (where to resume); the form reads Idempotent-Replayed, Retry-After and
 * the upload's token.
 */
export const EXPOSED_HEADERS = [
  'Location',
  'Upload-Offset',
  'Upload-Length',
  'Upload-Metadata',
  'Upload-Defer-Length',
  'Upload-Concat',
  'Upload-Expires',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
  'Idempotent-Replayed',
  'Retry-After',
  // The token answered on upload creation, which the form sends back.
  UPLOAD_TOKEN_HEADER,
];

/** How long a browser may cache a preflight answer (seconds). */
export const PREFLIGHT_MAX_AGE = 600;

/**
 * Parses ALLOWED_ORIGINS: a comma- or space-separated list of origins, each exactly
 * `scheme://host[:port]` (no path, no trailing slash, no wildcard). Empty or unset: none (only
 * the receiver's own origin). Throws an Error with a readable message on a bad entry.
 * @param {string | undefined} value
 * @returns {string[]}
 */
export function parseAllowedOrigins(value) {
  const entries = (value ?? '').split(/[\s,]+/).filter(Boolean);
  return entries.map((entry) => {
    if (entry === '*')
      throw new Error(
        'ALLOWED_ORIGINS: "*" is not allowed; list the sites that embed the form, e.g. https://dichvucong.example.gov.vn',
      );
    let url;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin like https://example.gov.vn`);
    }
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== entry.replace(/\/$/, ''))
      throw new Error(
        `ALLOWED_ORIGINS: "${entry}" must be only scheme, host and port, e.g. ${url.origin}`,
      );
    return url.origin;
  });
}

/**
 * @param {string} url request URL (path and query)
 * @returns {{ path: string, methods: string[] } | undefined}
 */
export function corsRoute(url) {
  const raw = url.split('?')[0];
  // Matched as the router matches it, after percent-decoding: `/api/%64ossiers` reaches the
  // dossiers route, so it must not escape the origin check either.
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the router answers 400; the raw path is checked meanwhile.
  }
  return CORS_ROUTES.find((r) =>
    [raw, path].some((p) => (r.path.endsWith('/') ? p.startsWith(r.path) : p === r.path)),
  );
}

/**
 * The receiver's own origin as the browser sees it (scheme from the connection, host from the
 * Host header). Behind a TLS-terminating proxy, list the public origin in ALLOWED_ORIGINS.
 * @param {import('fastify').FastifyRequest} request
 */
function ownOrigin(request) {
  return `${request.protocol}://${request.headers.host ?? ''}`;
}

/**
 * Adds the CORS answers to `app`: preflights of the listed routes are answered here (204 with
 * the allowed method and headers, or 403 without any CORS header for an origin not allowed),
 * and requests from an origin that is neither the receiver's nor allowed are refused with 403.
 * Returns `allowOrigin`, for tus, which writes its own headers.
 * @param {import('fastify').FastifyInstance} app
 * @param {{ allowedOrigins: string[] }} options
 */
export function registerCors(app, { allowedOrigins }) {
  const allowed = new Set(allowedOrigins);
  /** @param {string} origin */
  const allowOrigin = (origin) => allowed.has(origin);

  app.addHook('onRequest', async (request, reply) => {
    const route = corsRoute(request.url);
    if (!route) return;
    const origin = request.headers.origin;
    reply.header('vary', 'Origin');
    if (typeof origin !== 'string' || origin === ownOrigin(request)) {
      // Same origin, or not from a browser page: CORS does not apply. OPTIONS without Origin
      // is tus's capability discovery; let tus answer it.
      return;
    }
    const isAllowed = allowOrigin(origin);
    const preflightMethod = request.headers['access-control-request-method'];
    if (request.method === 'OPTIONS' && typeof preflightMethod === 'string') {
      if (!isAllowed || !route.methods.includes(preflightMethod.toUpperCase())) {
        request.log.info({ origin, url: route.path }, 'CORS preflight refused');
        return reply.code(403).header('cache-control', 'no-store').send();
      }
      return reply
        .code(204)
        .header('access-control-allow-origin', origin)
        .header('access-control-allow-methods', route.methods.join(', '))
        .header('access-control-allow-headers', ALLOWED_HEADERS.join(', '))
        .header('access-control-max-age', String(PREFLIGHT_MAX_AGE))
        .send();
    }
    if (!isAllowed) {
      request.log.info({ origin, url: route.path }, 'cross-origin request refused');
      return sendProblem(request, reply, 'origin-not-allowed');
    }
    reply.header('access-control-allow-origin', origin);
    reply.header('access-control-expose-headers', EXPOSED_HEADERS.join(', '));
  });

  return { allowOrigin };
}
