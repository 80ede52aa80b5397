import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/form/form.js';
import type { DvcForm } from '../../components/form/form.js';
import { setPath } from '../../components/form/journey.js';
import { DvcChangeEvent } from '../../components/base/events.js';
import { STRICT_CSP } from './security/policy.js';
import base from './security/fixtures/hostile-base.json';

/**
 * Procedure files are author text and answers come from anywhere: `<dvc-form>` must render the
 * one as text and never let the other change Object.prototype. The last test loads the BUILT
 * bundle in a page served with the demo's strict CSP (docs/security.md lists what each proves).
 */

/** Each payload would run (set window.__xss) if it were parsed as HTML or followed as a link. */
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
const JS_URL = 'javascript:window.__xss=3';
const HOSTILE = `${XSS} ${JS_URL}`;

type Answerable = HTMLElement & { value: unknown };
type WindowWithMarks = Window & { __xss?: number };

const jsonUrl = (value: unknown) =>
  URL.createObjectURL(new Blob([JSON.stringify(value)], { type: 'application/json' }));

function hostileProcedure(): typeof base {
  const p = structuredClone(base);
  p.title.vi = HOSTILE;
  p.description.vi = HOSTILE;
  p.agency.vi = HOSTILE;
  p.legalBasis[0].title.vi = HOSTILE;
  const [eligibility, questions] = p.ui.steps;
  eligibility.title.vi = HOSTILE;
  (eligibility as { description?: { vi: string } }).description = { vi: HOSTILE };
  eligibility.fields[0].label.vi = HOSTILE;
  eligibility.fields[0].options![0].label.vi = HOSTILE;
  (eligibility.fields[0] as { hint?: { vi: string } }).hint = { vi: HOSTILE };
  questions.title.vi = HOSTILE;
  questions.description!.vi = HOSTILE;
  questions.fields[0].label.vi = HOSTILE;
  (questions.fields[0] as { hint?: { vi: string } }).hint = { vi: HOSTILE };
  p.rules[0].reason!.vi = HOSTILE;
  p.rules[0].remedy!.vi = HOSTILE;
  p.fees.items[0].label.vi = HOSTILE;
  p.declaration.text.vi = HOSTILE;
  return p;
}

