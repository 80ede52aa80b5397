// Types of static-assets.js, for the TypeScript tests and for app.js (an import of
// './static-assets.js' resolves to this file).
import type { FastifyInstance } from 'fastify';
import type { SetHeadersResponse } from '@fastify/static';

export const HASHED_NAME: RegExp;
export const IMMUTABLE: string;
export const REVALIDATE: string;
export function assetCacheControl(path: string): string;
export const assetStaticOptions: {
  preCompressed: true;
  cacheControl: false;
  setHeaders(res: SetHeadersResponse, path: string): void;
};
export const siteStaticOptions: {
  cacheControl: false;
  setHeaders(res: SetHeadersResponse): void;
};
export function registerCompression(app: FastifyInstance): Promise<void>;
/** URLs (under `/assets/`) of the bundle and the chunks every form loads at once (chunks.json). */
export function readPreloads(distDir: string, extra?: string[]): string[];
