/**
 * Keyboard-only journeys through the four sample procedures (GitHub issue 6, item 8).
 *
 * A person who cannot use a mouse or a touch screen must be able to apply: every answer of each
 * sample's case 0 is entered here with real key presses only (Tab to reach a field, typing,
 * arrow keys in radio groups and lists, Space for check boxes, Enter on Continue). Nothing is
 * clicked and no value is set from script, except the file chooser of a document (see
 * `attachFile`). The review page must then list exactly case 0's answers. One ineligible case
 * per sample is entered the same way and must show exactly its rules' reasons and remedies.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcUpload } from '../../../components/upload/upload.js';
import { loadAdminUnits, foldVietnamese } from '../../../components/address-field/admin-units.js';
import type { FieldUi, Procedure, Rule } from '../../../src/procedure/types.js';
import khaiSinh from '../../../schemas/procedures/dang-ky-khai-sinh.json';
import khaiSinhCases from '../../../schemas/procedures/dang-ky-khai-sinh.cases.json';
import ketHon from '../../../schemas/procedures/dang-ky-ket-hon.json';
import ketHonCases from '../../../schemas/procedures/dang-ky-ket-hon.cases.json';
import thuongTru from '../../../schemas/procedures/dang-ky-thuong-tru.json';
import thuongTruCases from '../../../schemas/procedures/dang-ky-thuong-tru.cases.json';
import laiXe from '../../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.json';
import laiXeCases from '../../../schemas/procedures/cap-giay-phep-lai-xe-quoc-te.cases.json';

interface CaseFile {
  today: string;
  cases: {
    name: string;
    answers: Record<string, unknown>;
    expect: { eligibility?: { status: string; reasons?: string[] } };
  }[];
}

interface Sample {
  name: string;
  procedure: Procedure;
  file: CaseFile;
  /** The case entered on the eligibility page to reach the "cannot apply" page. */
  ineligible: number;
  /** Review rows of case 0 as a person reads them: question label → answer shown. */
  review: [string, string][];
}

