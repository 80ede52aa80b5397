// Generated procedures for the browser benchmarks: N questions on one page, a realistic mix of
// widgets, and the plain static HTML form with the same labels, hints and inputs (the baseline
// every browser number is compared with). Deterministic, so every run measures the same pages.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The widget kinds cycled through, so every size has the same mix. */
const KINDS = ['text', 'date', 'number', 'select', 'phone', 'email', 'radio', 'id-number'];

/** The field every keystroke benchmark types into: a 10-digit social-insurance code. */
export const KEY_FIELD = 'f0';
/** A field typed into with valid characters (keystroke-to-frame). */
export const VALID_KEY_VALUE = '0123456789';

const OPTIONS_5 = ['Kinh', 'Tày', 'Thái', 'Mường', 'Khmer'];
const OPTIONS_3 = ['Có', 'Không', 'Chưa rõ'];

function kindOf(i, n) {
  if (i === 0) return 'code';
  // The last field is the one the "usable" probe focuses: a text box in both pages.
  if (i === n - 1) return 'text';
  return KINDS[i % KINDS.length];
}

function describe(i, n) {
  const kind = kindOf(i, n);
  const label = `Câu hỏi ${i + 1}: ${
    {
      code: 'Mã số bảo hiểm xã hội',
      text: 'Họ, chữ đệm và tên',
      date: 'Ngày sinh',
      number: 'Số bản sao',
      select: 'Dân tộc',
      phone: 'Số điện thoại di động',
      email: 'Thư điện tử',
      radio: 'Đã từng đăng ký chưa?',
      'id-number': 'Số định danh cá nhân',
    }[kind]
  }`;
  const hint = i % 3 === 0 ? `Gợi ý cho câu hỏi ${i + 1}: ghi đúng như trên giấy tờ.` : '';
  const required = i % 2 === 0;
  return { id: `f${i}`, kind, label, hint, required };
}

export function fieldsFor(n) {
  return Array.from({ length: n }, (_, i) => describe(i, n));
}

function schemaOf(f) {
  switch (f.kind) {
    case 'code':
      return { type: 'string', format: 'vn-social-insurance' };
    case 'text':
      return { type: 'string', minLength: 1, maxLength: 100 };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'number':
      return { type: 'integer', minimum: 0, maximum: 100 };
    case 'select':
      return { type: 'string', enum: OPTIONS_5.map((_, k) => `0${k + 1}`) };
    case 'phone':
      return { type: 'string', format: 'vn-mobile' };
    case 'email':
      return { type: 'string', format: 'email', maxLength: 254 };
    case 'radio':
      return { type: 'string', enum: ['yes', 'no', 'unknown'] };
    case 'id-number':
      return { type: 'string', format: 'vn-personal-id' };
    default:
      throw new Error(f.kind);
  }
}

function uiOf(f) {
  const widget = f.kind === 'code' ? 'text' : f.kind;
  const ui = { field: f.id, widget, label: { vi: f.label } };
  if (f.hint) ui.hint = { vi: f.hint };
  if (f.kind === 'code') ui.inputmode = 'numeric';
  if (f.kind === 'select')
    ui.options = OPTIONS_5.map((label, k) => ({ value: `0${k + 1}`, label: { vi: label } }));
  if (f.kind === 'radio')
    ui.options = ['yes', 'no', 'unknown'].map((value, k) => ({
      value,
      label: { vi: OPTIONS_3[k] },
    }));
  return ui;
}

/** A procedure file with `n` questions in one step (one page). */
export function generateProcedure(n) {
  const fields = fieldsFor(n);
  return {
    formatVersion: 1,
    code: '9.000001',
    version: '1.0.0',
    title: { vi: `Thủ tục thử nghiệm ${n} câu hỏi`, en: `Benchmark procedure, ${n} questions` },
    description: { vi: 'Thủ tục sinh tự động để đo hiệu năng.' },
    agency: { vi: 'Ủy ban nhân dân xã' },
    legalBasis: [],
    serviceKind: 'toan-trinh',
    processingDays: 0,
    resultDelivery: ['online'],
    data: {
      type: 'object',
      properties: Object.fromEntries(fields.map((f) => [f.id, schemaOf(f)])),
      required: fields.filter((f) => f.required).map((f) => f.id),
      additionalProperties: false,
    },
    ui: {
      steps: [{ id: 'questions', title: { vi: 'Thông tin cần khai' }, fields: fields.map(uiOf) }],
    },
    documents: [],
    fees: { currency: 'VND', items: [] },
    rules: [],
    declaration: { text: { vi: 'Tôi cam đoan những nội dung khai trên đây là đúng sự thật.' } },
  };
}

