import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../components/status-lookup/status-lookup.js';
import type {
  DvcStatusEvent,
  DvcStatusLookup,
} from '../../../components/status-lookup/status-lookup.js';
import type { DvcTextField } from '../../../components/text-field/text-field.js';
import type { DvcErrorSummary } from '../../../components/error-summary/error-summary.js';

// Real requests to the test server's static files (the query string is ignored there): the
// element's fetch, URL building and answer handling run unchanged.
const FOUND = new URL('./fixtures/found.json.txt', import.meta.url).pathname;
const MISSING = new URL('./fixtures/no-such-dossier.json', import.meta.url).pathname;
// A receiver's answer with a supplement request whose procedure URL is relative to the receiver
// (fixtures/receiver/), not to this page.
const WITH_SUPPLEMENT = new URL('./fixtures/receiver/status.json.txt', import.meta.url).href;

const shadow = (el: DvcStatusLookup) => el.shadowRoot!;
const fieldOf = (el: DvcStatusLookup, id: string) =>
  shadow(el).querySelector<DvcTextField>(`#${id}`)!;
const summaryOf = (el: DvcStatusLookup) =>
  shadow(el).querySelector<DvcErrorSummary>('dvc-error-summary')!;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim();

async function type(el: DvcStatusLookup, id: string, value: string) {
  fieldOf(el, id).focus();
  await sendKeys({ type: value });
}

