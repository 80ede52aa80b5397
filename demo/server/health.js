// Health and readiness for a load balancer or an orchestrator (docs/deployment.md "Health
// checks"). `/healthz` says the process answers; `/readyz` says it can take dossiers: its
// start-up checks have answered (the mail server's log-in, which runs beside the listening
// receiver: main.js), its database answers and it is not shutting down. A balancer that checks /readyz stops sending
// requests to a process that received SIGTERM while that process finishes those in flight.
// Neither says anything about a dossier, and successful probes are not logged (they would be
// most of the log at one probe a second).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @param {import('fastify').FastifyInstance} app
 * @param {{ db: import('./storage/index.js').Storage, siteDir: string, starting: () => boolean }} deps
 *   `starting`: true while a start-up check has not answered
 */
export function registerHealthRoutes(app, { db, siteDir, starting }) {
  // The probes' paths are the receiver's own: a route wins over the site's static files, so a
  // file (or folder) of the site by either name is never what `/healthz` answers. Said at start,
  // rather than found when someone wonders why their page is a JSON status.
  for (const path of HEALTH_PATHS) {
    const file = join(siteDir, path.slice(1));
    if (existsSync(file)) {
      app.log.warn(
        `${file} is not served at ${path}: ${path} is the receiver's ${path === '/healthz' ? 'health' : 'readiness'} ` +
          'probe (docs/deployment.md "Health checks"); give it another name',
      );
    }
  }
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  const noStore = { 'cache-control': 'no-store' };

  app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) =>
    reply.headers(noStore).send({ status: 'ok' }),
  );

  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    reply.headers(noStore);
    if (closing) return reply.code(503).send({ status: 'stopping' });
    if (starting()) {
      // Expected at every start, for a few seconds at most: not an error to log at each probe.
      STARTING_ANSWERS.add(request);
      return reply.code(503).send({ status: 'starting' });
    }
    try {
      await db.prepare('SELECT 1 AS ok').get();
    } catch (e) {
      // The reason for the operator (the driver's message names no dossier); not the URL.
      request.log.error({ err: { message: /** @type {Error} */ (e).message } }, 'not ready');
      return reply.code(503).send({ status: 'database-unavailable' });
    }
    return reply.send({ status: 'ready' });
  });
}

/** Paths whose successful answers are not logged (probes). */
export const HEALTH_PATHS = new Set(['/healthz', '/readyz']);

/** The `/readyz` requests answered "starting": not logged either. */
export const STARTING_ANSWERS = new WeakSet();
