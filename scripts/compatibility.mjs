// The web-platform features dvc-forms relies on, by browser, from @mdn/browser-compat-data
// (a devDependency, so the table is re-made from data, not from memory).
//
//   node scripts/compatibility.mjs            prints the table (Markdown)
//   node scripts/compatibility.mjs --write    writes it into docs/compatibility.md
//   node scripts/compatibility.mjs --check    exits 1 when docs/compatibility.md is stale
//                                             (npm test runs this in its lint stage)
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const bcd = require('@mdn/browser-compat-data');
const BCD_VERSION = bcd.__meta?.version ?? 'unknown';

const BROWSERS = [
  ['chrome', 'Chrome'],
  ['firefox', 'Firefox'],
  ['safari', 'Safari'],
  ['safari_ios', 'Safari iOS'],
];

/**
 * Each feature: the BCD keys it needs (all of them), where the library uses it, and its
 * fallback where it has one (a feature with a fallback does not raise the oldest version).
 */
const FEATURES = [
  {
    name: 'Custom elements',
    keys: ['api.CustomElementRegistry.define'],
    use: 'every `<dvc-…>` element (lit)',
  },
  {
    name: 'Shadow DOM with delegatesFocus',
    keys: ['api.Element.attachShadow', 'api.Element.attachShadow.options_delegatesFocus_parameter'],
    use: 'labels, hints and errors in the same shadow root as their input',
  },
  {
    name: 'Form-associated custom elements (ElementInternals, setFormValue, setValidity)',
    keys: [
      'api.HTMLElement.attachInternals',
      'api.ElementInternals.setFormValue',
      'api.ElementInternals.setValidity',
    ],
    use: 'fields take part in `<form>`, FormData, reset and validity',
  },
  {
    name: 'CustomStateSet and `:state()`',
    keys: ['api.CustomStateSet', 'css.selectors.state'],
    use: "the field's error bar (`:host(:state(invalid))`)",
    fallback: 'a `data-dvc-invalid` attribute styled the same (components/base/custom-state.ts)',
  },
  {
    name: 'Constructable style sheets (adoptedStyleSheets)',
    keys: ['api.CSSStyleSheet.CSSStyleSheet', 'api.ShadowRoot.adoptedStyleSheets'],
    use: "lit's styles",
    fallback: 'lit writes `<style>` elements instead',
  },
  {
    name: 'CSS `::part`, `:host`, `:focus-visible`, logical properties',
    keys: [
      'css.selectors.part',
      'css.selectors.host',
      'css.selectors.focus-visible',
      'css.properties.border-inline-start',
    ],
    use: 'theming and the focus ring',
  },
  {
    name: 'ES modules and dynamic `import()`',
    keys: ['javascript.operators.import'],
    use: 'the one-tag bundle and its lazy chunks',
  },
  {
    name: 'ES2022 built-ins (`Object.hasOwn`, `Array.prototype.at`)',
    keys: ['javascript.builtins.Object.hasOwn', 'javascript.builtins.Array.at'],
    use: 'the engine (src/) compiled to ES2022',
  },
  {
    name: '`structuredClone`',
    keys: ['api.structuredClone'],
    use: 'delivery choice and drafts copy answers',
  },
  {
    name: 'IndexedDB',
    keys: ['api.IDBFactory'],
    use: 'drafts, the outbox, the signing key (components/drafts, submission/key-store.ts)',
    fallback:
      'without storage the form still works; nothing is kept between visits, and it says so',
  },
  {
    name: 'Web Crypto: non-extractable ECDSA P-256 key, AES-GCM',
    keys: ['api.SubtleCrypto.generateKey', 'api.SubtleCrypto.sign', 'api.SubtleCrypto.encrypt'],
    use: 'the signed submission (ES256) and sealed drafts',
  },
  {
    name: '`crypto.randomUUID`',
    keys: ['api.Crypto.randomUUID'],
    use: 'draft and upload ids',
  },
  {
    name: 'BroadcastChannel',
    keys: ['api.BroadcastChannel'],
    use: 'a draft open in two tabs',
    fallback: 'each tab keeps its own draft; last writer wins',
  },
  {
    name: '`<dialog>` and `showModal()`',
    keys: ['html.elements.dialog', 'api.HTMLDialogElement.showModal'],
    use: "the date field's picker",
  },
  {
    name: 'File, Blob.arrayBuffer, fetch, AbortController',
    keys: ['api.File', 'api.Blob.arrayBuffer', 'api.fetch', 'api.AbortController'],
    use: 'uploads (tus) and their SHA-256',
  },
  {
    name: '`capture` on file inputs',
    keys: ['html.elements.input.capture'],
    use: 'photo documents open the camera on phones',
    fallback: 'the ordinary file chooser (the attribute is ignored where unsupported)',
  },
  {
    name: 'createImageBitmap with imageOrientation',
    keys: ['api.createImageBitmap', 'api.createImageBitmap.options_imageOrientation_parameter'],
    use: 'photo documents resized on the phone before upload',
    fallback: 'the photo is sent as taken',
  },
  {
    name: 'OffscreenCanvas',
    keys: ['api.OffscreenCanvas'],
    use: 'resizing photos',
    fallback: 'an ordinary `<canvas>` (components/upload/photo.ts)',
  },
  {
    name: 'Intl.NumberFormat and Intl.DateTimeFormat (vi-VN)',
    keys: ['javascript.builtins.Intl.NumberFormat', 'javascript.builtins.Intl.DateTimeFormat'],
    use: 'numbers and dates shown the Vietnamese way (dates are typed dd/mm/yyyy, never a native picker)',
  },
  {
    name: 'Trusted Types',
    keys: ['api.TrustedTypePolicyFactory'],
    use: 'strict CSP pages (`require-trusted-types-for`)',
    fallback: 'where unsupported the directive is ignored; lit escapes everything regardless',
  },
];

