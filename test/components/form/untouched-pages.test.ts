/**
 * Continue on a page nobody has touched yet must stop there and list every required question of
 * the page. The answers' schema nests each step in an object (`eligibility`, `requester`…); while
 * nothing in it is answered, JSON Schema reports one problem on the object, which no question
 * owns, so the form used to move on with no error.
 */
import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import type { DvcInvalidEvent } from '../../../components/form/events.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';
import type { Procedure } from '../../../src/procedure/types.js';
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
  cases: { answers: Record<string, unknown> }[];
}

interface Expected {
  /** Heading and summary items of the first (eligibility) page. */
  first: [string, string[]];
  /** The same for the page after it, once case 0's eligibility answers are given. */
  second: [string, string[]];
}

const ANSWER = 'Hãy chọn một câu trả lời';
/** A repeated message names its question, so every summary link says where it leads. */
const q = (question: string) => `${ANSWER} (câu hỏi: ${question})`;
/** Beside the question itself (and in dvc-invalid) the message needs no reminder of it. */
const plain = (items: string[]) => items.map((i) => i.replace(/ \(câu hỏi: .*\)$/s, ''));

const SAMPLES: [string, unknown, unknown, Expected][] = [
  [
    'dang-ky-khai-sinh',
    khaiSinh,
    khaiSinhCases,
    {
      first: [
        'Kiểm tra trường hợp của bạn',
        [
          q('Trẻ đã từng được đăng ký khai sinh chưa?'),
          q('Trẻ có được sinh ra tại Việt Nam không?'),
          q('Cha hoặc mẹ của trẻ có phải là người nước ngoài hoặc người không quốc tịch không?'),
          'Chọn thông tin về cha của trẻ',
        ],
      ],
      second: [
        'Người đi đăng ký khai sinh',
        [
          q('Bạn là gì của trẻ?'),
          'Nhập họ, chữ đệm và tên của bạn',
          'Nhập số định danh cá nhân của bạn',
          'Nhập số điện thoại di động',
        ],
      ],
    },
  ],
  [
    'dang-ky-ket-hon',
    ketHon,
    ketHonCases,
    {
      first: [
        'Kiểm tra điều kiện kết hôn',
        [
          'Nhập ngày, tháng, năm sinh của bên nữ',
          'Nhập ngày, tháng, năm sinh của bên nam',
          q(
            'Một trong hai người có phải là người nước ngoài, người không quốc tịch hoặc công dân Việt Nam định cư ở nước ngoài không?',
          ),
          q('Một trong hai người có đang có vợ hoặc có chồng không?'),
          q(
            'Hai người có phải là người cùng dòng máu về trực hệ, có họ trong phạm vi ba đời, hoặc từng là cha mẹ nuôi và con nuôi, cha chồng với con dâu, mẹ vợ với con rể, cha dượng với con riêng của vợ, mẹ kế với con riêng của chồng không?',
          ),
          q('Cả hai người đều tự nguyện kết hôn, không bị ai ép buộc hay lừa dối?'),
          q('Có ai trong hai người bị Tòa án tuyên bố mất năng lực hành vi dân sự không?'),
        ],
      ],
      // Her date of birth was asked with the eligibility questions.
      second: [
        'Thông tin bên nữ',
        [
          'Nhập họ, chữ đệm và tên của bên nữ',
          'Chọn dân tộc của bên nữ',
          'Nhập số định danh cá nhân của bên nữ',
          'Chọn nơi cư trú của bên nữ',
          'Hãy nhập câu trả lời (câu hỏi: Đây là lần kết hôn thứ mấy của bên nữ?)',
        ],
      ],
    },
  ],
  [
    'dang-ky-thuong-tru',
    thuongTru,
    thuongTruCases,
    {
      // The owner's consent and the floor area are asked only for some places: not yet.
      first: [
        'Kiểm tra điều kiện đăng ký thường trú',
        [
          q('Chỗ ở bạn muốn đăng ký thường trú là'),
          q(
            'Chỗ ở có thuộc một trong các trường hợp sau không: đất lấn chiếm hoặc xây dựng trái phép; đã có quyết định thu hồi đất; đang tranh chấp, khiếu nại về quyền sở hữu; bị tịch thu hoặc có quyết định phá dỡ?',
          ),
        ],
      ],
      // The guardian's questions are for minors only: not asked.
      second: [
        'Thông tin của bạn',
        [
          'Nhập họ, chữ đệm và tên',
          'Nhập ngày, tháng, năm sinh',
          'Chọn giới tính',
          'Nhập số định danh cá nhân',
          'Nhập số điện thoại di động',
        ],
      ],
    },
  ],
  [
    'cap-giay-phep-lai-xe-quoc-te',
    laiXe,
    laiXeCases,
    {
      // The expiry date is asked only when the licence has one.
      first: [
        'Kiểm tra điều kiện',
        [
          q('Bạn là'),
          q('Giấy phép lái xe Việt Nam của bạn là loại nào?'),
          q(
            'Giấy phép lái xe còn nguyên vẹn, đọc rõ được và thông tin trùng với giấy tờ tùy thân của bạn?',
          ),
          q('Giấy phép lái xe của bạn có ghi thời hạn không?'),
          q(
            'Trong 3 năm gần đây, bạn có bị từ chối hoặc thu hồi giấy phép lái xe quốc tế vì khai báo gian dối hoặc tẩy xóa giấy phép không?',
          ),
        ],
      ],
      // Passport and residence card are for foreigners only: not asked.
      second: [
        'Thông tin của bạn',
        [
          'Nhập họ, chữ đệm và tên',
          'Nhập ngày, tháng, năm sinh',
          'Nhập số định danh cá nhân',
          'Nhập số điện thoại di động',
        ],
      ],
    },
  ],
];

