// The demo's procedure pages (demo/site/thu-tuc/*.html) with the receiver's own settings put on
// their `<dvc-form>`: the postage tariff (POSTAGE). On an agency's own site the webmaster writes
// `postage="…"` on the tag and sets the same POSTAGE on the receiver (docs/payments.md); here
// the receiver serves the pages itself, so it writes the one value it verifies against, and the
// two can never disagree.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const PAGE = /^[a-z0-9-]{1,80}\.html$/;

/**
 * The page's HTML with `postage` set on every `<dvc-form>` that does not set its own.
 * @param {string} html
 * @param {{ postage?: number }} settings
 */
export function withFormSettings(html, { postage }) {
  if (postage === undefined) return html;
  return html.replace(/<dvc-form(?![\w-])([^>]*)>/g, (tag, attributes) =>
    /\spostage\s*=/.test(attributes) ? tag : `<dvc-form postage="${postage}"${attributes}>`,
  );
}

/**
 * Serves `/thu-tuc/<name>.html` from `siteDir` with the settings applied; anything else there is
 * left to the static file server (a 404 for a page that does not exist).
 * @param {import('fastify').FastifyInstance} app
 * @param {{ siteDir: string, postage?: number }} options
 */
export function registerFormPages(app, { siteDir, postage }) {
  app.get('/thu-tuc/:page', async (request, reply) => {
    const { page } = /** @type {{ page: string }} */ (request.params);
    let html;
    try {
      html = PAGE.test(page) ? await readFile(join(siteDir, 'thu-tuc', page), 'utf8') : undefined;
    } catch {
      html = undefined;
    }
    if (html === undefined) return reply.callNotFound();
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(withFormSettings(html, { postage }));
  });
}
