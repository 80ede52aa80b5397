/**
 * A webmaster's `procedure="x.json"` that the page cannot use: the file on another origin sent
 * without CORS, a 404, a CMS's HTML page served in its place, a form beside an artefact compiled
 * from another file. The person gets the form's plain Vietnamese failure page (nothing of theirs
 * is at fault, nothing was sent); the console names the likely cause for the webmaster. Before,
 * the console said only `Cannot fetch <url>` (or, for an HTML page, that the procedure was
 * invalid, with a JSON syntax error at line 1).
 */
import { expect, oneEvent } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcErrorEvent } from '../../../components/form/events.js';
import { provideCompiled } from '../../../components/form/provide.js';
import { MISSING, root } from './form-harness.js';

const HTML_PAGE = new URL('./fixtures/cms-not-found.html', import.meta.url).href;

/** The form's failure for `procedure`, and what it wrote to the console. */
async function failure(procedure: string) {
  const logged: unknown[][] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args);
  const el = document.createElement('dvc-form') as DvcForm;
  try {
    const errored = oneEvent(el, 'dvc-error') as Promise<DvcErrorEvent>;
    el.setAttribute('procedure', procedure);
    document.body.append(el);
    const event = await errored;
    await el.updateComplete;
    const page = root(el).querySelector('[part="status"]')!;
    return {
      code: event.detail.code,
      message: event.detail.message,
      console: logged.map((args) => args.map(String).join(' ')),
      heading: page.querySelector('h2')!.textContent,
      text: [...page.querySelectorAll('p')].map((p) => p.textContent),
      role: page.getAttribute('role'),
    };
  } finally {
    console.error = original;
    el.remove();
  }
}

const CITIZEN = [
  'Rất tiếc, biểu mẫu này hiện chưa dùng được. Thông tin của bạn chưa được gửi đi.',
  'Bạn vui lòng thử lại sau ít phút. Nếu vẫn không được, bạn có thể liên hệ cơ quan giải quyết hoặc nộp hồ sơ trực tiếp tại Bộ phận Một cửa.',
];

describe('dvc-form: a procedure file the page cannot use', () => {
  it('on another origin without CORS: the console names the origins and the header', async () => {
    const other = location.hostname === '127.0.0.1' ? 'localhost' : '127.0.0.1';
    const url = new URL('./fixtures/basic.json', import.meta.url);
    url.hostname = other;
    const got = await failure(url.href);
    const message =
      `Cannot fetch ${url.href}: no response. The file is on another origin (${url.origin}) ` +
      `than the page (${location.origin}): its server must send Access-Control-Allow-Origin: ` +
      `${location.origin} with it (the browser blocks it otherwise, see its CORS message), or ` +
      `serve the file from the page's own site, or compile it into the page's form artefact ` +
      `(README, "Embed it"), which never fetches it.`;
    expect(got.code).to.equal('procedure-fetch');
    expect(got.message).to.equal(message);
    expect(got.console).to.deep.equal([`dvc-form: ${message}`]);
    expect(got.role).to.equal('alert');
    expect(got.heading).to.equal('Không tải được biểu mẫu');
    expect(got.text).to.deep.equal(CITIZEN);
  });

  it('missing (404): the console says no file is at that URL and what it resolved against', async () => {
    const got = await failure(MISSING);
    const message =
      `Cannot fetch ${MISSING}: HTTP 404 Not Found. No file at that URL: check the procedure ` +
      `attribute (a relative URL resolves against the page's address, or its <base href>: ` +
      `${document.baseURI}).`;
    expect(got.code).to.equal('procedure-fetch');
    expect(got.console).to.deep.equal([`dvc-form: ${message}`]);
    expect(got.heading).to.equal('Không tải được biểu mẫu');
    expect(got.text).to.deep.equal(CITIZEN);
  });

  it('an HTML page in its place: the console says so, not that the procedure is invalid', async () => {
    const got = await failure(HTML_PAGE);
    const message =
      `${HTML_PAGE} is not a procedure file but an HTML page (text/html; charset=utf-8): the ` +
      `server answered with another page at that URL (its "not found" page, a sign-in page, the ` +
      `CMS's own page). Check the procedure attribute and that the server serves the .json file ` +
      `itself.`;
    expect(got.code).to.equal('procedure-fetch');
    expect(got.console).to.deep.equal([`dvc-form: ${message}`]);
    expect(got.text).to.deep.equal(CITIZEN);
  });

  it('beside an artefact compiled from another file: the console names that file', async () => {
    // An artefact (dvc-forms compile --form) for dang-ky-khai-sinh.json ran on this page; the
    // form names another file, so it fetched that instead of taking the artefact's.
    provideCompiled({} as Parameters<typeof provideCompiled>[0], 'dang-ky-khai-sinh.json');
    const got = await failure(MISSING);
    expect(got.console).to.deep.equal([
      `dvc-form: Cannot fetch ${MISSING}: HTTP 404 Not Found. No file at that URL: check the ` +
        `procedure attribute (a relative URL resolves against the page's address, or its <base ` +
        `href>: ${document.baseURI}). This page's form artefact was compiled from ` +
        `dang-ky-khai-sinh.json, which procedure="${MISSING}" does not name, so the form ` +
        `fetched the file instead: name the same file in procedure (or leave it out).`,
    ]);
  });
});