/** Every element under `node`, through open shadow roots and into slotted light DOM. */
function deepElements(node: ParentNode): Element[] {
  const out: Element[] = [];
  const walk = (n: ParentNode) => {
    for (const el of n.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(node);
  return out;
}

/** Every text node under `node`, through open shadow roots. */
function deepTexts(node: ParentNode): string[] {
  const out: string[] = [];
  const walk = (n: Node) => {
    for (const child of n.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.push(child.nodeValue ?? '');
      walk(child);
      if (child instanceof Element && child.shadowRoot) walk(child.shadowRoot);
    }
  };
  walk(node);
  return out;
}

/** What the author text must never become: elements, handlers or links. */
function injected(el: DvcForm): string[] {
  const found: string[] = [];
  for (const e of [el, ...deepElements(el.shadowRoot!), ...deepElements(el)]) {
    if (['img', 'script', 'iframe', 'object', 'embed'].includes(e.localName))
      found.push(`<${e.localName}>`);
    for (const a of e.getAttributeNames())
      if (a.startsWith('on')) found.push(`${e.localName}[${a}]`);
    const href = e.getAttribute('href');
    if (href !== null && !href.startsWith('#')) found.push(`${e.localName}[href=${href}]`);
  }
  return found;
}

function root(el: DvcForm): ShadowRoot {
  return el.shadowRoot!;
}
function headingText(el: DvcForm): string {
  return root(el).querySelector('#page-heading')!.textContent!.trim();
}
async function answer(el: DvcForm, path: string, value: unknown): Promise<void> {
  const f = root(el).querySelector<Answerable>(`[data-path="${path}"]`);
  if (!f) throw new Error(`no field ${path} on "${headingText(el)}"`);
  f.value = value;
  f.dispatchEvent(new DvcChangeEvent({ name: path, value }));
  await el.settled();
}
async function next(el: DvcForm): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await aTimeout(0);
  await el.settled();
  await aTimeout(0);
}
async function back(el: DvcForm): Promise<void> {
  root(el).querySelector<HTMLButtonElement>('.buttons button.secondary')!.click();
  await aTimeout(0);
  await el.settled();
}
async function mount(procedure: unknown, extra: Partial<DvcForm> = {}): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form procedure=${jsonUrl(procedure)} today="2025-04-01"></dvc-form>`,
  );
  Object.assign(el, extra);
  await el.settled();
  await waitUntil(() => root(el).querySelector('#page-heading, [part="status"][role="alert"]'));
  return el;
}

function notPolluted(): void {
  const proto = Object.prototype as Record<string, unknown>;
  expect(Object.prototype.hasOwnProperty.call(proto, 'polluted')).to.equal(false);
  expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
}

describe('security: author text is rendered as text', () => {
  afterEach(() => {
    delete (window as WindowWithMarks).__xss;
  });

  it('never turns labels, hints, options, reasons, fees or the declaration into markup', async () => {
    const el = await mount(hostileProcedure());
    expect(root(el).querySelector('[part="status"][role="alert"]')).to.equal(null);

    // Eligibility page: step title, description, label, hint, option label.
    expect(headingText(el)).to.equal(HOSTILE);
    const onFirst = deepTexts(root(el)).filter((t) => t.includes('<img'));
    expect(onFirst.length).to.be.at.least(4);
    for (const t of onFirst) expect(t.trim()).to.equal(HOSTILE);
    expect(injected(el)).to.deep.equal([]);

    // Ineligible page: the reason and remedy.
    await answer(el, 'laCongDan', 'khong');
    await answer(el, 'sinhTrongNuoc', 'co');
    await next(el);
    const reasons = [...root(el).querySelectorAll('[part="reasons"] > li')];
    expect(reasons.length).to.equal(1);
    expect(reasons[0].textContent!.split(HOSTILE).length - 1).to.equal(2);
    expect(injected(el)).to.deep.equal([]);

    // Questions page, then review: fee label and declaration.
    await back(el);
    await answer(el, 'laCongDan', 'co');
    await next(el);
    expect(headingText(el)).to.equal(HOSTILE);
    await answer(el, 'hoTen', HOSTILE);
    await answer(el, 'ngaySinh', '2025-03-15');
    await answer(el, 'coSoDienThoai', 'khong');
    await answer(el, 'soBanSao', 1);
    await next(el);
    expect(headingText(el)).to.equal('Kiểm tra lại thông tin');
    const declaration = root(el).querySelector('[part="declaration"] p')!;
    expect(declaration.textContent).to.equal(HOSTILE);
    expect(declaration.children.length).to.equal(0);
    const fee = root(el).querySelector('[part="fee"]')!;
    expect(fee.textContent).to.include(HOSTILE);
    // The citizen's own answer is shown as text too.
    const rows = [...root(el).querySelectorAll('.row .value')].map((v) => v.textContent!.trim());
    expect(rows).to.include(HOSTILE);
    expect(injected(el)).to.deep.equal([]);
    await aTimeout(50);
    expect((window as WindowWithMarks).__xss).to.equal(undefined);
  });

  it('never links a legalBasis url outside the allow-list', async () => {
    const p = hostileProcedure();
    p.legalBasis = [
      { title: { vi: 'Luật giả mạo', en: 'Forged law' }, url: 'https://evil.example/luat' },
      {
        title: { vi: 'Luật Hộ tịch', en: 'Law on Civil Status' },
        url: 'https://moj.gov.vn.evil.example/',
      },
    ];
    const el = await mount(p);
    expect(headingText(el)).to.equal(HOSTILE);
    const hrefs = deepElements(root(el))
      .map((e) => e.getAttribute('href'))
      .filter((h): h is string => h !== null && !h.startsWith('#'));
    expect(hrefs).to.deep.equal([]);
  });
});

describe('security: answers and prefill cannot pollute prototypes', () => {
  const HOSTILE_PREFILL =
    '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},' +
    ' "hoTen": "Nguyễn Văn An", "laCongDan": "co"}';

  it('ignores __proto__ and constructor in a prefill property (JSON.parse input)', async () => {
    const el = await mount(base, {
      prefill: JSON.parse(HOSTILE_PREFILL) as Record<string, unknown>,
    });
    await waitUntil(() => root(el).querySelector('[data-path="laCongDan"]'));
    await el.settled();
    notPolluted();
    // The legitimate part of the prefill still applies.
    const f = root(el).querySelector<Answerable & { prefilled: boolean }>(
      '[data-path="laCongDan"]',
    )!;
    expect(f.value).to.equal('co');
    expect(f.prefilled).to.equal(true);
  });

  it('ignores __proto__ and constructor in a prefill-src document', async () => {
    const src = URL.createObjectURL(new Blob([HOSTILE_PREFILL], { type: 'application/json' }));
    const el = await fixture<DvcForm>(
      html`<dvc-form procedure=${jsonUrl(base)} prefill-src=${src} today="2025-04-01"></dvc-form>`,
    );
    await el.settled();
    await waitUntil(() => root(el).querySelector('[data-path="laCongDan"]'));
    notPolluted();
    expect(root(el).querySelector<Answerable>('[data-path="laCongDan"]')!.value).to.equal('co');
  });

  it('the answer-path setter refuses __proto__, constructor and prototype segments', () => {
    for (const path of [
      '__proto__.polluted',
      'constructor.prototype.polluted',
      'a.__proto__.polluted',
      'prototype.polluted',
      'a..b',
    ]) {
      const before = { a: { b: 1 } };
      expect(setPath(before, path, true)).to.equal(before);
      notPolluted();
    }
    const after = setPath({}, 'hasOwnProperty.x', 1);
    expect(after).to.deep.equal({ hasOwnProperty: { x: 1 } });
    notPolluted();
  });

  it('a field whose data-path is tampered to __proto__.polluted changes nothing global', async () => {
    const el = await mount(base);
    const f = root(el).querySelector<Answerable>('[data-path="laCongDan"]')!;
    for (const path of ['__proto__.polluted', 'constructor.prototype.polluted']) {
      f.dataset.path = path;
      f.value = 'co';
      f.dispatchEvent(new DvcChangeEvent({ name: path, value: 'co' }));
      f.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await el.settled();
      notPolluted();
    }
  });
});

describe('security: the built bundle under the demo strict CSP', () => {
  it('renders, validates and loads its lazy chunks with no violation; eval stays blocked', async function () {
    this.timeout(30000);
    const page = new URL('./security/csp-bundle.html?dvc-csp=demo', import.meta.url).href;
    // The header itself, so a missing policy fails here and not only through the control.
    const head = await fetch(page);
    expect(head.headers.get('content-security-policy')).to.equal(STRICT_CSP);
    const bundle = await fetch('/dist/dvc-forms.min.js', { method: 'HEAD' });
    expect(bundle.status, 'build first: npx rollup -c --silent').to.equal(200);

    const frame = document.createElement('iframe');
    const message = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('csp-bundle.html did not report')), 25000);
      window.addEventListener('message', function onMessage(e: MessageEvent) {
        if (e.source !== frame.contentWindow || e.data?.source !== 'csp-bundle') return;
        window.removeEventListener('message', onMessage);
        clearTimeout(timer);
        resolve(e.data as Record<string, unknown>);
      });
    });
    frame.src = page;
    document.body.append(frame);
    try {
      const data = await message;
      expect(data.error).to.equal(undefined);
      const r = data.result as Record<string, unknown>;
      // The control: eval is refused (Trusted Types refuses the string before script-src is
      // consulted), and that is the only violation before the form runs.
      expect(r.control).to.equal('EvalError');
      expect(r.controlViolations).to.deep.equal([
        { directive: 'require-trusted-types-for', blockedURI: 'trusted-types-sink' },
      ]);
      expect(r.firstStep).to.equal('Kiểm tra trường hợp của bạn');
      // One question answered, the other three listed (the sample's own labels).
      expect(r.summaryItems).to.deep.equal([
        // A message repeated in the summary names its question (WCAG 2.4.4).
        'Hãy chọn một câu trả lời (câu hỏi: Trẻ có được sinh ra tại Việt Nam không?)',
        'Hãy chọn một câu trả lời (câu hỏi: Cha hoặc mẹ của trẻ có phải là người nước ngoài hoặc người không quốc tịch không?)',
        'Chọn thông tin về cha của trẻ',
      ]);
      expect(r.flowViolations).to.deep.equal([]);
      expect(r.flowErrors).to.deep.equal([]);
      const loaded = r.loaded as Record<string, string>;
      // `procedure`: the loader chunk, imported through src/procedure/index.ts (the boundary).
      for (const name of ['compiler', 'admin-units-2025', 'browser', 'procedure'])
        expect(loaded[name], `${name} chunk in ${JSON.stringify(loaded)}`).to.equal('ok');
      expect(
        Object.values(loaded).every((v) => v === 'ok'),
        JSON.stringify(loaded),
      ).to.equal(true);
      expect(r.chunkViolations).to.deep.equal([]);
      // Without the compiled module the form reports CspCompileError; Trusted Types refuses
      // ajv's `new Function` (the one expected violation of this page).
      expect(r.runtime).to.deep.equal({ code: 'validator', cause: 'CspCompileError' });
      expect(r.runtimeViolations).to.deep.equal([
        { directive: 'require-trusted-types-for', blockedURI: 'trusted-types-sink' },
      ]);
      expect(r.laterErrors).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
