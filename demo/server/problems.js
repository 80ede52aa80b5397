// RFC 9457 problem details (application/problem+json).
import { STATUS_CODES } from 'node:http';
import { PROBLEMS } from './messages.js';
import { GUARD_PROBLEMS } from './guard-messages.js';
import { DESK_PROBLEMS } from './desk-messages.js';

/** @type {Record<string, import('./messages.js').ProblemText>} */
const CATALOG = { ...PROBLEMS, ...GUARD_PROBLEMS, ...DESK_PROBLEMS };

export const PROBLEM_TYPE_PREFIX = 'urn:dvc-forms:problem:';

/**
 * Vietnamese unless the client asks for English first and does not accept Vietnamese at all:
 * many Vietnamese citizens' phones run in English ("en-US,en;q=0.9,vi;q=0.8") and still read
 * the Vietnamese form, so only an English-only browser gets English.
 * @param {import('fastify').FastifyRequest} request
 * @returns {'vi' | 'en'}
 */
export function requestLang(request) {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'vi';
  const tags = header.split(',').map((t) => t.split(';')[0].trim().toLowerCase());
  return tags[0]?.startsWith('en') && !tags.some((t) => t.startsWith('vi')) ? 'en' : 'vi';
}

/**
 * @param {string} text
 * @param {Record<string, string>} params
 */
const fill = (text, params) => text.replace(/\{(\w+)\}/g, (m, k) => params[k] ?? m);

/**
 * Builds the problem object for `slug` (a key of PROBLEMS).
 * @param {string} slug
 * @param {'vi' | 'en'} lang
 * @param {{ params?: Record<string, string>, errors?: { code: string, message: string }[], extra?: Record<string, unknown> }} [more]
 */
export function problem(slug, lang, more = {}) {
  const p = CATALOG[slug] ?? CATALOG['internal-error'];
  const text = p[lang];
  return {
    type: `${PROBLEM_TYPE_PREFIX}${slug}`,
    title: text.title,
    status: p.status,
    detail: fill(text.detail, more.params ?? {}),
    ...(more.errors ? { errors: more.errors } : {}),
    ...(more.extra ?? {}),
  };
}

/**
 * Sends a problem answer.
 * @param {import('fastify').FastifyRequest} request
 * @param {import('fastify').FastifyReply} reply
 * @param {string} slug
 * @param {Parameters<typeof problem>[2]} [more]
 */
export function sendProblem(request, reply, slug, more) {
  const body = problem(slug, requestLang(request), more);
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/**
 * fastify's `frameworkErrors`: a path that is not valid percent-encoding (`/%ff`, FST_ERR_BAD_URL)
 * is refused before any route runs. fastify's own answer is another JSON shape that echoes the
 * whole path back.
 * @param {Error} _error
 * @param {import('fastify').FastifyRequest} request
 * @param {import('fastify').FastifyReply} reply
 */
export function frameworkProblem(_error, request, reply) {
  return sendProblem(request, reply, 'invalid-request');
}

/**
 * fastify's `clientErrorHandler`: a request Node's HTTP parser refused before fastify saw it
 * (malformed, headers too large, too slow) is answered in the same problem shape as every other
 * refusal, on the socket, which is then closed. In Vietnamese: its headers were never read.
 * @param {Error & { code?: string }} err
 * @param {import('node:net').Socket} socket
 */
export function clientErrorProblem(err, socket) {
  // Reset by the client: nobody to answer.
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const slug =
    err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 'request-timeout'
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? 'headers-too-large'
        : 'invalid-request';
  const body = JSON.stringify(problem(slug, 'vi'));
  const status = CATALOG[slug].status;
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        'Content-Type: application/problem+json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(err);
}
