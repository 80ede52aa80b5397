// The clerk's side of forwarding: a dead letter sent again by hand (audited). The state itself is
// in the clerk API's dossier JSON (`forwarding`, status.js) and on the clerk page.
import { audit, auditAs, routeAction } from '../audit.js';
import { sendProblem } from '../problems.js';

/**
 * Registered after the clerk routes (status.js), under their authentication hook.
 * @param {import('fastify').FastifyInstance} app
 * @param {import('../app.js').Context} ctx
 * @param {import('./index.js').Forwarder} forwarder
 */
export function registerForwardingRoutes(app, ctx, forwarder) {
  app.post(
    '/api/clerk/dossiers/:code/forwarding/retry',
    auditAs('dossier.forwarding.retry'),
    async (request, reply) => {
      const { code } = /** @type {{ code: string }} */ (request.params);
      const ok = await forwarder.retry(code);
      const who = /** @type {any} */ (request).clerk;
      await audit(ctx.db, ctx.now(), {
        actor: who?.actor ?? 'unknown',
        action: routeAction(request),
        outcome: ok ? 'success' : 'not-found',
        dossier: code.slice(0, 40),
        ip: request.ip,
      });
      if (!ok) return sendProblem(request, reply, 'not-found');
      return { forwarding: await forwarder.stateOf(code) };
    },
  );
}
