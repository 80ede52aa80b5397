import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../components/error-summary/error-summary.js';
import type {
  DvcErrorSelectEvent,
  DvcErrorSummary,
} from '../../../components/error-summary/error-summary.js';

describe('dvc-error-summary', () => {
  const items = [
    { message: 'Nhập họ và tên', target: 'ho-ten' },
    { message: 'Nhập ngày sinh', target: 'ngay-sinh' },
    { message: 'Hồ sơ chưa đủ giấy tờ' },
  ];

  it('renders nothing without problems', async () => {
    const el = await fixture<DvcErrorSummary>(
      html`<dvc-error-summary heading="Có lỗi cần sửa"></dvc-error-summary>`,
    );
    expect(el.shadowRoot!.querySelector('.summary')).to.equal(null);
  });

  it('lists one link per problem under its heading and passes axe', async () => {
    const el = await fixture<DvcErrorSummary>(
      html`<dvc-error-summary heading="Có lỗi cần sửa" .items=${items}></dvc-error-summary>`,
    );
    const box = el.shadowRoot!.querySelector('.summary')!;
    expect(box.getAttribute('tabindex')).to.equal('-1');
    expect(box.getAttribute('aria-labelledby')).to.equal('heading');
    expect(el.shadowRoot!.querySelector('h2')!.textContent).to.equal('Có lỗi cần sửa');
    const links = [...el.shadowRoot!.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
      ['Nhập họ và tên', '#ho-ten'],
      ['Nhập ngày sinh', '#ngay-sinh'],
    ]);
    expect(el.shadowRoot!.querySelectorAll('li')[2].textContent).to.equal('Hồ sơ chưa đủ giấy tờ');
    await expect(el).to.be.accessible();
  });

  it('takes focus on its box', async () => {
    const el = await fixture<DvcErrorSummary>(
      html`<dvc-error-summary heading="Có lỗi cần sửa" .items=${items}></dvc-error-summary>`,
    );
    el.focus();
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('.summary'));
  });

  it('fires a cancelable dvc-error-select; uncancelled, it focuses the target id itself', async () => {
    const host = await fixture<HTMLDivElement>(
      html`<div>
        <dvc-error-summary heading="Có lỗi cần sửa" .items=${items}></dvc-error-summary>
        <label for="ho-ten">Họ và tên</label><input id="ho-ten" />
        <label for="ngay-sinh">Ngày sinh</label><input id="ngay-sinh" />
      </div>`,
    );
    const el = host.querySelector('dvc-error-summary')!;
    await el.updateComplete;
    const links = el.shadowRoot!.querySelectorAll('a');
    setTimeout(() => links[1].click());
    const event = (await oneEvent(el, 'dvc-error-select')) as DvcErrorSelectEvent;
    expect(event.detail).to.deep.equal({ target: 'ngay-sinh' });
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    expect(document.activeElement).to.equal(host.querySelector('#ngay-sinh'));
    host.addEventListener('dvc-error-select', (e) => e.preventDefault(), { once: true });
    links[0].click();
    expect(document.activeElement).to.equal(host.querySelector('#ngay-sinh'));
    expect(location.hash).to.equal('');
  });
});
