// Rate limits (@fastify/rate-limit): each named limit of config.js applies per client address and
// to all clients together. Counters live in this process's memory on the embedded storage, and in
// the database on PostgreSQL, shared by every process (storage/rate-limit-store.js).
import rateLimit from '@fastify/rate-limit';
import { sendProblem } from './problems.js';

/**
 * Resolves true when it answered (429), false to let the request through. Never resolves with
 * the reply itself: a FastifyReply is thenable, so awaiting it would yield undefined.
 * @typedef {(request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => Promise<boolean>} Guard
 */

/**
 * Registers the plugin (no global limit: only the routes that take a guard are counted) and
 * returns one onRequest guard per named limit. A refused request gets `429` with `Retry-After`
 * and an RFC 9457 problem (`too-many-requests` for the status lookup, `rate-limited` otherwise).
 * @param {import('fastify').FastifyInstance} app
 * @param {Record<import('./config.js').RateLimitName, import('./config.js').RateLimit>} limits
 * @param {any} [store] a @fastify/rate-limit store class; default: this process's memory
 * @returns {Promise<Record<import('./config.js').RateLimitName, Guard>>}
 */
export async function registerRateLimits(app, limits, store) {
  await app.register(rateLimit, { global: false, cache: 20_000, ...(store ? { store } : {}) });
  /** @type {Record<string, Guard>} */
  const guards = {};
  for (const [name, limit] of Object.entries(limits)) {
    const perAddress = app.createRateLimit({
      max: limit.max,
      timeWindow: limit.windowSeconds * 1000,
      keyGenerator: (request) => `${name}|ip|${request.ip}`,
    });
    const everyone = app.createRateLimit({
      max: limit.globalMax,
      timeWindow: limit.globalWindowSeconds * 1000,
      keyGenerator: () => `${name}|all`,
    });
    guards[name] = async (request, reply) => {
      for (const check of [perAddress, everyone]) {
        const r = await check(request);
        if (r.isAllowed || !r.isExceeded) continue;
        const seconds = String(Math.max(1, r.ttlInSeconds));
        request.log.warn({ limit: name, ip: request.ip }, 'rate limited');
        reply.header('retry-after', seconds);
        sendProblem(request, reply, name === 'status' ? 'too-many-requests' : 'rate-limited', {
          params: { seconds },
        });
        return true;
      }
      return false;
    };
  }
  return /** @type {Record<import('./config.js').RateLimitName, Guard>} */ (guards);
}
