import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../components/form/form.js';
import type { DvcForm } from '../../../components/form/form.js';
import { attachDocuments } from './attach-documents.js';
import type { DvcErrorEvent, DvcSubmitEvent } from '../../../components/form/events.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';
import type { DvcRepeatGroup } from '../../../components/repeat-group/repeat-group.js';
import type { Procedure } from '../../../src/procedure/types.js';
import thuongTru from '../../../schemas/procedures/dang-ky-thuong-tru.json';
import thuongTruCases from '../../../schemas/procedures/dang-ky-thuong-tru.cases.json';
import basic from './fixtures/basic.json';

const procedure = thuongTru as unknown as Procedure;
const valid = thuongTruCases.cases[0].answers as Record<string, unknown>;

function summaryTexts(el: DvcForm): string[] {
  const s = el.shadowRoot!.querySelector<DvcErrorSummary>('dvc-error-summary');
  return s ? [...s.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()) : [];
}
const heading = (el: DvcForm) => el.shadowRoot!.querySelector('#page-heading')!.textContent!.trim();
async function next(el: DvcForm): Promise<void> {
  attachDocuments(el);
  el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
  await aTimeout(0);
  await el.settled();
}

describe('dvc-form repeat groups', () => {
  it('passes localised item fields to the group and puts item problems at their items', async () => {
    const answers = structuredClone(valid);
    answers.members = [{ fullName: 'Phạm Thị Hoa', sex: 'female' }];
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .procedureData=${procedure}
        .prefill=${answers}
        today="2026-11-26"
      ></dvc-form>`,
    );
    await el.settled();
    let group: DvcRepeatGroup | null = null;
    for (let i = 0; i < 10 && !group; i++) {
      group = el.shadowRoot!.querySelector<DvcRepeatGroup>('dvc-repeat-group');
      if (!group) await next(el);
    }
    expect(group, 'the members page').to.not.equal(null);
    expect(group!.label).to.equal('Thành viên trong hộ gia đình cùng đăng ký (nếu có)');
    expect(group!.itemLabel).to.equal('Người cùng đăng ký');
    expect(group!.addLabel).to.equal('Thêm người cùng đăng ký');
    expect(group!.max).to.equal(7);
    expect(group!.fields.map((f) => [f.field, f.label, f.required])).to.deep.equal([
      ['fullName', 'Họ, chữ đệm và tên', true],
      ['birthDate', 'Ngày, tháng, năm sinh', true],
      ['sex', 'Giới tính', true],
      ['personalId', 'Số định danh cá nhân', true],
      ['relationshipToHead', 'Quan hệ với chủ hộ', true],
    ]);
    expect(group!.fields[2].options).to.deep.equal([
      { value: 'male', label: 'Nam' },
      { value: 'female', label: 'Nữ' },
    ]);
    await next(el);
    expect(Object.keys(group!.errors)).to.deep.equal([
      '/0/birthDate',
      '/0/personalId',
      '/0/relationshipToHead',
    ]);
    expect(group!.error).to.equal('');
    // A line for each, naming the item (its heading on the page), then the message at the box.
    expect(summaryTexts(el)).to.deep.equal(
      Object.values(group!.errors).map((message) => `Người cùng đăng ký 1: ${message}`),
    );
  });
});

describe('dvc-form delivery', () => {
  async function atReview(el: DvcForm, title = 'Kiểm tra lại thông tin'): Promise<void> {
    await el.settled();
    for (let i = 0; i < 6 && heading(el) !== title; i++) await next(el);
    expect(heading(el)).to.equal(title);
    el.shadowRoot!.querySelector<HTMLInputElement>('#declaration')!.click();
    await el.updateComplete;
  }
  const answers = {
    laCongDan: 'co',
    sinhTrongNuoc: 'co',
    hoTen: 'Nguyễn Văn An',
    ngaySinh: '2025-03-15',
    coSoDienThoai: 'khong',
  };

  it('keeps the answers and says so when delivery fails, firing dvc-error', async () => {
    const original = console.error;
    console.error = () => {};
    try {
      const el = await fixture<DvcForm>(
        html`<dvc-form
          .procedureData=${basic as unknown as Procedure}
          .prefill=${answers}
          today="2025-04-01"
          action="/dvc-test/no-such-endpoint"
        ></dvc-form>`,
      );
      await atReview(el);
      const errored = oneEvent(el, 'dvc-error') as Promise<DvcErrorEvent>;
      el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
      const event = await errored;
      expect(event.detail.code).to.equal('submit');
      await el.updateComplete;
      // In the error summary at the top of the page, focused (GOV.UK), as plain text: the
      // problem is no field's.
      const box = el.shadowRoot!.querySelector<DvcErrorSummary>('dvc-error-summary')!;
      expect(box.shadowRoot!.querySelector('h2')!.textContent).to.equal('Chưa gửi được hồ sơ');
      expect(
        [...box.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim()),
      ).to.deep.equal([
        'Cơ quan chưa tiếp nhận hồ sơ (mã lỗi 404). Vui lòng tải lại trang, kiểm tra thông tin và gửi lại.',
      ]);
      expect(box.shadowRoot!.querySelector('a')).to.equal(null);
      expect(el.shadowRoot!.activeElement).to.equal(box);
      const page = el.shadowRoot!.querySelector('#page-heading')!;
      expect(box.compareDocumentPosition(page) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
      expect(el.shadowRoot!.querySelector('#submit-failed')).to.equal(null);
      expect(heading(el)).to.equal('Kiểm tra lại thông tin');
      await expect(el).to.be.accessible();
    } finally {
      console.error = original;
    }
  });

  it('shows the confirmation page after delivery and passes axe', async () => {
    const el = await fixture<DvcForm>(
      html`<dvc-form
        .procedureData=${basic as unknown as Procedure}
        .prefill=${answers}
        .submitter=${async () => ({ ok: true })}
        today="2025-04-01"
        lang="en"
      ></dvc-form>`,
    );
    await atReview(el, 'Check your answers');
    const submitted = oneEvent(el, 'dvc-submit') as Promise<DvcSubmitEvent>;
    const done = oneEvent(el, 'dvc-submitted');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.buttons button.primary')!.click();
    expect((await submitted).detail.lang).to.equal('en');
    await done;
    await el.settled();
    expect(heading(el)).to.equal('Application sent');
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('#page-heading'));
    await expect(el).to.be.accessible();
  });
});