function statement(key, browser) {
  const node = key.split('.').reduce((o, k) => o?.[k], bcd);
  if (!node?.__compat) throw new Error(`@mdn/browser-compat-data has no ${key}`);
  const s = node.__compat.support[browser];
  const all = Array.isArray(s) ? s : [s];
  // The first statement of plain, current support: no prefix, flag, other name or removal.
  return all.find(
    (e) =>
      e &&
      !e.prefix &&
      !e.flags &&
      !e.alternative_name &&
      !e.version_removed &&
      !e.partial_implementation,
  );
}

const num = (v) => (typeof v === 'string' ? v.replace(/^≤/, '') : v);
const cmp = (a, b) => {
  const pa = String(a).split('.').map(Number);
  const pb = String(b).split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  }
  return 0;
};

/** The oldest version with every key of the feature, or null when some key is unsupported. */
function since(feature, browser) {
  let oldest = '0';
  for (const key of feature.keys) {
    const v = num(statement(key, browser)?.version_added);
    if (!v || v === 'preview' || v === true) return v === true ? oldest : null;
    if (cmp(v, oldest) > 0) oldest = v;
  }
  return oldest;
}

export function table() {
  const rows = FEATURES.map((f) => ({ ...f, since: BROWSERS.map(([b]) => since(f, b)) }));
  const oldest = BROWSERS.map((_, i) =>
    rows
      .filter((r) => !r.fallback)
      .map((r) => r.since[i])
      .reduce((a, b) => (a === null || b === null ? null : cmp(a, b) >= 0 ? a : b), '0'),
  );
  const cell = (v) => (v === null ? 'no' : v);
  const lines = [
    `| Feature | ${BROWSERS.map(([, n]) => n).join(' | ')} | Used for | Where missing |`,
    `| --- | ${BROWSERS.map(() => '---').join(' | ')} | --- | --- |`,
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.since.map(cell).join(' | ')} | ${r.use} | ${r.fallback ?? '**required**'} |`,
    ),
    `| **Oldest version with every required feature** | ${oldest.map((v) => `**${cell(v)}**`).join(' | ')} | | |`,
  ];
  return {
    markdown: lines.join('\n'),
    oldest: Object.fromEntries(BROWSERS.map(([b], i) => [b, oldest[i]])),
  };
}

const BEGIN = '<!-- compatibility-table:begin (node scripts/compatibility.mjs --write) -->';
const END = '<!-- compatibility-table:end -->';
const DOC = new URL('../docs/compatibility.md', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { markdown } = table();
  const block = `${BEGIN}\n\nFrom @mdn/browser-compat-data ${BCD_VERSION}.\n\n${markdown}\n\n${END}`;
  const mode = process.argv[2];
  if (mode === '--write' || mode === '--check') {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    if (start < 0 || end < 0) throw new Error('docs/compatibility.md lacks the table markers');
    const next = doc.slice(0, start) + block + doc.slice(end + END.length);
    if (mode === '--write') writeFileSync(DOC, next);
    else if (next !== doc) {
      console.error('docs/compatibility.md is stale: run node scripts/compatibility.mjs --write');
      process.exit(1);
    }
  } else console.log(markdown);
}
