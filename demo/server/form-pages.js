// The demo's procedure pages (demo/site/thu-tuc/*.html) with the receiver's own settings put on
// their `<dvc-form>`: the postage tariff (POSTAGE). On an agency's own site the webmaster writes
// `postage="…"` on the tag and sets the same POSTAGE on the receiver (docs/payments.md); here
// the receiver serves the pages itself, so it writes the one value it verifies against, and the
// two can never disagree.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { IMMUTABLE } from './static-assets.js';

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

/** What may stand inside a page's `<dvc-form>` and be replaced by the first page: a placeholder. */
const REPLACEABLE = /^\s*(?:<p class="form-placeholder">[^<]*<\/p>)?\s*$/;

/**
 * The page with the form's first page, rendered on the server (src/first-page), inside its one
 * `<dvc-form>` (its light DOM, which the element adopts when ready: a citizen on a slow line can
 * start answering as soon as the HTML and CSS have arrived), and the stylesheet that makes it look
 * like the element's page linked after the page's own. Left as it is when the page has no single
 * form for a procedure, its form already holds other content, or there is no first page.
 * @param {string} html
 * @param {(name: string) => Promise<string | undefined>} firstPage the markup for a procedure
 * @param {string} cssPath where its stylesheet is served (`/` and its file name)
 */
export async function withFirstPage(html, firstPage, cssPath) {
  const forms = [
    ...html.matchAll(
      /(<dvc-form(?![\w-])[^>]*\sprocedure="\/procedures\/([a-z0-9-]+)\.json"[^>]*>)([\s\S]*?)(<\/dvc-form>)/g,
    ),
  ];
  if (forms.length !== 1) return html;
  const [whole, open, name, inner, close] = forms[0];
  if (!REPLACEABLE.test(inner) || !html.includes('</head>')) return html;
  const markup = await firstPage(name);
  if (!markup) return html;
  return html
    .replace(whole, () => `${open}\n        ${markup}\n      ${close}`)
    .replace('</head>', () => `  <link rel="stylesheet" href="${cssPath}" />\n  </head>`);
}

/**
 * The first page of each procedure as the receiver serves it: each procedure's model is built
 * once, in the background from startup (compiling its schema takes 0.1–0.6 s), and its page is
 * decided once per Vietnamese calendar day (the rules may depend on today), as the element
 * decides it on that day. A procedure whose model cannot be built gets no first page (logged).
 * @param {{ renderer: (procedure: any) => Promise<(options?: { lang?: 'vi' | 'en', today?: string }) => Promise<string | undefined>> }} library
 * @param {{ name: string, procedure: any }[]} procedures
 * @param {{ now: () => Date, log: { warn: (message: string) => void } }} options
 * @returns {(name: string) => Promise<string | undefined>}
 */
export function firstPageSource(library, procedures, { now, log }) {
  const renderers = new Map(
    procedures.map((p) => [
      p.name,
      library.renderer(p.procedure).catch((/** @type {Error} */ e) => {
        log.warn(`no server-rendered first page for ${p.name}: ${e.message}`);
        return undefined;
      }),
    ]),
  );
  /** @type {Map<string, { today: string, html: Promise<string | undefined> }>} */
  const pages = new Map();
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
  return async (name) => {
    const renderer = renderers.get(name);
    if (!renderer) return undefined;
    const today = day.format(now());
    let page = pages.get(name);
    if (page?.today !== today) {
      const html = renderer.then((render) => render?.({ lang: 'vi', today }));
      page = { today, html: html.catch(() => undefined) };
      pages.set(name, page);
    }
    return page.html;
  };
}

/**
 * Serves `/thu-tuc/<name>.html` from `siteDir` with the settings applied; anything else there is
 * left to the static file server (a 404 for a page that does not exist).
 * `firstPage`: the server-rendered first page for a procedure's name (withFirstPage), if any, and
 * its stylesheet, served under its file name (named by its content, src/first-page/css-file.ts)
 * and cached for a year, like the bundle's chunks: a returning visitor's browser uses its copy
 * instead of asking again first (a stylesheet blocks the paint: a 2 s round trip on slow 3G).
 * @param {import('fastify').FastifyInstance} app
 * @param {{ siteDir: string, postage?: number, formScripts?: Map<string, string>, preload?: string[], formPreloads?: Map<string, string[]>, firstPage?: { page: (name: string) => Promise<string | undefined>, css: string, file: string } }} options
 */
export function registerFormPages(
  app,
  { siteDir, postage, formScripts, preload, formPreloads, firstPage },
) {
  const cssPath = firstPage && `/${firstPage.file}`;
  if (firstPage && cssPath)
    app.get(cssPath, async (_request, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', IMMUTABLE).send(firstPage.css),
    );
  app.get('/thu-tuc/:page', async (request, reply) => {
    const { page } = /** @type {{ page: string }} */ (request.params);
    let html;
    try {
      html = PAGE.test(page) ? await readFile(join(siteDir, 'thu-tuc', page), 'utf8') : undefined;
    } catch {
      html = undefined;
    }
    if (html === undefined) return reply.callNotFound();
    if (firstPage && cssPath) html = await withFirstPage(html, firstPage.page, cssPath);
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(
        withFormScript(withFormSettings(html, { postage }), { formScripts, preload, formPreloads }),
      );
  });
}
