// Server-rendered pages of the payment flow: plain HTML that works without JavaScript, every
// value escaped. They share the site's header and stylesheet.

/** @param {unknown} v */
export function escapeHtml(v) {
  return String(v).replace(
    /[&<>"']/g,
    (c) =>
      /** @type {Record<string, string>} */ ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&#39;',
      })[c],
  );
}

/** Markup that is already safe (built by `html`). */
export class SafeHtml {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
  }
  toString() {
    return this.text;
  }
}

/**
 * A template literal whose interpolations are escaped unless they are SafeHtml (or arrays of it).
 * @param {TemplateStringsArray} strings
 * @param {unknown[]} values
 */
export function html(strings, ...values) {
  /** @type {(v: unknown) => string} */
  const part = (v) =>
    v instanceof SafeHtml
      ? v.text
      : Array.isArray(v)
        ? v.map(part).join('')
        : v === undefined || v === null || v === false
          ? ''
          : escapeHtml(v);
  return new SafeHtml(
    strings.reduce((acc, s, i) => acc + s + (i < values.length ? part(values[i]) : ''), ''),
  );
}

/**
 * A whole page with the site's header. `script: false` leaves out the site's page script, for
 * pages served where the site is not (the payment simulator on its own origin, which would
 * answer 404 for it: Firefox reports the refused module).
 * @param {{ title: string, body: SafeHtml, lang?: string, script?: boolean }} p
 */
export function page({ title, body, lang = 'vi', script = true }) {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — Cổng dịch vụ công (bản trình diễn)</title>
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/site.css" />
        ${script ? html`<script type="module" src="/thanh-toan.js"></script>` : ''}
      </head>
      <body>
        <a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>
        <header class="site-header">
          <div class="inner">
            <a class="brand" href="/">Cổng dịch vụ công — bản trình diễn</a>
            <nav aria-label="Điều hướng chính">
              <ul>
                <li><a href="/">Thủ tục</a></li>
                <li><a href="/tra-cuu.html">Tra cứu hồ sơ</a></li>
                <li><a href="/can-bo.html">Cán bộ</a></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="noi-dung" class="page payment">${body}</main>
      </body>
    </html> `.text;
}

/**
 * The policy of these pages: nothing inline, forms only to ourselves and the gateway.
 * @param {string[]} formTargets extra origins forms may post to
 */
export function pageCsp(formTargets = []) {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
