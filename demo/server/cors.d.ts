// Types of cors.js for the TypeScript tests.
import type { FastifyInstance } from 'fastify';

export declare const CORS_ROUTES: { path: string; methods: string[] }[];
export declare const ALLOWED_HEADERS: string[];
export declare const EXPOSED_HEADERS: string[];
export declare const PREFLIGHT_MAX_AGE: number;
export declare function parseAllowedOrigins(value: string | undefined): string[];
export declare function corsRoute(url: string): { path: string; methods: string[] } | undefined;
export declare function registerCors(
  app: FastifyInstance,
  options: { allowedOrigins: string[] },
): { allowOrigin(origin: string): boolean };
