/**
 * What a webmaster reads in the console when `<dvc-form procedure="x.json">` cannot use the file
 * it fetches at run time. The person sees the form's plain "Không tải được biểu mẫu" page; the
 * browser's own line says little ("Failed to fetch", or a CORS line only some engines print), and
 * an HTML page served in place of the file (a CMS's "not found" or sign-in page) was reported as
 * an invalid procedure with a JSON syntax error at line 1. This names the likely cause and the
 * fix. In the loader's chunk, not the core: it runs only when something is wrong. English only:
 * it is for the webmaster's console, never shown to the person.
 */

/** The parts of a fetch `Response` this reads (a DOM `Response` is one). */
export interface FetchedResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
}

/** The page that fetched (a DOM `Document` is one): its base URL and its own origin. */
export interface FetchingPage {
  baseURI: string;
  location: { origin: string } | null;
}

/** The origin (`https://host:port`) of an absolute URL, or undefined for a relative one. */
function originOf(url: string, base: string): string | undefined {
  const absolute = url.startsWith('//') ? `${/^[a-z][\w+.-]*:/i.exec(base)?.[0] ?? ''}${url}` : url;
  const match = /^([a-z][\w+.-]*:)\/\/([^/?#]*)/i.exec(absolute);
  return match ? `${match[1]!.toLowerCase()}//${match[2]!.toLowerCase()}` : undefined;
}

/**
 * Undefined when the response is the file (the loader then checks it); otherwise the console
 * message for a procedure at `url` (as written in the attribute) that `page` could not fetch
 * (`response` undefined: no response at all) or got something else than JSON for. `provided`
 * lists the procedure files the page's form artefacts were compiled from (components/form/
 * provide.ts): a form that names another file fetches it instead of taking one.
 */
export function fetchFailure(
  url: string,
  page: FetchingPage,
  response: FetchedResponse | undefined,
  text: string,
  provided: readonly (readonly [file: string, ...unknown[]])[] = [],
): { ok: false; code: 'procedure-fetch'; message: string } | undefined {
  const message = fetchMessage(url, page, response, text, provided);
  // The form's `procedure-fetch` error (components/form/events.ts FORM_ERROR_CODE).
  return message === undefined ? undefined : { ok: false, code: 'procedure-fetch', message };
}

function fetchMessage(
  url: string,
  page: FetchingPage,
  response: FetchedResponse | undefined,
  text: string,
  provided: readonly (readonly [file: string, ...unknown[]])[] = [],
): string | undefined {
  const baseUrl = page.baseURI;
  const pageOrigin = page.location?.origin ?? '';
  const artefacts = provided.map(([file]) => file).filter(Boolean);
  const type = response?.headers.get('content-type') ?? '';
  const html = /html/i.test(type) || /^\s*</.test(text);
  if (response?.ok && !html) {
    // The file is fine, but the form compiles its validator in the browser, which the strict
    // Content-Security-Policy the README gives refuses: the form's only line was then "Cannot
    // build the validator", with advice for createValidator callers and no word of the artefact.
    if (artefacts.length)
      (globalThis as { console?: { warn(line: string): void } }).console?.warn(
        `dvc-form: procedure="${url}" is not the file this page's form artefact was compiled from (${artefacts.join(', ')}), so the form fetched it and compiles its validator in the browser, which a strict Content-Security-Policy (script-src 'self') refuses: the form then fails with "Cannot build the validator". Name the artefact's file in procedure (or leave procedure out), or compile this file into its own artefact (dvc-forms compile <file.json> --out <dir> --form) and load that one.`,
      );
    return undefined;
  }
  const origin = originOf(url, baseUrl) ?? originOf(baseUrl, baseUrl);
  const notTaken = artefacts.length
    ? ` This page's form artefact was compiled from ${artefacts.join(', ')}, which procedure="${url}" does not name, so the form fetched the file instead: name the same file in procedure (or leave it out).`
    : '';
  if (!response) {
    const cors =
      origin && origin !== pageOrigin
        ? ` The file is on another origin (${origin}) than the page (${pageOrigin}): its server must send Access-Control-Allow-Origin: ${pageOrigin} with it (the browser blocks it otherwise, see its CORS message), or serve the file from the page's own site, or compile it into the page's form artefact (README, "Embed it"), which never fetches it.`
        : ' The network failed or the server refused the connection.';
    return `Cannot fetch ${url}: no response.${cors}${notTaken}`;
  }
  if (!response.ok) {
    const missing =
      response.status === 404 || response.status === 410
        ? ` No file at that URL: check the procedure attribute (a relative URL resolves against the page's address, or its <base href>: ${baseUrl}).`
        : '';
    return `Cannot fetch ${url}: HTTP ${response.status} ${response.statusText}.${missing}${notTaken}`;
  }
  return `${url} is not a procedure file but an HTML page${type ? ` (${type})` : ''}: the server answered with another page at that URL (its "not found" page, a sign-in page, the CMS's own page). Check the procedure attribute and that the server serves the .json file itself.${notTaken}`;
}
