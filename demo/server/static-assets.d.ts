// Types of static-assets.js for the TypeScript tests.
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';

export const HASHED_NAME: RegExp;
export const IMMUTABLE: string;
export const REVALIDATE: string;
export function assetCacheControl(path: string): string;
export const assetStaticOptions: {
  preCompressed: true;
  cacheControl: false;
  setHeaders(res: ServerResponse, path: string): void;
};
export const siteStaticOptions: {
  cacheControl: false;
  setHeaders(res: ServerResponse): void;
};
export function registerCompression(app: FastifyInstance): Promise<void>;