function heading(el: DvcForm): string {
  return el.shadowRoot!.querySelector('#page-heading')!.textContent!.trim();
}

function summary(el: DvcForm): DvcErrorSummary | null {
  return el.shadowRoot!.querySelector<DvcErrorSummary>('dvc-error-summary');
}

function summaryTexts(el: DvcForm): string[] {
  const s = summary(el);
  return s ? [...s.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()) : [];
}

async function pressContinue(el: DvcForm): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await aTimeout(0);
  await el.settled();
  await aTimeout(0);
}

/** Case 0's answers to the questions of the eligibility step only. */
function eligibilityAnswers(procedure: Procedure, answers: Record<string, unknown>) {
  const out: Record<string, Record<string, unknown>> = {};
  const step = procedure.ui.steps.find((s) => s.kind === 'eligibility')!;
  for (const { field } of step.fields) {
    const [group, key] = field.split('.');
    const value = (answers[group] as Record<string, unknown> | undefined)?.[key];
    if (value !== undefined) (out[group] ??= {})[key] = value;
  }
  return out;
}

describe('dvc-form Continue on an untouched page', () => {
  for (const [name, data, casesData, expected] of SAMPLES) {
    const procedure = data as Procedure;
    const file = casesData as CaseFile;

    it(`${name}: the first page lists each required question and stays`, async () => {
      const el = await fixture<DvcForm>(
        html`<dvc-form .procedureData=${procedure} today=${file.today}></dvc-form>`,
      );
      await el.settled();
      const [title, items] = expected.first;
      expect(heading(el)).to.equal(title);
      let invalid: DvcInvalidEvent | undefined;
      el.addEventListener('dvc-invalid', (e) => (invalid = e as DvcInvalidEvent));
      await pressContinue(el);
      expect(heading(el)).to.equal(title);
      expect(summaryTexts(el)).to.deep.equal(items);
      expect(el.shadowRoot!.activeElement).to.equal(summary(el));
      expect(invalid!.detail.problems.map((p) => p.message)).to.deep.equal(plain(items));
      // Each question shows its own message beside it.
      const shown = [
        ...el.shadowRoot!.querySelectorAll<HTMLElement & { error: string }>('[data-path]'),
      ]
        .map((f) => f.error)
        .filter(Boolean);
      expect(shown).to.deep.equal(plain(items));
    });

    it(`${name}: the page after the eligibility questions lists its questions and stays`, async () => {
      const el = await fixture<DvcForm>(
        html`<dvc-form
          .procedureData=${procedure}
          .prefill=${eligibilityAnswers(procedure, file.cases[0].answers)}
          today=${file.today}
        ></dvc-form>`,
      );
      await el.settled();
      await pressContinue(el);
      const [title, items] = expected.second;
      expect(heading(el)).to.equal(title);
      expect(summaryTexts(el)).to.deep.equal([]);
      await pressContinue(el);
      expect(heading(el)).to.equal(title);
      expect(summaryTexts(el)).to.deep.equal(items);
      expect(el.shadowRoot!.activeElement).to.equal(summary(el));
    });
  }
});