const esc = (s) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The plain HTML markup of one field: what a hand-written accessible form would have. */
function plainField(f) {
  const req = f.required ? ' required' : '';
  const hintId = f.hint ? `${f.id}-hint` : '';
  const hint = f.hint ? `<span class="hint" id="${hintId}">${esc(f.hint)}</span>` : '';
  const err = `<span class="error" id="${f.id}-error" hidden></span>`;
  const described = [hintId, `${f.id}-error`].filter(Boolean).join(' ');
  const input = (type, extra = '') =>
    `<input id="${f.id}" name="${f.id}" type="${type}"${extra}${req} aria-describedby="${described}">`;
  const wrap = (control, labelFor = true) =>
    `<div class="field">${
      labelFor ? `<label for="${f.id}">${esc(f.label)}</label>` : ''
    }${hint}${err}${control}</div>`;
  switch (f.kind) {
    case 'code':
      return wrap(input('text', ' inputmode="numeric" pattern="[0-9]{10}"'));
    case 'text':
      return wrap(input('text', ' maxlength="100"'));
    case 'date':
      return `<div class="field"><label for="${f.id}">${esc(f.label)}</label>${hint}<span class="hint" id="${f.id}-format">Nhập theo dạng ngày/tháng/năm, ví dụ 15/03/1995</span>${err}${input(
        'text',
        ` inputmode="numeric" pattern="[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"`,
      )}</div>`;
    case 'number':
      return wrap(input('number', ' min="0" max="100" inputmode="numeric"'));
    case 'select':
      return wrap(
        `<select id="${f.id}" name="${f.id}"${req} aria-describedby="${described}"><option value="">Chọn</option>${OPTIONS_5.map(
          (o, k) => `<option value="0${k + 1}">${esc(o)}</option>`,
        ).join('')}</select>`,
      );
    case 'phone':
      return wrap(input('tel', ' autocomplete="tel" pattern="0[0-9]{9}"'));
    case 'email':
      return wrap(input('email', ' autocomplete="email" maxlength="254"'));
    case 'radio':
      return `<div class="field"><fieldset aria-describedby="${described}"><legend>${esc(
        f.label,
      )}</legend>${hint}${err}${['yes', 'no', 'unknown']
        .map(
          (v, k) =>
            `<label class="choice"><input type="radio" id="${f.id}-${k}" name="${f.id}" value="${v}"${req}> ${esc(OPTIONS_3[k])}</label>`,
        )
        .join('')}</fieldset></div>`;
    case 'id-number':
      return wrap(input('text', ' inputmode="numeric" pattern="[0-9]{12}"'));
    default:
      throw new Error(f.kind);
  }
}

/** The same questions as a static HTML form, with the same probe scripts as the dvc page. */
export function plainPage(n) {
  const fields = fieldsFor(n);
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Plain ${n}</title>
<link rel="stylesheet" href="/bench/pages/plain.css">
<script src="/bench/pages/probe.js" data-kind="plain" data-target="f${n - 1}"></script>
</head><body>
<main><h1>Thủ tục thử nghiệm ${n} câu hỏi</h1>
<form id="form" novalidate><h2>Thông tin cần khai</h2>
${fields.map(plainField).join('\n')}
<button type="submit">Tiếp tục</button></form></main>
<script src="/bench/pages/plain-errors.js"></script>
</body></html>
`;
}

/**
 * The page that embeds <dvc-form> for the generated procedure, served under a strict CSP: the
 * README's default embed ("Embed it"), nothing more. The per-procedure artefact written by
 * `dvc-forms compile --form` is the page's one script; it imports the bundle and hands the form
 * its precompiled validator, rules and procedure (so neither the procedure file, the loader nor
 * the runtime ajv compiler is fetched), and the two `modulepreload`s the README tells webmasters
 * to write (the bundle and the form's engine chunk, named in dist/chunks.json) make them download
 * with the artefact instead of one round trip after it. `chunks` are the `file`s of the chunks the
 * artefact lists (`compileProcedureModule`'s `chunks`, mapped through dist/chunks.json).
 */
export function dvcPage(n, { bundle = '/dist/dvc-forms.min.js', chunks = [] } = {}) {
  const preloads = [bundle, ...chunks]
    .map((href) => `<link rel="modulepreload" href="${esc(href)}">`)
    .join('\n');
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>dvc-form ${n}</title>
<script src="/bench/pages/probe.js" data-kind="dvc" data-target="f${n - 1}"></script>
${preloads}
<script type="module" src="${esc(dvcArtefactUrl(n))}"></script>
</head><body>
<main><h1>Thủ tục thử nghiệm ${n} câu hỏi</h1>
<dvc-form id="form" procedure="/procedures/n${n}.json" today="2025-07-01"></dvc-form></main>
</body></html>
`;
}

/** Where the bench serves the `n`-question procedure's form artefact (`compile --form`). */
export const dvcArtefactUrl = (n) => `/compiled/n${n}.form.js`;

/**
 * The routes of the dvc page for `n` questions as a webmaster deploys it: the procedure file, its
 * form artefact (what `dvc-forms compile <file> --out <dir> --form --bundle <url>` writes, with
 * the file's SHA-256 for the signed payload) and the page with its preloads. `dist` is the
 * directory of the built bundle (for dist/chunks.json); `engine` is dist/engine.js's exports.
 */
export async function dvcRoutes(n, text, { dist, engine }) {
  const loaded = engine.loadProcedure(text);
  if (!loaded.ok)
    throw new Error(
      `the generated ${n}-field procedure does not load: ${JSON.stringify(loaded.problems)}`,
    );
  const bundle = '/dist/dvc-forms.min.js';
  const { source, chunks } = await engine.compileProcedureModule(loaded.procedure, {
    procedureSha256: createHash('sha256').update(text).digest('hex'),
    form: { bundle, file: `n${n}.json` },
  });
  const manifest = JSON.parse(await readFile(join(dist, 'chunks.json'), 'utf8'));
  const files = chunks.map((c) => {
    const file = manifest[c]?.file;
    if (!file) throw new Error(`dist/chunks.json has no chunk for ${c}`);
    return `/dist/${file}`;
  });
  const page = dvcPage(n, { bundle, chunks: files });
  // Issue 22 point 3: the form's first page shows plain placeholders first by default
  // (components/form/light-questions.ts); the same page with every question its element from
  // the start, measured beside it in the same runs, shows what they save.
  const elements = page.replace('<dvc-form ', '<dvc-form light-first-page="false" ');
  return {
    [`/dvc/n${n}.html`]: () => page,
    [`/dvc-elements/n${n}.html`]: () => elements,
    [`/procedures/n${n}.json`]: () => text,
    [dvcArtefactUrl(n)]: () => source,
  };
}
