// What the tests that serve an agency's own site beside the receiver share (cross-origin.test.ts,
// base-href.test.ts): the built library from dist/, and how many applications wait in a page's
// outbox.
import type { ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Answers a request for a file of dist/ (`/dist/dvc-forms.min.js`, its chunks) and says so;
 * false for any other path, which the site answers itself.
 */
export function serveLibrary(pathname: string, res: ServerResponse): boolean {
  const file = normalize(join(ROOT, pathname));
  if (!pathname.startsWith('/dist/') || !file.startsWith(join(ROOT, 'dist')) || !existsSync(file))
    return false;
  res.writeHead(200, {
    'content-type': extname(file) === '.js' ? 'text/javascript' : 'application/octet-stream',
  });
  res.end(readFileSync(file));
  return true;
}

/** How many applications wait in the page's origin's outbox (0 before it exists, -1 unreadable). */
export const outboxSize = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    const req = indexedDB.open('dvc-forms-drafts');
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('outbox')) return resolve(0);
      const count = db.transaction('outbox').objectStore('outbox').count();
      count.onsuccess = () => resolve(count.result);
    };
    req.onerror = () => resolve(-1);
  })`) as Promise<number>;