const SAMPLES: Sample[] = [
  {
    name: 'dang-ky-khai-sinh',
    procedure: khaiSinh as unknown as Procedure,
    file: khaiSinhCases as CaseFile,
    ineligible: 6,
    review: [
      ['Trẻ đã từng được đăng ký khai sinh chưa?', 'Chưa đăng ký'],
      ['Trẻ có được sinh ra tại Việt Nam không?', 'Có'],
      [
        'Cha hoặc mẹ của trẻ có phải là người nước ngoài hoặc người không quốc tịch không?',
        'Không',
      ],
      ['Thông tin về cha của trẻ', 'Cha và mẹ của trẻ đã đăng ký kết hôn'],
      ['Bạn là gì của trẻ?', 'Mẹ'],
      ['Họ, chữ đệm và tên của bạn', 'Nguyễn Thị Lan'],
      ['Số định danh cá nhân của bạn', '001195012345'],
      ['Số điện thoại di động', '0912345678'],
      ['Thư điện tử (không bắt buộc)', 'Chưa trả lời'],
      ['Họ, chữ đệm và tên của trẻ', 'Trần Minh An'],
      ['Ngày, tháng, năm sinh của trẻ', '10/11/2026'],
      ['Giới tính', 'Nam'],
      ['Dân tộc của trẻ', 'Kinh'],
      ['Trẻ được sinh ra ở đâu?', 'Tại bệnh viện, trạm y tế hoặc cơ sở y tế khác'],
      ['Tên cơ sở y tế nơi trẻ sinh ra', 'Bệnh viện Phụ sản Hà Nội'],
      ['Địa chỉ nơi sinh', 'Số 929 đường La Thành, Phường Ngọc Hà, Thành phố Hà Nội'],
      ['Quê quán của trẻ', 'Phường Ba Đình, Thành phố Hà Nội'],
      ['Họ, chữ đệm và tên người mẹ', 'Nguyễn Thị Lan'],
      ['Ngày, tháng, năm sinh của người mẹ', '15/03/1995'],
      ['Dân tộc của người mẹ', 'Kinh'],
      ['Số định danh cá nhân của người mẹ', '001195012345'],
      ['Nơi cư trú của người mẹ', 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội'],
      ['Họ, chữ đệm và tên người cha', 'Trần Văn Hùng'],
      ['Ngày, tháng, năm sinh của người cha', '20/07/1993'],
      ['Dân tộc của người cha', 'Kinh'],
      ['Số định danh cá nhân của người cha', '001093054321'],
      ['Nơi cư trú của người cha', 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội'],
      ['Số Giấy chứng nhận kết hôn của cha mẹ (nếu biết)', '125/2024'],
      ['Ngày đăng ký kết hôn (nếu biết)', '18/05/2024'],
      ['Nơi đăng ký kết hôn (nếu biết)', 'UBND phường Ngọc Hà, Hà Nội'],
      ['Bạn có giấy tờ nào chứng minh việc sinh?', 'Giấy chứng sinh do cơ sở y tế cấp'],
      // Case 0 says `surrogacy: false`: the box is left unticked, and Continue records that as
      // "no" (docs/form.md, "Check boxes").
      ['Trẻ được sinh ra do mang thai hộ', 'Không'],
      ['Bạn có cần thêm bản sao trích lục khai sinh không?', 'Không'],
    ],
  },
  {
    name: 'dang-ky-ket-hon',
    procedure: ketHon as unknown as Procedure,
    file: ketHonCases as CaseFile,
    ineligible: 11,
    review: [
      ['Ngày, tháng, năm sinh của bên nữ', '08/08/1998'],
      ['Ngày, tháng, năm sinh của bên nam', '30/01/1996'],
      [
        'Một trong hai người có phải là người nước ngoài, người không quốc tịch hoặc công dân Việt Nam định cư ở nước ngoài không?',
        'Không',
      ],
      ['Một trong hai người có đang có vợ hoặc có chồng không?', 'Không'],
      [
        'Hai người có phải là người cùng dòng máu về trực hệ, có họ trong phạm vi ba đời, hoặc từng là cha mẹ nuôi và con nuôi, cha chồng với con dâu, mẹ vợ với con rể, cha dượng với con riêng của vợ, mẹ kế với con riêng của chồng không?',
        'Không',
      ],
      ['Cả hai người đều tự nguyện kết hôn, không bị ai ép buộc hay lừa dối?', 'Có'],
      ['Có ai trong hai người bị Tòa án tuyên bố mất năng lực hành vi dân sự không?', 'Không'],
      ['Họ, chữ đệm và tên của bên nữ', 'Hoàng Thị Mai'],
      ['Dân tộc của bên nữ', 'Tày'],
      ['Số định danh cá nhân của bên nữ', '001198004567'],
      ['Nơi cư trú của bên nữ', 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội'],
      ['Đây là lần kết hôn thứ mấy của bên nữ?', '1'],
      ['Họ, chữ đệm và tên của bên nam', 'Bùi Đức Anh'],
      ['Dân tộc của bên nam', 'Kinh'],
      ['Số định danh cá nhân của bên nam', '079096007890'],
      ['Nơi cư trú của bên nam', 'Số 5 đường Bạch Đằng, Phường Thủ Dầu Một, Thành phố Hồ Chí Minh'],
      ['Đây là lần kết hôn thứ mấy của bên nam?', '1'],
      ['Số điện thoại di động để liên hệ', '0366123456'],
      ['Thư điện tử (không bắt buộc)', 'Chưa trả lời'],
      ['Bạn có cần bản sao trích lục kết hôn không?', 'Không'],
    ],
  },
  {
    name: 'dang-ky-thuong-tru',
    procedure: thuongTru as unknown as Procedure,
    file: thuongTruCases as CaseFile,
    ineligible: 4,
    review: [
      ['Chỗ ở bạn muốn đăng ký thường trú là', 'Nhà thuộc quyền sở hữu của tôi'],
      [
        'Chỗ ở có thuộc một trong các trường hợp sau không: đất lấn chiếm hoặc xây dựng trái phép; đã có quyết định thu hồi đất; đang tranh chấp, khiếu nại về quyền sở hữu; bị tịch thu hoặc có quyết định phá dỡ?',
        'Không',
      ],
      ['Họ, chữ đệm và tên', 'Phạm Văn Dũng'],
      ['Ngày, tháng, năm sinh', '12/06/1985'],
      ['Giới tính', 'Nam'],
      ['Số định danh cá nhân', '001085123456'],
      ['Số điện thoại di động', '0987654321'],
      ['Thư điện tử (không bắt buộc)', 'Chưa trả lời'],
      ['Địa chỉ chỗ ở đăng ký thường trú', 'Số 12 phố Đội Cấn, Phường Ba Đình, Thành phố Hà Nội'],
      ['Họ, chữ đệm và tên của chủ hộ', 'Phạm Văn Dũng'],
      ['Số định danh cá nhân của chủ hộ', '001085123456'],
      ['Quan hệ của bạn với chủ hộ', 'Chủ hộ'],
      [
        'Thông tin về chỗ ở này đã có trong cơ sở dữ liệu của Nhà nước chưa?',
        'Chưa có hoặc không biết',
      ],
      ['Thành viên trong hộ gia đình cùng đăng ký (nếu có)', 'Chưa trả lời'],
      ['Bạn có thuộc trường hợp được miễn lệ phí không?', 'Không thuộc trường hợp nào'],
    ],
  },
  {
    name: 'cap-giay-phep-lai-xe-quoc-te',
    procedure: laiXe as unknown as Procedure,
    file: laiXeCases as CaseFile,
    ineligible: 3,
    review: [
      ['Bạn là', 'Công dân Việt Nam'],
      ['Giấy phép lái xe Việt Nam của bạn là loại nào?', 'Thẻ vật liệu PET (mẫu thẻ nhựa)'],
      [
        'Giấy phép lái xe còn nguyên vẹn, đọc rõ được và thông tin trùng với giấy tờ tùy thân của bạn?',
        'Có',
      ],
      ['Giấy phép lái xe của bạn có ghi thời hạn không?', 'Có thời hạn'],
      ['Ngày hết hạn của giấy phép lái xe', '20/05/2031'],
      [
        'Trong 3 năm gần đây, bạn có bị từ chối hoặc thu hồi giấy phép lái xe quốc tế vì khai báo gian dối hoặc tẩy xóa giấy phép không?',
        'Không',
      ],
      ['Họ, chữ đệm và tên', 'Lê Quốc Bảo'],
      ['Ngày, tháng, năm sinh', '02/04/1990'],
      ['Số định danh cá nhân', '079090123456'],
      ['Số điện thoại di động', '0903123456'],
      ['Thư điện tử (không bắt buộc)', 'bao.le@example.vn'],
      ['Số giấy phép lái xe', '790123456789'],
      ['Cơ quan cấp', 'Sở Giao thông vận tải TP Hồ Chí Minh'],
      ['Ngày cấp', '20/05/2021'],
      ['Lý do xin cấp', 'Đi du lịch tự lái tại Nhật Bản'],
    ],
  },
];

// ---- where the keyboard focus is ----------------------------------------------------------

/** The chain of focused elements from the document down through every shadow root. */
function focusChain(): Element[] {
  const chain: Element[] = [];
  let a: Element | null = document.activeElement;
  while (a) {
    chain.push(a);
    a = a.shadowRoot?.activeElement ?? null;
  }
  return chain;
}

function describeFocus(): string {
  return focusChain()
    .map((e) => `${e.localName}${e.id ? `#${e.id}` : ''}`)
    .join(' > ');
}

function root(el: DvcForm): ShadowRoot {
  return el.shadowRoot!;
}

function heading(el: DvcForm): string {
  return root(el).querySelector('#page-heading')?.textContent?.trim() ?? '';
}

/**
 * Presses Tab until `accept` holds for the focused element, as a person tabbing through the page
 * does. Fails when the target is not reached within a page's worth of Tab stops: that would be an
 * element a keyboard user cannot get to.
 */
async function tabTo(what: string, accept: (deepest: Element, chain: Element[]) => boolean) {
  for (let i = 0; i < 80; i++) {
    const chain = focusChain();
    const deepest = chain[chain.length - 1];
    if (deepest && accept(deepest, chain)) return deepest;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error(`cannot reach ${what} with Tab; focus is on ${describeFocus()}`);
}

/** Tabs to the control `selector` inside the field element answering `path`. */
async function tabToControl(el: DvcForm, path: string, selector: string): Promise<Element> {
  const field = root(el).querySelector(`[data-path="${path}"]`);
  if (!field) throw new Error(`no field ${path} on "${heading(el)}"`);
  return tabTo(
    `${path} ${selector}`,
    (deepest, chain) => chain.includes(field) && deepest.matches(selector),
  );
}

async function press(key: string, times = 1): Promise<void> {
  // The space bar is the key ' ' everywhere; the name 'Space' is Chromium's only (puppeteer's
  // Firefox keyboard and WebDriver do not know it).
  const name = key === 'Space' ? ' ' : key;
  for (let i = 0; i < times; i++) await sendKeys({ press: name });
}

// ---- answering one question with the keyboard ---------------------------------------------

function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const key of path.split('.')) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** dd/mm/yyyy, as Vietnamese forms write dates (VIETNAM.md §2.4). */
function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

async function typeText(el: DvcForm, path: string, value: unknown, selector = '#control') {
  await tabToControl(el, path, selector);
  await sendKeys({ type: String(value) });
}

/**
 * A radio group: Tab lands on the checked radio, or the first one when none is; arrow keys move
 * and choose; Space chooses the focused one.
 */
async function chooseRadio(el: DvcForm, field: FieldUi, value: unknown): Promise<void> {
  const want = field.options!.findIndex((o) => String(o.value) === String(value));
  expect(want, `${field.field} has option ${String(value)}`).to.be.at.least(0);
  const radio = (await tabToControl(el, field.field, 'input[type=radio]')) as HTMLInputElement;
  const radios = [...radio.parentElement!.parentElement!.querySelectorAll('input[type=radio]')];
  const at = radios.indexOf(radio);
  if (want === at) await press('Space');
  else await press(want > at ? 'ArrowDown' : 'ArrowUp', Math.abs(want - at));
}

/**
 * A list (`<select>`): typing the first letter of the wanted choice when that letter leads to it,
 * otherwise arrow keys from "Chọn…".
 */
async function chooseOption(el: DvcForm, field: FieldUi, value: unknown): Promise<void> {
  const labels = field.options!.map((o) => o.label.vi);
  const want = field.options!.findIndex((o) => String(o.value) === String(value));
  expect(want, `${field.field} has option ${String(value)}`).to.be.at.least(0);
  await tabToControl(el, field.field, 'select');
  const first = labels[want][0];
  const byLetter =
    /[A-Za-z]/.test(first) &&
    labels.findIndex((l) => l[0].toLowerCase() === first.toLowerCase()) === want;
  if (byLetter) await sendKeys({ press: first.toLowerCase() });
  else await press('ArrowDown', want + 1);
}

/**
 * An address: the province list by arrow keys, the commune by typing its name without tone marks
 * in the search box (as on a phone without Vietnamese input) and taking the first match, then
 * the street.
 */
async function enterAddress(el: DvcForm, path: string, value: unknown): Promise<void> {
  const v = value as { province: string; commune: string; street?: string };
  const field = root(el).querySelector<HTMLElement & { unitsReady(): Promise<void> }>(
    `[data-path="${path}"]`,
  )!;
  await field.unitsReady();
  const units = await loadAdminUnits();
  const province = units.provinces.findIndex((p) => p.code === v.province);
  const commune = units.communesByProvince.get(v.province)!.find((c) => c.code === v.commune)!;
  await tabToControl(el, path, '#province');
  await press('ArrowDown', province + 1);
  await el.settled();
  await tabToControl(el, path, '#search');
  await sendKeys({ type: foldVietnamese(commune.name.replace(/^(Phường|Xã|Đặc khu) /u, '')) });
  await tabToControl(el, path, '#commune');
  await press('ArrowDown');
  await el.settled();
  if (v.street) await typeText(el, path, v.street, '#street');
}

/**
 * The one step that is not keyboard input: the operating system's file chooser cannot be driven
 * from a test, so the file is put on the slot's `<input type=file>` as the chooser does (its
 * `files`, then `change`). Choosing files is the documents engineer's part (documents.test.ts).
 */
async function attachFile(el: DvcForm, id: string, file: File): Promise<void> {
  const up = el.querySelector<DvcUpload>(`:scope > dvc-upload[slot="document-${id}"]`)!;
  const input = up.shadowRoot!.querySelector<HTMLInputElement>('#control')!;
  const dt = new DataTransfer();
  dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => !up.busy && up.documents.length === 1, `${id} file ready`, {
    timeout: 8000,
  });
}

/** A small real PNG: the portrait slot decodes and re-encodes photos. */
async function portraitPng(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 300;
  canvas.height = 400;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#e8e8e8';
  ctx.fillRect(0, 0, 300, 400);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/png'));
  return new File([blob], 'chan-dung.png', { type: 'image/png' });
}

async function answer(el: DvcForm, field: FieldUi, value: unknown): Promise<void> {
  switch (field.widget) {
    case 'radio':
      return chooseRadio(el, field, value);
    case 'select':
      return chooseOption(el, field, value);
    case 'checkbox':
      await tabToControl(el, field.field, 'input[type=checkbox]');
      if (value === true) await press('Space');
      return;
    case 'date':
      return typeText(el, field.field, vnDate(String(value)));
    case 'address':
      return enterAddress(el, field.field, value);
    case 'textarea':
      return typeText(el, field.field, value, 'textarea');
    default:
      return typeText(el, field.field, value);
  }
}

/**
 * Answers, in page order, every question on the current page that `answers` has an answer for.
 * Questions that appear because of an answer (a rule shows them) are picked up as they appear.
 */
async function answerPage(
  el: DvcForm,
  procedure: Procedure,
  answers: Record<string, unknown>,
): Promise<void> {
  const done = new Set<string>();
  const fields = new Map(
    procedure.ui.steps.flatMap((s) => s.fields).map((f) => [f.document ?? f.field, f]),
  );
  for (;;) {
    const next = [
      ...root(el).querySelectorAll<HTMLElement>('.fields [data-path], [part="document-slot"]'),
    ]
      .map((n) => n.dataset.path ?? n.id.replace(/^.*documents-?/, ''))
      .find((p) => !done.has(p) && fields.has(p));
    if (next === undefined) return;
    done.add(next);
    const field = fields.get(next)!;
    if (field.widget === 'file') {
      const doc = procedure.documents.find((d) => d.id === field.document)!;
      const slot = root(el).querySelector(`[part="document-slot"][id$="${doc.id}"]`);
      const up = el.querySelector<DvcUpload>(`:scope > dvc-upload[slot="document-${doc.id}"]`);
      if (slot && up?.required) {
        const file = doc.photo
          ? await portraitPng()
          : new File(['%PDF-1.4\n%%EOF\n'], `${doc.id}.pdf`, { type: 'application/pdf' });
        await attachFile(el, doc.id, file);
      }
      continue;
    }
    const value = getPath(answers, field.field);
    if (value === undefined) continue;
    await answer(el, field, value);
    await el.settled();
  }
}

/** Tabs to Continue (or Submit) and presses Enter on it, as a keyboard user does. */
async function pressContinue(el: DvcForm, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  const button = root(el).querySelector('.buttons button.primary');
  if (!button) throw new Error(`no Continue on "${heading(el)}"`);
  await tabTo('Continue', (deepest) => deepest === button);
  await press(key);
  await el.settled();
}

function summary(el: DvcForm): string[] {
  const s = root(el).querySelector('dvc-error-summary');
  return s ? [...s.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()) : [];
}

function reviewRows(el: DvcForm): [string, string][] {
  return [
    ...root(el).querySelectorAll(
      'section.review-section:not([aria-labelledby="documents-review"]) .row',
    ),
  ].map((row) => [
    row.querySelector('dt')!.textContent!.trim(),
    row.querySelector('.value')!.textContent!.trim().replace(/\s+/g, ' '),
  ]);
}

async function start(sample: Sample): Promise<DvcForm> {
  const el = await fixture<DvcForm>(
    html`<dvc-form .procedureData=${sample.procedure} today=${sample.file.today}></dvc-form>`,
  );
  await el.settled();
  await waitUntil(() => root(el).querySelector('#page-heading'), 'first page');
  return el;
}

describe('dvc-form by keyboard alone', function () {
  // A whole application typed key by key takes a while on a shared 2-core machine.
  this.timeout(120000);

  for (const sample of SAMPLES) {
    const { procedure, file } = sample;
    const steps = procedure.ui.steps;

    it(`${sample.name}: case 0 from the eligibility questions to the review page`, async () => {
      const el = await start(sample);
      const answers = file.cases[0].answers;
      const seen: string[] = [];
      for (let page = 0; page < 20 && heading(el) !== 'Kiểm tra lại thông tin'; page++) {
        const before = heading(el);
        seen.push(before);
        await answerPage(el, procedure, answers);
        // Continue by Enter on most pages and Space on the first, both being how buttons work.
        await pressContinue(el, page === 0 ? 'Space' : 'Enter');
        expect(summary(el), `problems on "${before}"`).to.deep.equal([]);
        expect(heading(el), `left "${before}"`).to.not.equal(before);
        // Each new page takes the focus to its heading, so Tab starts from the top of the page.
        expect(describeFocus()).to.match(/h2#page-heading$/);
      }
      expect(seen).to.deep.equal(
        steps.filter((s) => seen.includes(s.title.vi)).map((s) => s.title.vi),
      );
      expect(heading(el)).to.equal('Kiểm tra lại thông tin');
      await waitUntil(
        () => !reviewRows(el).some(([, v]) => /, \d{2,5}$/.test(v)),
        'unit names loaded',
      );
      expect(reviewRows(el)).to.deep.equal(sample.review);
    });

    it(`${sample.name}: case ${sample.ineligible} is told why it cannot apply`, async () => {
      const el = await start(sample);
      const c = file.cases[sample.ineligible];
      expect(c.expect.eligibility?.status).to.equal('ineligible');
      await answerPage(el, procedure, c.answers);
      await pressContinue(el);
      expect(heading(el)).to.equal('Bạn chưa thể nộp hồ sơ này trực tuyến');
      expect(describeFocus()).to.match(/h2#page-heading$/);
      const rules = new Map(procedure.rules.map((r: Rule) => [r.id, r]));
      const expected = c.expect.eligibility!.reasons!.map((id) => {
        const rule = rules.get(id)!;
        return [rule.reason!.vi, rule.remedy ? `Bạn có thể: ${rule.remedy.vi}` : ''];
      });
      const shown = [...root(el).querySelectorAll('[part="reasons"] > li')].map((li) => [
        li.querySelector('.reason')!.textContent!.trim(),
        li.querySelector('.remedy')?.textContent?.trim().replace(/\s+/g, ' ') ?? '',
      ]);
      expect(shown).to.deep.equal(expected);
      // The only way on is to change the answers, reachable by keyboard.
      const back = root(el).querySelector('.buttons button.secondary')!;
      expect(back.textContent!.trim()).to.equal('Sửa câu trả lời');
      await tabTo('Sửa câu trả lời', (deepest) => deepest === back);
      await press('Enter');
      await el.settled();
      expect(heading(el)).to.equal(steps[0].title.vi);
    });
  }
});