describe('dvc-status-lookup', () => {
  it('follows the page language when it has none of its own', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><dvc-status-lookup></dvc-status-lookup></div>`,
    );
    const el = wrapper.querySelector('dvc-status-lookup')!;
    await el.updateComplete;
    // A second render used to find the element's own reflected lang="" and fall back to vi.
    el.requestUpdate();
    await el.updateComplete;
    expect(shadow(el).textContent).to.include('Check the progress of your application');
    expect(shadow(el).textContent).not.to.include('Tra cứu tình trạng hồ sơ');
  });

  it('renders its form with the field elements and passes axe', async () => {
    const el = await fixture<DvcStatusLookup>(html`<dvc-status-lookup></dvc-status-lookup>`);
    expect(text(shadow(el).querySelector('h2'))).to.equal('Tra cứu tình trạng hồ sơ');
    expect(fieldOf(el, 'code').label).to.equal('Mã hồ sơ');
    expect(fieldOf(el, 'secret').label).to.equal('Số điện thoại hoặc số định danh cá nhân');
    expect(fieldOf(el, 'secret').inputmode).to.equal('tel');
    await expect(el).to.be.accessible();
  });

  it('asks for the missing inputs in the error summary, linked to the fields', async () => {
    const el = await fixture<DvcStatusLookup>(html`<dvc-status-lookup></dvc-status-lookup>`);
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => summaryOf(el).items.length > 0);
    expect(summaryOf(el).heading).to.equal('Có lỗi cần sửa');
    expect(summaryOf(el).items).to.deep.equal([
      { message: 'Vui lòng nhập mã hồ sơ.', target: 'code' },
      { message: 'Vui lòng nhập số điện thoại hoặc số định danh cá nhân.', target: 'secret' },
    ]);
    expect(fieldOf(el, 'code').error).to.equal('Vui lòng nhập mã hồ sơ.');
    await expect(el).to.be.accessible();
  });

  it('says what a dossier code looks like before asking the receiver about a malformed one', async () => {
    const el = await fixture<DvcStatusLookup>(
      html`<dvc-status-lookup endpoint=${FOUND}></dvc-status-lookup>`,
    );
    let requested = false;
    el.addEventListener('dvc-status', () => (requested = true));
    await type(el, 'code', 'KS-26112-7QF3');
    await type(el, 'secret', '0912345678');
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => summaryOf(el).items.length > 0);
    const message =
      'Mã hồ sơ có dạng KS-261126-7QF3 (chữ viết tắt, ngày tiếp nhận và 4 ký tự), như trên giấy tiếp nhận.';
    expect(summaryOf(el).items).to.deep.equal([{ message, target: 'code' }]);
    expect(fieldOf(el, 'code').error).to.equal(message);
    expect(requested).to.equal(false);
  });

  it('shows the status and history of a found dossier and passes axe', async () => {
    const el = await fixture<DvcStatusLookup>(
      html`<dvc-status-lookup endpoint=${FOUND}></dvc-status-lookup>`,
    );
    await type(el, 'code', 'ks-261126-7qf3');
    await type(el, 'secret', '0912 345 678');
    const found = oneEvent(el, 'dvc-status') as Promise<DvcStatusEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await found;
    expect(event.detail.dossierCode).to.equal('KS-261126-7QF3');
    await el.updateComplete;
    const rows = [...shadow(el).querySelectorAll('[part="result"] dt')].map((dt) => [
      text(dt),
      text(dt.nextElementSibling),
    ]);
    expect(rows).to.deep.equal([
      ['Mã hồ sơ', 'KS-261126-7QF3'],
      ['Thủ tục', 'Đăng ký khai sinh'],
      ['Trạng thái', 'Cần bổ sung hồ sơ'],
      ['Thời gian tiếp nhận', '10:05 26/11/2026'],
      ['Ngày hẹn trả kết quả', '01/12/2026'],
      ['Cập nhật lần cuối', '09:00 27/11/2026'],
    ]);
    const history = [...shadow(el).querySelectorAll('[part="history"] li')].map(text);
    expect(history).to.deep.equal([
      'Đã tiếp nhận 10:05 26/11/2026',
      'Đang xử lý 15:00 26/11/2026',
      'Cần bổ sung hồ sơ 09:00 27/11/2026 Vui lòng bổ sung bản sao giấy chứng sinh.',
    ]);
    expect(shadow(el).activeElement?.id).to.equal('result-heading');
    await expect(el).to.be.accessible();

    el.lang = 'en';
    await el.updateComplete;
    expect(text(shadow(el).querySelector('[part="status"]'))).to.equal('Needs more information');
    expect(text(shadow(el).querySelector('[part="history"] li'))).to.equal(
      'Received 10:05 26/11/2026',
    );
  });

  it('says "Không tìm thấy hồ sơ…" in the focused error summary when there is no such dossier', async () => {
    const el = await fixture<DvcStatusLookup>(
      html`<dvc-status-lookup endpoint=${MISSING}></dvc-status-lookup>`,
    );
    await type(el, 'code', 'KS-261126-ZZZZ');
    await type(el, 'secret', '0912345678');
    shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => summaryOf(el).items.length > 0);
    expect(summaryOf(el).items).to.deep.equal([
      {
        message:
          'Không tìm thấy hồ sơ với mã và số điện thoại hoặc số định danh này. Vui lòng kiểm tra lại mã trên giấy tiếp nhận.',
      },
    ]);
    expect(shadow(el).activeElement).to.equal(summaryOf(el));
    expect(shadow(el).querySelector('[part="result"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("loads the supplement's procedure from the receiver's address, not the page's", async () => {
    // A receiver on another site (or folder) answers with its own relative URL: resolved against
    // this page, it named the agency's site, and the supplement could not load its form.
    const el = await fixture<DvcStatusLookup>(
      html`<dvc-status-lookup
        endpoint=${WITH_SUPPLEMENT}
        supplement-endpoint="/api/supplements"
      ></dvc-status-lookup>`,
    );
    await type(el, 'code', 'KS-261126-7QF3');
    await type(el, 'secret', '0912 345 678');
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => shadow(el).querySelector('dvc-supplement'),
      `the supplement: ${text(shadow(el).querySelector('[part="result"], dvc-error-summary'))}`,
      { timeout: 10_000 },
    );
    const form = shadow(el).querySelector('dvc-supplement')!.shadowRoot!;
    await waitUntil(
      () => form.querySelector('[data-path], [role="alert"]'),
      'the supplement loads',
      { timeout: 20_000 },
    );
    // Its text, not the element: chai's description of a rendered element never ends.
    expect(text(form.querySelector('[role="alert"]')) ?? null).to.equal(null);
    expect(
      [...form.querySelectorAll('[data-path]')].map((f) => f.getAttribute('data-path')),
    ).to.deep.equal(['hoTen']);
  });
});
