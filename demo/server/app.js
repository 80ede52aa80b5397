import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { fileURLToPath } from 'node:url';

const root = (p) => fileURLToPath(new URL(p, import.meta.url));

/** Builds the receiver; tests start it on a random port. */
export async function createServer({ logger = true } = {}) {
  const app = Fastify({ logger });
  await app.register(fastifyStatic, { root: root('../site/'), prefix: '/' });
  await app.register(fastifyStatic, {
    root: root('../../dist/'),
    prefix: '/assets/',
    decorateReply: false,
  });
  return app;
}
