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

const BUNDLE_TAG = '<script type="module" src="/assets/dvc-forms.min.js"></script>';

/**
 * The page with its one script being the procedure's form artefact (`dvc-forms compile --form`:
 * the precompiled validator and the procedure, importing the bundle) instead of the bundle alone,
 * when its form loads `/procedures/<name>.json` and that artefact exists; and with
 * `<link rel="modulepreload">` for the bundle and the chunks every form loads at once, so they
 * all download in parallel with the artefact (one round trip instead of three on a slow link).
 * `formPreloads`: by procedure, the same list with the chunks its artefact needs before ready.
 * @param {string} html
 * @param {{ formScripts?: Map<string, string>, preload?: string[], formPreloads?: Map<string, string[]> }} options
 */
export function withFormScript(html, { formScripts, preload = [], formPreloads }) {
  if (!html.includes(BUNDLE_TAG)) return html;
  const forms = [
    ...html.matchAll(/<dvc-form(?![\w-])[^>]*\sprocedure="\/procedures\/([a-z0-9-]+)\.json"/g),
  ];
  const script = forms.length === 1 ? formScripts?.get(forms[0][1]) : undefined;
  const own = script ? formPreloads?.get(forms[0][1]) : undefined;
  const links = (own ?? preload)
    .map((href) => `<link rel="modulepreload" href="${href}" />`)
    .join('\n    ');
  const tag = script ? `<script type="module" src="${script}"></script>` : BUNDLE_TAG;
  return html.replace(BUNDLE_TAG, links ? `${links}\n    ${tag}` : tag);
}

/**
 * Serves `/thu-tuc/<name>.html` from `siteDir` with the settings applied; anything else there is
 * left to the static file server (a 404 for a page that does not exist).
 * @param {import('fastify').FastifyInstance} app
 * @param {{ siteDir: string, postage?: number, formScripts?: Map<string, string>, preload?: string[], formPreloads?: Map<string, string[]> }} options
 */
export function registerFormPages(app, { siteDir, postage, formScripts, preload, formPreloads }) {
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
      .send(
        withFormScript(withFormSettings(html, { postage }), { formScripts, preload, formPreloads }),
      );
  });
}
